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
    assert a24.derived and a24.all_departments and "city delegations" in a24.rule_en
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
    indicator.rule_fi = indicator.rule_sv = indicator.rule_en = ""
    indicator.active_from, indicator.active_to = 2024, 2021
    with pytest.raises(ValidationError) as caught:
        indicator.full_clean()
    assert set(caught.value.message_dict) == {"rule_en", "active_to"}


def test_every_derived_rule_is_in_finnish_swedish_and_english():
    derived = Indicator.objects.filter(derived=True)
    assert derived.count() == 13
    for indicator in derived:
        assert indicator.rule_fi and indicator.rule_sv and indicator.rule_en, indicator.code
        assert indicator.rule_fi != indicator.rule_en and indicator.rule_sv != indicator.rule_en
    a23 = Indicator.objects.get(code="A2.3")
    assert a23.rule_in("fi").startswith("vierailut: vuoden arvovierailut")
    assert a23.rule_in("sv").startswith("besök: årets högnivåbesök")
    assert a23.rule_in("en").startswith("visits: dignitary")


def test_a_rule_missing_in_a_language_reads_in_english_then_finnish():
    indicator = Indicator.objects.get(code="A2.4")
    indicator.rule_sv = ""
    assert indicator.rule_in("sv") == indicator.rule_en
    indicator.rule_en = ""
    assert indicator.rule_in("sv") == indicator.rule_in("en") == indicator.rule_fi


def test_the_indicator_page_shows_the_rule_in_the_readers_language(client_for, lead, settings):
    client = client_for(lead)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "sv"
    page = client.get("/metrics/indicators/A2.4/").content.decode()
    assert "besök: årets stadsdelegationer" in page
    assert "city delegations" not in page and "kaupunkidelegaatiot" not in page


def test_the_indicator_pages_write_objectives_with_a_capital(client_for, lead):
    client = client_for(lead)
    assert "› Osaajia</p>" in client.get("/metrics/indicators/A1.1/").content.decode()
    assert ">Osaajia</h3>" in client.get("/metrics/").content.decode()


def test_kv_writes_a_rule_in_three_languages_on_the_catalogue_page(client_for, kv):
    page = client_for(kv).get("/metrics/catalogue/indicators/").content.decode()
    assert all(f'name="form-0-rule_{lang}"' in page for lang in ("fi", "sv", "en"))


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
