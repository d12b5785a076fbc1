"""Reads of the events register: metrics readers, the calendar source and the dashboard
panel. Every read for a person starts from `for_user(user)`."""

import datetime
import hashlib

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from espoo_intl.calendar import CalendarEntry
from espoo_intl.filtersets import year_span
from espoo_intl.paging import PANEL_ROWS, first_rows

from .choices import AWAITING_DECISION, HELD_STATES, EventKind, EventState
from .models import Event

__all__ = [
    "SUSTAINABILITY_THEME", "CONFERENCE_KINDS", "UPCOMING_DAYS", "held_events", "every_held_event",
    "CONFERENCES", "WITH_SUSTAINABILITY_THEME",
    "international_conferences_held", "sustainability_events_held", "calendar_entries",
    "calendar_fingerprint", "CALENDAR_NOTE", "dashboard_panel", "event_years",
]  # fmt: skip

SUSTAINABILITY_THEME = "sustainable-development"
CONFERENCE_KINDS = (EventKind.CONFERENCE, EventKind.CONGRESS)
UPCOMING_DAYS = 60
HIDDEN_STATES = (EventState.REJECTED, EventState.CANCELLED)
CONFIRMED_STATES = (EventState.APPROVED, EventState.AGREEMENT_SIGNED, *HELD_STATES)
CONFIDENTIAL_TITLE = gettext_lazy("Confidential event")
CALENDAR_NOTE = gettext_lazy("Rejected and cancelled events are not shown.")


# --- metrics (every record, no person's view) --------------------------------------------------


# The indicators' conditions on a held event (events/indicators.py counts every year with them).
CONFERENCES = Q(kind__in=CONFERENCE_KINDS)
WITH_SUSTAINABILITY_THEME = Q(
    pk__in=Event.themes.through.objects.filter(theme__slug=SUSTAINABILITY_THEME).values("event")
)


def every_held_event() -> QuerySet:
    """Events held (or held and reported), of any year."""
    return Event.objects.filter(state__in=HELD_STATES)


def held_events(year: int) -> QuerySet:
    """Events held (or held and reported) that started in `year`."""
    return every_held_event().filter(start_date__year=year)


def international_conferences_held(year: int) -> QuerySet:
    """A2.2: international conferences and congresses held in Espoo in `year`."""
    return held_events(year).filter(CONFERENCES)


def sustainability_events_held(year: int) -> QuerySet:
    """B2.1: held events with the sustainable-development theme in `year`."""
    return held_events(year).filter(WITH_SUSTAINABILITY_THEME)


def event_years(*, user) -> list[int]:
    return year_span(Event.objects.for_user(user), "start_date")


# --- the calendar ---------------------------------------------------------------------------


def _calendar_queryset(*, user, start, end=None) -> QuerySet:
    qs = Event.objects.for_user(user).exclude(state__in=HIDDEN_STATES).filter(end_date__gte=start)
    return qs if end is None else qs.filter(start_date__lte=end)


def calendar_fingerprint(*, user, start: datetime.date) -> str:
    agg = _calendar_queryset(user=user, start=start).aggregate(n=Count("pk"), last=Max("updated_at"))  # fmt: skip
    text = f"{agg['n']}|{agg['last'].isoformat() if agg['last'] else '-'}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def calendar_entries(*, user, start: datetime.date, end: datetime.date | None = None) -> list:
    """Events not rejected or cancelled that overlap start..end; a confidential one shows
    only a generic title in the feed (the core uses `confidential_title`)."""
    rows = _calendar_queryset(user=user, start=start, end=end).order_by("start_date", "end_date", "pk")  # fmt: skip
    return [
        CalendarEntry(
            uid=f"event-{e.pk}@kv.espoo.fi",
            title=e.name,
            start=e.start_date,
            end=e.end_date,
            url=e.get_absolute_url(),
            updated_at=e.updated_at,
            confidential=e.confidential,
            confirmed=e.state in CONFIRMED_STATES,
            confidential_title=str(CONFIDENTIAL_TITLE),
            details=(
                e.organiser,
                _("Status: %(status)s") % {"status": e.get_state_display()},
            ),
            badge=_("event"),
        )
        for e in rows
    ]


# --- the dashboard -----------------------------------------------------------------------------


def dashboard_panel(user, today: datetime.date | None = None) -> dict:
    """Events awaiting the decision, and events starting in the next 60 days."""
    today = today or timezone.localdate()
    qs = Event.objects.for_user(user).select_related("owning_unit__parent")
    return {
        "awaiting": first_rows(
            qs.filter(state__in=AWAITING_DECISION).order_by("start_date", "pk"), PANEL_ROWS
        ),
        "soon": first_rows(
            qs.exclude(state__in=HIDDEN_STATES)
            .filter(
                start_date__gte=today,
                start_date__lte=today + datetime.timedelta(days=UPCOMING_DAYS),
            )  # fmt: skip
            .order_by("start_date", "pk"),
            PANEL_ROWS,
        ),
        "upcoming_days": UPCOMING_DAYS,
    }
