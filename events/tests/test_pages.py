"""The events list and its exports, the event page, the calendar, the dashboard, the metrics
readers and the demo data."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from icalendar import Calendar

from espoo_intl.calendar import calendar_token_renew
from espoo_intl.models import Theme
from espoo_intl.testing import assert_constant_queries, csv_rows, xlsx_rows
from espoo_intl.workflow import workflow_transition
from events import selectors
from events.choices import EventState
from events.models import Event
from events.tests.factories import EventFactory
from events.tests.helpers import assess, english

pytestmark = pytest.mark.django_db


def soon(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def test_list_query_count_does_not_grow_with_rows(client_for, staff, unit):
    theme = Theme.objects.first()

    def grow(n):
        for _ in range(n):
            EventFactory(owning_unit=unit).themes.add(theme)

    assert_constant_queries(client_for(staff), "/events/", grow=grow)


def test_list_filters_by_state_and_search(client_for, staff, unit):
    EventFactory(owning_unit=unit, name="Kiertotalouskongressi", state=EventState.APPROVED)
    EventFactory(owning_unit=unit, name="Kulttuurifestivaali")

    html = client_for(staff).get("/events/?state=approved").content.decode()
    searched = client_for(staff).get("/events/?q=festivaali").content.decode()

    assert "Kiertotalouskongressi" in html and "Kulttuurifestivaali" not in html
    assert "Kulttuurifestivaali" in searched and "Kiertotalouskongressi" not in searched


def test_csv_and_excel_exports_have_every_column(client_for, staff, unit):
    EventFactory(owning_unit=unit, name="=HYPERLINK(1)", city_funding=1500)
    client = english(client_for(staff))

    rows = csv_rows(client.get("/events/?_export=csv"))
    sheet = xlsx_rows(client.get("/events/?_export=xlsx"))

    assert rows[0]["City funding (EUR)"] == "1500.00"
    assert rows[0]["Name"] == "'=HYPERLINK(1)"  # no live formula
    assert sheet[0]["Owning unit"] == unit.label
    assert "Decision reference" in sheet[0]


def test_confidential_event_is_not_in_other_departments_list_or_export(client_for, users, unit):
    EventFactory(owning_unit=unit, name="Salainen seminaari", confidential=True)

    client = client_for(users["other_staff"])

    assert "Salainen seminaari" not in client.get("/events/").content.decode()
    assert csv_rows(client.get("/events/?_export=csv")) == []


def test_event_page_shows_timeline_and_history(client_for, staff, unit):
    event = EventFactory(owning_unit=unit)
    assess(event, staff)
    workflow_transition(event, to=EventState.ASSESSED, actor=staff)

    html = english(client_for(staff)).get(event.get_absolute_url()).content.decode()

    assert "Impact assessment" in html
    assert "impact assessed" in html.lower()
    assert "History" in html or "history" in html


def test_kv_sees_the_decision_form_but_no_bare_decision_buttons(client_for, kv, unit):
    event = EventFactory(owning_unit=unit, state=EventState.ASSESSED)

    html = english(client_for(kv)).get(event.get_absolute_url()).content.decode()

    assert "Record the decision" in html
    assert 'name="to" value="approved"' not in html


# --- calendar ---------------------------------------------------------------------------------


def test_events_are_in_the_calendar_but_not_rejected_ones(client_for, staff, unit):
    EventFactory(owning_unit=unit, name="Kesäkoulu", start_date=datetime.date(2026, 6, 8))
    EventFactory(
        owning_unit=unit, name="Hylätty tapahtuma", start_date=datetime.date(2026, 6, 9),
        state=EventState.REJECTED,
    )  # fmt: skip

    html = client_for(staff).get("/calendar/?month=2026-06").content.decode()

    assert "Kesäkoulu" in html
    assert "Hylätty tapahtuma" not in html


def test_confidential_event_shows_a_generic_title_in_the_feed(client, kv, unit):
    EventFactory(owning_unit=unit, name="Salainen investointiseminaari", confidential=True, start_date=soon(10))  # fmt: skip
    EventFactory(owning_unit=unit, name="Avoin konferenssi", start_date=soon(12))
    calendar_token_renew(user=kv)

    response = client.get(f"/calendar/feed/{kv.calendar_token}.ics")
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(response.content).walk("VEVENT")]

    assert "Avoin konferenssi" in summaries
    assert "Salainen investointiseminaari" not in response.content.decode()
    with translation.override(kv.language):
        assert str(selectors.CONFIDENTIAL_TITLE) in summaries


# --- dashboard --------------------------------------------------------------------------------


def test_dashboard_lists_events_awaiting_decision_and_the_next_60_days(client_for, kv, unit):
    EventFactory(owning_unit=unit, name="Päätöstä odottava", start_date=soon(200))
    EventFactory(owning_unit=unit, name="Pian alkava", start_date=soon(30), state=EventState.APPROVED)  # fmt: skip
    EventFactory(owning_unit=unit, name="Kaukainen", start_date=soon(90), state=EventState.APPROVED)  # fmt: skip

    html = english(client_for(kv)).get("/dashboard/").content.decode()

    assert "Events awaiting decision" in html
    assert "Päätöstä odottava" in html and "Pian alkava" in html
    assert "Kaukainen" not in html


# --- metrics readers --------------------------------------------------------------------------


def test_metrics_count_held_conferences_and_sustainability_events_of_the_year(unit):
    sustainable = Theme.objects.get(slug="sustainable-development")
    held = dict(owning_unit=unit, start_date=datetime.date(2025, 5, 5))
    EventFactory(**held, kind="conference", state=EventState.HELD).themes.add(sustainable)
    EventFactory(**held, kind="congress", state=EventState.REPORTED)
    EventFactory(**held, kind="seminar", state=EventState.HELD).themes.add(sustainable)
    EventFactory(**held, kind="conference", state=EventState.APPROVED).themes.add(sustainable)
    EventFactory(owning_unit=unit, start_date=datetime.date(2024, 5, 5), kind="conference", state=EventState.HELD)  # fmt: skip

    assert selectors.international_conferences_held(2025).count() == 2
    assert selectors.sustainability_events_held(2025).count() == 2
    assert selectors.held_events(2024).count() == 1


# --- demo data --------------------------------------------------------------------------------


def test_demo_loader_makes_fifteen_events_once(settings):
    settings.DEBUG = True
    call_command("load_demo", "--visits", "0", verbosity=0)
    call_command("load_demo", "--visits", "0", verbosity=0)

    events = Event.objects.all()
    assert events.count() == 15
    assert {e.start_date.year for e in events} == set(range(2022, 2028))
    assert len({e.state for e in events}) >= 7
