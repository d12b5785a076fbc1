"""What a new user tripped over (issue 7), checked on the pages' markup: no Ctrl-click
multi-selects, the checklist template editor in workflow order with wide name fields."""

import re

import pytest

from visits.choices import ChecklistPhase
from visits.choices import RequestState as S

from .request_factories import VisitRequestFactory
from .test_request_pages import en  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_units_to_inform_are_checkboxes_in_a_labelled_group(en, kv, unit):  # noqa: F811
    visit_request = VisitRequestFactory(host_unit=unit, state=S.UNDER_REVIEW)
    html = en(kv).get(f"/requests/{visit_request.pk}/").content.decode()
    assert "<select multiple" not in html and "multiple>" not in html
    assert 'type="checkbox" class="form-check-input"  name="informed_units"' in re.sub(
        r"\s+", " ", html
    ) or re.search(r'type="checkbox"[^>]*name="informed_units"', html)
    group = re.search(r'class="[^"]*checkbox-scroll[^"]*">\s*<fieldset>\s*<legend', html)
    assert group, "the checkboxes sit in a fieldset with a legend"


def test_visit_and_request_forms_have_no_multi_select(en, staff):  # noqa: F811
    for path in ("/visits/new/", "/requests/new/"):
        html = en(staff).get(path).content.decode()
        assert "multiple" not in re.findall(r"<select[^>]*>", html).__str__(), path


def test_checklist_template_editor_lists_phases_in_workflow_order(en, kv):  # noqa: F811
    html = en(kv).get("/requests/rules/checklist/").content.decode()
    selected = re.findall(
        r'name="form-\d+-phase"[^>]*>.*?<option value="(\w+)" selected', html, re.S
    )
    assert selected, "the editor shows the seeded templates"
    order = [ChecklistPhase.values.index(p) for p in selected]
    assert order == sorted(order), selected
    assert set(selected) == set(ChecklistPhase.values)
    assert re.search(r'name="form-0-name_fi"[^>]*class="[^"]*input-name', html) or re.search(
        r'class="[^"]*input-name[^"]*"[^>]*name="form-0-name_fi"', html
    )


# --- lists: confidentiality filter, yes/no in words ----------------------------------------


def test_visits_and_requests_filter_by_confidentiality(en, kv, unit):  # noqa: F811
    from .factories import VisitFactory

    VisitFactory(host_unit=unit, title="Salainen tapaaminen", confidential=True)
    VisitFactory(host_unit=unit, title="Avoin tapaaminen")
    VisitRequestFactory(host_unit=unit, subject="Salainen pyyntö", confidential=True)
    VisitRequestFactory(host_unit=unit, subject="Avoin pyyntö")
    client = en(kv)
    for path, secret, open_ in (
        ("/visits/", "Salainen tapaaminen", "Avoin tapaaminen"),
        ("/requests/", "Salainen pyyntö", "Avoin pyyntö"),
    ):
        only = client.get(f"{path}?confidential=yes").content.decode()
        assert secret in only and open_ not in only
        none = client.get(f"{path}?confidential=no").content.decode()
        assert open_ in none and secret not in none
        assert 'name="confidential"' in client.get(path).content.decode()


def test_yes_no_columns_say_both(en, kv, unit):  # noqa: F811
    from .factories import VisitFactory

    VisitFactory(host_unit=unit, title="Salainen tapaaminen", confidential=True)
    VisitFactory(host_unit=unit, title="Avoin tapaaminen")
    html = en(kv).get("/visits/").content.decode()
    cells = re.findall(r'<span class="(true|false)">([^<]*)</span>', html)
    assert set(cells) == {("true", "yes"), ("false", "no")}, cells
