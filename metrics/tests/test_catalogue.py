"""The catalogue as data: seeded from metrics-catalogue.csv by migration 0002, edited by
kv-tiimi on the catalogue pages."""

import pytest
from django.core.exceptions import ValidationError

from metrics.models import Goal, Indicator, Provider, Source, Unit

pytestmark = pytest.mark.django_db


def test_the_catalogue_is_seeded_in_its_order():
    codes = list(Indicator.objects.values_list("code", flat=True))
    assert len(codes) == 46
    assert codes[:3] == ["A1.1", "A1.2", "A1.3"] and codes[-1] == "C6.3"
    assert list(Goal.objects.values_list("code", flat=True)) == [
        "attraction", "sustainability", "services_innovation",
    ]  # fmt: skip


def test_seeded_indicators_keep_unit_provider_and_rule():
    a24 = Indicator.objects.get(code="A2.4")
    assert a24.derived and a24.all_departments and "city delegations" in a24.rule
    assert a24.objective.goal.code == "attraction"
    b24 = Indicator.objects.get(code="B2.4")
    assert b24.unit == Unit.RANK and [p.unit.name_fi for p in b24.providers.all()] == [
        "Espoo Marketing Oy"
    ]
    c61 = Indicator.objects.get(code="C6.1")
    assert c61.unit == Unit.PERCENT and c61.providers.get().source == Source.HR
    assert Indicator.objects.get(code="A2.1").unit_note == "nights"
    assert not Indicator.objects.get(code="A1.1").derived
    assert Indicator.objects.filter(derived=True).count() == 13


def test_every_indicator_has_a_provider():
    assert not Indicator.objects.filter(providers__isnull=True, all_departments=False).exists()
    assert Provider.objects.filter(source="").exclude(unit=None).count() == 7


@pytest.mark.parametrize(("tags", "ok"), [("11, 13", True), ("", True), ("0", False), ("18", False), ("x", False)])  # fmt: skip
def test_sdg_tags_are_goals_1_to_17(tags, ok):
    indicator = Indicator.objects.get(code="B2.3")
    indicator.sdg_tags = tags
    if ok:
        indicator.full_clean()
    else:
        with pytest.raises(ValidationError):
            indicator.full_clean()


def test_a_derived_indicator_needs_its_rule_and_years_in_order():
    indicator = Indicator.objects.get(code="A2.4")
    indicator.rule, indicator.active_from, indicator.active_to = "", 2024, 2021
    with pytest.raises(ValidationError) as caught:
        indicator.full_clean()
    assert set(caught.value.message_dict) == {"rule", "active_to"}


def test_kv_renames_a_goal_on_the_catalogue_page(client_for, kv, staff):
    goals = list(Goal.objects.all())
    data = {"form-TOTAL_FORMS": "3", "form-INITIAL_FORMS": "3", "form-MIN_NUM_FORMS": "0", "form-MAX_NUM_FORMS": "1000"}  # fmt: skip
    for n, goal in enumerate(goals):
        data |= {f"form-{n}-id": goal.pk, f"form-{n}-code": goal.code, f"form-{n}-name_fi": goal.name_fi, f"form-{n}-order": goal.order}  # fmt: skip
    data["form-0-name_fi"] = "Vetovoima"
    assert client_for(staff).post("/metrics/catalogue/goals/", data).status_code == 403
    assert Goal.objects.get(pk=goals[0].pk).name_fi != "Vetovoima"
    response = client_for(kv).post("/metrics/catalogue/goals/", data)
    assert response.status_code == 302
    assert Goal.objects.get(pk=goals[0].pk).name_fi == "Vetovoima"
    assert client_for(kv).get("/metrics/").content.decode().count("Vetovoima") == 1


def test_framework_page_lists_every_indicator(client_for, lead):
    page = client_for(lead).get("/metrics/").content.decode()
    assert all(
        f'/metrics/indicators/{code}/"' in page
        for code in Indicator.objects.values_list("code", flat=True)
    )
