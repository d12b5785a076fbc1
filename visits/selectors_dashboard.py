"""Reads for the kv-tiimi dashboard: what waits for review, what is coming, what is late.

Every queryset starts from `for_user(user)`; checklist items are reached only through
the requests the user may read. Each table reads its first DASHBOARD_ROWS rows and the
total in one query, so the page costs the same however many records pile up (issue 12).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Func, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from espoo_intl.paging import PANEL_ROWS, FirstRows, first_rows

from .choices import ItemStatus, RequestState, VisitStatus
from .models import OPEN_STATES, ChecklistItem, Visit, VisitRequest

__all__ = [
    "UPCOMING_DAYS", "UpcomingRow", "requests_awaiting_review", "open_requests_by_state",
    "upcoming_visits", "overdue_checklist_items", "dashboard_panels", "DASHBOARD_ROWS",
]  # fmt: skip

UPCOMING_DAYS = 30
DASHBOARD_ROWS = PANEL_ROWS
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


def requests_awaiting_review(
    *, user, today: datetime.date | None = None, rows: int = DASHBOARD_ROWS
) -> FirstRows:
    """New requests (received or under review), oldest first; each has `age_days`."""
    today = _today(today)
    found = first_rows(
        VisitRequest.objects.for_user(user)
        .filter(state__in=REVIEW_STATES)
        .select_related("host_unit__parent", "responsible")
        .order_by("received_on", "pk"),
        rows,
    )
    for row in found.rows:
        row.age_days = (today - row.received_on).days
    return found


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


def _open_items(items) -> Coalesce:
    """How many of `items` (checklist items of the outer row) are open: a count subquery,
    so the outer query needs no GROUP BY."""
    count = Func(F("pk"), function="COUNT", output_field=IntegerField())
    open_items = items.filter(status=ItemStatus.OPEN).order_by().annotate(n=count).values("n")
    return Coalesce(Subquery(open_items), 0)


def upcoming_visits(
    *,
    user,
    today: datetime.date | None = None,
    days: int = UPCOMING_DAYS,
    rows: int = DASHBOARD_ROWS,
) -> FirstRows:
    """Accepted requests and planned visits starting within `days` days, soonest first,
    with the number of open checklist items of each."""
    today = _today(today)
    until = today + datetime.timedelta(days=days)
    requests = first_rows(
        VisitRequest.objects.for_user(user)
        .filter(state__in=PLANNED_REQUEST_STATES, proposed_start__range=(today, until))
        .select_related("host_unit__parent")
        .annotate(
            open_items=_open_items(ChecklistItem.objects.filter(visit_request=OuterRef("pk")))
        )
        .order_by("proposed_start", "pk"),
        rows,
    )
    # A visit's checklist lives on the request it came from, if any, else on the visit
    # (one or the other: a request's visit gets no checklist of its own).
    visits = first_rows(
        Visit.objects.for_user(user)
        .filter(status__in=PLANNED_VISIT_STATUSES, start_date__range=(today, until))
        .select_related("host_unit__parent")
        .annotate(
            open_items=_open_items(ChecklistItem.objects.filter(visit=OuterRef("pk")))
            + _open_items(ChecklistItem.objects.filter(visit_request__visit=OuterRef("pk")))
        )
        .order_by("start_date", "pk"),
        rows,
    )
    found = [
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
        for r in requests.rows
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
        for v in visits.rows
    ]
    found.sort(key=lambda row: (row.start, row.kind, row.pk))
    return FirstRows(found[:rows], requests.total + visits.total)


def overdue_checklist_items(
    *, user, today: datetime.date | None = None, rows: int = DASHBOARD_ROWS
) -> FirstRows:
    """Open checklist items past their due date, on requests still in progress, most
    overdue first; each has `days_overdue`."""
    today = _today(today)
    requests = VisitRequest.objects.for_user(user).filter(state__in=ITEM_REQUEST_STATES)
    found = first_rows(
        ChecklistItem.objects.filter(
            visit_request__in=requests, status=ItemStatus.OPEN, due_date__lt=today
        )
        .select_related("visit_request", "owner")
        .order_by("due_date", "visit_request_id", "pk"),
        rows,
    )
    for row in found.rows:
        row.days_overdue = (today - row.due_date).days
    return found


def dashboard_panels(user) -> dict:
    """The context of all five visits panels (declared in apps.py with this one callable,
    so the dashboard reads it once): five queries in all."""
    by_state = open_requests_by_state(user=user)
    review = requests_awaiting_review(user=user)
    return {
        "awaiting_review": review.rows,
        "review_more": review,
        "review_url": reverse("visits:request_list") + "?open=open&sort=received_on",
        "open_by_state": by_state,
        "open_total": sum(n for _s, _l, n in by_state),
        "upcoming_days": UPCOMING_DAYS,
        "upcoming": upcoming_visits(user=user),
        "overdue": overdue_checklist_items(user=user),
    }
