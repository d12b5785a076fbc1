"""The core timeline: any record's log, summaries stored untranslated and read in the
reader's language, a model hook for parameter labels, entries removed with the record."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_noop

from espoo_intl.models import OrgUnit
from espoo_intl.timeline import timeline_for, timeline_log

from .factories import OrgUnitFactory

pytestmark = pytest.mark.django_db


def test_entries_belong_to_their_record_in_order(kv):
    unit, other = OrgUnitFactory(), OrgUnitFactory()
    timeline_log(unit, actor=kv, summary=gettext_noop("Saved. The record was created."))
    timeline_log(other, actor=None, summary="toinen")
    timeline_log(unit, actor=None, frm="a", to="b", reason="Syy")

    entries = list(timeline_for(unit))

    assert [(e.actor, e.summary, e.reason) for e in entries] == [
        (kv, "Saved. The record was created.", ""),
        (None, "", "Syy"),
    ]
    assert [e.summary for e in timeline_for(other)] == ["toinen"]


def test_the_summary_is_read_in_the_readers_language_with_its_values(monkeypatch):
    unit = OrgUnitFactory()
    entry = timeline_log(
        unit, actor=None, summary=gettext_noop("Deleted: %(name)s"), params={"name": "x"}
    )
    monkeypatch.setattr(
        OrgUnit,
        "timeline_params",
        staticmethod(lambda p: {"name": p["name"].upper()}),
        raising=False,
    )

    with translation.override("en"):
        assert entry.summary_text == "Deleted: X"
    with translation.override("fi"):
        assert entry.summary_text != "Deleted: X"
        assert entry.summary_text.endswith("X")
    entry.refresh_from_db()
    assert entry.summary == "Deleted: %(name)s"  # stored untranslated


def test_a_summary_with_missing_values_is_shown_as_stored():
    entry = timeline_log(OrgUnitFactory(), actor=None, summary="%(gone)s happened", params={"x": 1})
    assert entry.summary_text == "%(gone)s happened"


def test_the_include_lists_the_entries_or_says_nothing_happened(kv):
    unit = OrgUnitFactory()
    with translation.override("en"):
        empty = render_to_string("timeline/_timeline.html", {"timeline": timeline_for(unit)})
        timeline_log(unit, actor=kv, summary="Tehty", reason="Koska")
        full = render_to_string("timeline/_timeline.html", {"timeline": timeline_for(unit)})

    assert "Nothing has happened yet." in empty
    assert "Tehty" in full and "Koska" in full and str(kv) in full
