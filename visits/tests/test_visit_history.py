"""The history on a record's page reads as the user did it: one entry per save."""

import pytest

from espoo_intl.history import history_entries
from visits.services import visit_create, visit_update
from visits.tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def _data(unit, **extra):
    import datetime

    return {
        "title": "Kööpenhaminan delegaatio",
        "kind": "city_delegation",
        "visiting_organisation": "Københavns Kommune",
        "country": "DK",
        "host_unit": unit,
        "start_date": datetime.date(2024, 5, 6),
        "end_date": datetime.date(2024, 5, 6),
        "group_size": 8,
        **extra,
    }


def test_creating_with_themes_is_one_entry(staff, unit):
    theme = ThemeFactory(name_fi="kestävä kehitys")

    visit = visit_create(actor=staff, **_data(unit, themes=[theme]))

    entries = history_entries(visit)
    assert len(entries) == 1
    assert entries[0]["user"] == staff


def test_an_edit_of_title_and_themes_is_one_entry_listing_both(staff, unit):
    old, new = ThemeFactory(name_fi="koulutus"), ThemeFactory(name_fi="kulttuuri")
    visit = visit_create(actor=staff, **_data(unit, themes=[old]))

    visit_update(visit, actor=staff, title="Kööpenhaminan pormestarin delegaatio", themes=[new])

    latest, created = history_entries(visit)
    changes = {c["name"]: (c["old"], c["new"]) for c in latest["changes"]}
    assert changes["title"] == ("Kööpenhaminan delegaatio", "Kööpenhaminan pormestarin delegaatio")
    assert changes["themes"] == ("koulutus", "kulttuuri")
    assert latest["user"] == staff


def test_history_names_the_units_and_themes_of_each_save(staff, kv, unit, department):
    """Every entry names the related records it changed (read for all entries together)."""
    first, second = ThemeFactory(name_fi="koulutus"), ThemeFactory(name_fi="kulttuuri")
    visit = visit_create(actor=staff, **_data(unit, themes=[first]))
    visit_update(visit, actor=kv, host_unit=department, themes=[second])
    visit_update(visit, actor=kv, host_unit=unit, themes=[first, second])

    latest, middle, _created = history_entries(visit)
    assert {c["name"]: (c["old"], c["new"]) for c in latest["changes"]} == {
        "host_unit": (str(department), str(unit)),
        "themes": ("kulttuuri", "koulutus, kulttuuri"),
    }
    assert {c["name"]: (c["old"], c["new"]) for c in middle["changes"]} == {
        "host_unit": (str(unit), str(department)),
        "themes": ("koulutus", "kulttuuri"),
    }
