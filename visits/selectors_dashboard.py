"""Reads for the kv-tiimi dashboard: what waits for review, what is coming, what is late.

Every queryset starts from `for_user(user)`; checklist items are reached only through
the requests the user may read.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from .choices import ItemStatus, RequestState, VisitStatus
from .models import OPEN_STATES, ChecklistItem, Visit, VisitRequest

__all__ = [
    "UPCOMING_DAYS", "UpcomingRow", "requests_awaiting_review", "open_requests_by_state",
    "upcoming_visits", "overdue_checklist_items", "counts_panel", "review_panel",
    "states_panel", "upcoming_panel", "overdue_panel", "DASHBOARD_ROWS",
]  # fmt: skip

UPCOMING_DAYS = 30
# A dashboard table lists at most this many rows (the page stays the same size however many
# records pile up, issue 12); the counts panel and a line under the table give the total.
DASHBOARD_ROWS = 20
REVIEW_STATES = (RequestState.RECEIVED, RequestState.UNDER_REVIEW)
PLANNED_REQUEST_STATES = (RequestState.ACCEPTED, RequestState.PLANNING, RequestState.CONFIRMED)
PLANNED_VISIT_STATUSES = (VisitStatus.PLANNED, VisitStatus.CONFIRMED)
# Items of a completed request (the after-visit phase) are still work to do.
ITEM_REQUEST_STATES = (*OPEN_STATES, RequestState.COMPLETED)


@dataclass(frozen=True)
class UpcomingRow:
    """A visit or an accepted request starting soon, as one dashboard row."""

    kind: str  # "visit" or "request"
    pk: int
    title: str
    start: datetime.date
    end: datetime.date
    status_label: str
    host_unit: str
    confidential: bool
    open_items: int
    url: str


def _today(today: datetime.date | None) -> datetime.date:
    return today or timezone.localdate()


def requests_awaiting_review(*, user, today: datetime.date | None = None) -> list[VisitRequest]:
    """New requests (received or under review), oldest first; each has `age_days`."""
    today = _today(today)
    rows = list(
        VisitRequest.objects.for_user(user)
        .filter(state__in=REVIEW_STATES)
        .select_related("host_unit__parent", "responsible")
        .order_by("received_on", "pk")
    )
    for row in rows:
        row.age_days = (today - row.received_on).days
    return rows


def open_requests_by_state(*, user) -> list[tuple[str, str, int]]:
    """(state, label, count) for every open state, in workflow order, zeros included."""
    counts = dict(
        VisitRequest.objects.for_user(user)
        .filter(state__in=OPEN_STATES)
        .order_by()
        .values_list("state")
        .annotate(n=Count("pk"))
    )
    return [(state.value, state.label, counts.get(state.value, 0)) for state in OPEN_STATES]


def upcoming_visits(
    *, user, today: datetime.date | None = None, days: int = UPCOMING_DAYS
) -> list[UpcomingRow]:
    """Accepted requests and planned visits starting within `days` days, soonest first,
    with the number of open checklist items of each."""
    today = _today(today)
    until = today + datetime.timedelta(days=days)
    open_items = Q(checklist__status=ItemStatus.OPEN)
    requests = (
        VisitRequest.objects.for_user(user)
        .filter(state__in=PLANNED_REQUEST_STATES, proposed_start__range=(today, until))
        .select_related("host_unit__parent")
        .annotate(open_items=Count("checklist", filter=open_items))
    )
    # A visit's checklist lives on the request it came from, if any, else on the visit
    # (one or the other: a request's visit gets no checklist of its own).
    visits = (
        Visit.objects.for_user(user)
        .filter(status__in=PLANNED_VISIT_STATUSES, start_date__range=(today, until))
        .select_related("host_unit__parent")
        .annotate(
            open_items=Count(
                "visit_request__checklist",
                filter=Q(visit_request__checklist__status=ItemStatus.OPEN),
                distinct=True,
            )
            + Count("checklist", filter=open_items, distinct=True)
        )
    )
    rows = [
        UpcomingRow(
            kind="request",
            pk=r.pk,
            title=r.subject,
            start=r.proposed_start,
            end=r.proposed_end,
            status_label=r.get_state_display(),
            host_unit=r.host_unit.label if r.host_unit else "",
            confidential=r.confidential,
            open_items=r.open_items,
            url=r.get_absolute_url(),
        )
        for r in requests
    ] + [
        UpcomingRow(
            kind="visit",
            pk=v.pk,
            title=v.title,
            start=v.start_date,
            end=v.end_date,
            status_label=v.get_status_display(),
            host_unit=v.host_unit.label,
            confidential=v.confidential,
            open_items=v.open_items,
            url=v.get_absolute_url(),
        )
        for v in visits
    ]
    return sorted(rows, key=lambda row: (row.start, row.kind, row.pk))


def overdue_checklist_items(*, user, today: datetime.date | None = None) -> list[ChecklistItem]:
    """Open checklist items past their due date, on requests still in progress, most
    overdue first; each has `days_overdue`."""
    today = _today(today)
    requests = VisitRequest.objects.for_user(user).filter(state__in=ITEM_REQUEST_STATES)
    rows = list(
        ChecklistItem.objects.filter(
            visit_request__in=requests, status=ItemStatus.OPEN, due_date__lt=today
        )
        .select_related("visit_request", "owner")
        .order_by("due_date", "visit_request_id", "pk")
    )
    for row in rows:
        row.days_overdue = (today - row.due_date).days
    return rows


# The dashboard panels' contexts (declared in apps.py).


def counts_panel(user) -> dict:
    return {
        "awaiting_review": requests_awaiting_review(user=user),
        "upcoming_days": UPCOMING_DAYS,
        "upcoming": upcoming_visits(user=user),
        "overdue_items": overdue_checklist_items(user=user),
    }


def _first(rows: list) -> dict:
    """The first DASHBOARD_ROWS rows of a panel's table and how many there are in all."""
    return {"shown": len(rows[:DASHBOARD_ROWS]), "total": len(rows)}


def review_panel(user) -> dict:
    rows = requests_awaiting_review(user=user)
    more_url = reverse("visits:request_list") + "?open=open&sort=received_on"
    return {"awaiting_review": rows[:DASHBOARD_ROWS], "more": _first(rows), "more_url": more_url}


def states_panel(user) -> dict:
    by_state = open_requests_by_state(user=user)
    return {"open_by_state": by_state, "open_total": sum(n for _s, _l, n in by_state)}


def upcoming_panel(user) -> dict:
    rows = upcoming_visits(user=user)
    return {"upcoming_days": UPCOMING_DAYS, "upcoming": rows[:DASHBOARD_ROWS], "more": _first(rows)}


def overdue_panel(user) -> dict:
    rows = overdue_checklist_items(user=user)
    return {"overdue_items": rows[:DASHBOARD_ROWS], "more": _first(rows)}
