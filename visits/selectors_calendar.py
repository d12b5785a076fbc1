"""Reads for the visit calendar page and the personal iCal feed."""

import calendar
import datetime
import hashlib
from dataclasses import dataclass

from django.db.models import Count, Max

from .choices import RequestState, VisitStatus
from .models import Visit, VisitRequest

__all__ = ["CalendarEntry", "calendar_entries", "month_bounds", "month_weeks"]

HIDDEN_REQUEST_STATES = (RequestState.DECLINED, RequestState.CANCELLED)
CONFIRMED_STATES = {
    VisitStatus.CONFIRMED, VisitStatus.COMPLETED, RequestState.CONFIRMED, RequestState.COMPLETED,
    RequestState.DEBRIEFED,
}  # fmt: skip


@dataclass(frozen=True)
class CalendarEntry:
    """A visit or a visit request as the calendar shows it."""

    kind: str  # "visit" or "request"
    pk: int
    title: str
    organisation: str
    country_name: str
    start: datetime.date
    end: datetime.date
    status: str
    status_label: str
    confidential: bool
    updated_at: datetime.datetime
    url: str

    @property
    def uid(self) -> str:
        """Stable per record, so calendar apps update an event instead of duplicating it."""
        return f"{self.kind}-{self.pk}@kv.espoo.fi"

    @property
    def confirmed(self) -> bool:
        """Agreed to happen (or already happened), as opposed to still being planned."""
        return self.status in CONFIRMED_STATES

    def spans(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end


def _calendar_querysets(*, user, start: datetime.date, end: datetime.date | None = None):
    """Visits (not cancelled) and requests (not declined or cancelled) the user may read
    that overlap start..end (end None: no upper limit). A request that has become a visit
    record is left out: it is shown once, as the visit."""
    visits = (
        Visit.objects.for_user(user)
        .exclude(status=VisitStatus.CANCELLED)
        .filter(end_date__gte=start)
    )
    requests = (
        VisitRequest.objects.for_user(user)
        .exclude(state__in=HIDDEN_REQUEST_STATES)
        .exclude(visit__in=Visit.objects.for_user(user))
        .filter(proposed_end__gte=start)
    )
    if end is not None:
        visits = visits.filter(start_date__lte=end)
        requests = requests.filter(proposed_start__lte=end)
    return visits, requests


def calendar_fingerprint(*, user, start: datetime.date) -> str:
    """Changes whenever the feed's content would: rows added, changed or removed."""
    parts = [user.language, start.isoformat()]
    for qs in _calendar_querysets(user=user, start=start):
        agg = qs.aggregate(n=Count("pk"), last=Max("updated_at"))
        parts += [str(agg["n"]), agg["last"].isoformat() if agg["last"] else "-"]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def calendar_entries(
    *, user, start: datetime.date, end: datetime.date | None = None
) -> list[CalendarEntry]:
    """The calendar's entries (see `_calendar_querysets`), ordered by start date."""
    visits, requests = _calendar_querysets(user=user, start=start, end=end)
    entries = [
        CalendarEntry(
            kind="visit",
            pk=v.pk,
            title=v.title,
            organisation=v.visiting_organisation,
            country_name=str(v.country.name),
            start=v.start_date,
            end=v.end_date,
            status=v.status,
            status_label=v.get_status_display(),
            confidential=v.confidential,
            updated_at=v.updated_at,
            url=v.get_absolute_url(),
        )
        for v in visits
    ] + [
        CalendarEntry(
            kind="request",
            pk=r.pk,
            title=r.subject,
            organisation=r.visiting_organisation,
            country_name=str(r.country.name),
            start=r.proposed_start,
            end=r.proposed_end,
            status=r.state,
            status_label=r.get_state_display(),
            confidential=r.confidential,
            updated_at=r.updated_at,
            url=r.get_absolute_url(),
        )
        for r in requests
    ]
    return sorted(entries, key=lambda e: (e.start, e.end, e.kind, e.pk))


def _weeks(year: int, month: int) -> list[list[datetime.date]]:
    return calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)


def month_bounds(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the month's grid: whole weeks, Monday to Sunday."""
    weeks = _weeks(year, month)
    return weeks[0][0], weeks[-1][-1]


def month_weeks(
    year: int, month: int, entries: list[CalendarEntry]
) -> list[list[tuple[datetime.date, list[CalendarEntry]]]]:
    """The month as weeks (Monday first) of (day, entries on that day)."""
    return [
        [(day, [e for e in entries if e.spans(day)]) for day in week]
        for week in _weeks(year, month)
    ]
