"""The request page's compact checklist (issue 7, "what a new user tripped over"): an item
is ticked in place, several are marked done at once, every control is named after its item,
each item is a group and each list is labelled by its phase; the protocol buttons name
their party."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError

from visits.choices import ChecklistPhase, ItemStatus
from visits.choices import RequestState as S
from visits.services import planning

from .request_factories import ChecklistItemFactory, VisitRequestFactory
from .test_request_pages import en  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def planned(unit, staff):
    visit_request = VisitRequestFactory(host_unit=unit, state=S.PLANNING)
    first = ChecklistItemFactory(
        visit_request=visit_request,
        title="Vieraslista",
        owner=staff,
        due_date=datetime.date(2025, 2, 20),
        note="Pyydetty lähetystöltä",
    )
    second = ChecklistItemFactory(visit_request=visit_request, title="Liputus")
    after = ChecklistItemFactory(
        visit_request=visit_request, title="Palautekeskustelu", phase=ChecklistPhase.AFTER
    )
    return visit_request, first, second, after


def test_the_done_button_ticks_an_item_and_keeps_its_owner_due_date_and_note(en, kv, planned):  # noqa: F811
    visit_request, first, *_ = planned

    response = en(kv).post(
        f"/requests/{visit_request.pk}/items/{first.pk}/", {f"item{first.pk}-status": "done"}
    )

    assert response.status_code == 302
    assert response["Location"].endswith(f"#item-{first.pk}")
    first.refresh_from_db()
    assert first.status == ItemStatus.DONE
    assert first.owner is not None
    assert first.due_date == datetime.date(2025, 2, 20)
    assert first.note == "Pyydetty lähetystöltä"


def test_the_done_button_through_htmx_returns_the_item_ticked(en, kv, planned):  # noqa: F811
    visit_request, _, second, _ = planned

    response = en(kv).post(
        f"/requests/{visit_request.pk}/items/{second.pk}/",
        {f"item{second.pk}-status": "done"},
        HTTP_HX_REQUEST="true",
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert ">Done<" in html  # the status badge
    assert re.search(rf'id="pick-{second.pk}"[^>]* disabled>', html)


def test_several_items_are_marked_done_at_once(en, kv, planned):  # noqa: F811
    visit_request, first, second, after = planned
    elsewhere = ChecklistItemFactory(title="Toisen pyynnön kohta")

    response = en(kv).post(
        f"/requests/{visit_request.pk}/items/done/",
        {"items": [str(first.pk), str(after.pk), str(elsewhere.pk)]},
        follow=True,
    )

    assert "2 checklist items marked done." in response.content.decode()
    statuses = dict(visit_request.checklist.values_list("title", "status"))
    assert statuses == {"Vieraslista": "done", "Liputus": "open", "Palautekeskustelu": "done"}
    elsewhere.refresh_from_db()
    assert elsewhere.status == ItemStatus.OPEN
    assert "Checklist items marked done: 2" in response.content.decode()  # timeline


def test_marking_nothing_done_is_refused_with_a_message(en, kv, planned):  # noqa: F811
    visit_request, *_ = planned
    response = en(kv).post(f"/requests/{visit_request.pk}/items/done/", {})
    assert response.status_code == 400
    assert "Select the items to mark done." in response.content.decode()


def test_marking_items_done_on_a_closed_request_is_refused(kv, unit):
    visit_request = VisitRequestFactory(host_unit=unit, state=S.DEBRIEFED)
    item = ChecklistItemFactory(visit_request=visit_request)
    with pytest.raises(ValidationError):
        planning.checklist_items_mark_done(visit_request, actor=kv, item_ids=[item.pk])
    item.refresh_from_db()
    assert item.status == ItemStatus.OPEN


def _html(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_each_control_of_the_checklist_is_named_after_its_item(en, kv, planned):  # noqa: F811
    visit_request, first, second, after = planned
    html = _html(en(kv).get(f"/requests/{visit_request.pk}/"))

    for item in (first, second, after):
        name = item.title
        # The item is a group named by its title.
        assert f'role="group" aria-labelledby="item-{item.pk}-name"' in html
        assert f'id="item-{item.pk}-name" class="checklist-item-name me-auto">{name}' in html
        for label in ("Status", "Owner", "Due date", "Note", "Save", "Done", "Select", "Edit"):
            assert f'aria-label="{label}: {name}"' in html, (label, name)
    # One form per item for its details, one for the tick: no 20 Save buttons in view.
    assert html.count("<details") >= 3


def test_each_checklist_list_is_labelled_by_its_phase(en, kv, planned):  # noqa: F811
    visit_request, *_ = planned
    html = _html(en(kv).get(f"/requests/{visit_request.pk}/"))
    for phase in ("planning", "after"):
        assert f'<h4 id="phase-{phase}-h"' in html
        assert f'<ul class="list-group" aria-labelledby="phase-{phase}-h">' in html


def test_the_mark_informed_buttons_name_their_party(en, kv, unit):  # noqa: F811
    visit_request = VisitRequestFactory(
        host_unit=unit, state=S.PLANNING, dignitary_rank="head_of_state"
    )
    html = _html(en(kv).get(f"/requests/{visit_request.pk}/"))
    buttons = re.findall(r'aria-label="Mark informed: ([^"]+)"', html)
    assert len(buttons) >= 2
    assert len(set(buttons)) == len(buttons)
