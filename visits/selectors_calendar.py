"""Visits' calendar source: visits and visit requests as the core calendar's entries
(declared in apps.py; the core calendar page and iCal feed collect them)."""

import datetime
import hashlib

from django.db.models import Count, Exists, Max, OuterRef
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from espoo_intl.calendar import CalendarEntry, detail_urls

from .choices import RequestState, VisitStatus
from .models import Visit, VisitRequest

__all__ = ["calendar_entries", "calendar_fingerprint", "CALENDAR_NOTE"]

HIDDEN_REQUEST_STATES = (RequestState.DECLINED, RequestState.CANCELLED)
CONFIRMED_STATES = {
    VisitStatus.CONFIRMED, VisitStatus.COMPLETED, RequestState.CONFIRMED, RequestState.COMPLETED,
    RequestState.DEBRIEFED,
}  # fmt: skip
CONFIDENTIAL_TITLE = gettext_lazy("Confidential visit")
CALENDAR_NOTE = gettext_lazy("Declined and cancelled requests are not shown.")


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
        .exclude(Exists(Visit.objects.for_user(user).filter(pk=OuterRef("visit_id"))))
        .filter(proposed_end__gte=start)
    )
    if end is not None:
        visits = visits.filter(start_date__lte=end)
        requests = requests.filter(proposed_start__lte=end)
    return visits, requests


def calendar_fingerprint(*, user, start: datetime.date) -> str:
    """Changes whenever the feed's content would: rows added, changed or removed."""
    parts = []
    for qs in _calendar_querysets(user=user, start=start):
        agg = qs.aggregate(n=Count("pk"), last=Max("updated_at"))
        parts += [str(agg["n"]), agg["last"].isoformat() if agg["last"] else "-"]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def _entry(kind: str, obj, *, url, title, start, end, status, status_label) -> CalendarEntry:
    return CalendarEntry(
        uid=f"{kind}-{obj.pk}@kv.espoo.fi",
        title=title,
        start=start,
        end=end,
        url=url(obj.pk),
        updated_at=obj.updated_at,
        confidential=obj.confidential,
        confirmed=status in CONFIRMED_STATES,
        confidential_title=CONFIDENTIAL_TITLE,
        details=(
            f"{obj.visiting_organisation} ({obj.country.name})",
            _("Status: %(status)s") % {"status": status_label},
        ),
        badge=f"{_('request')}: {status_label}" if kind == "request" else "",
    )


def calendar_entries(
    *, user, start: datetime.date, end: datetime.date | None = None
) -> list[CalendarEntry]:
    """The calendar's entries (see `_calendar_querysets`): visits, then requests."""
    visits, requests = _calendar_querysets(user=user, start=start, end=end)
    # The labels once per call: get_FOO_display() translates every choice on every row.
    visit_labels = {value: str(label) for value, label in VisitStatus.choices}
    request_labels = {value: str(label) for value, label in RequestState.choices}
    visit_url = detail_urls("visits:visit_detail")
    request_url = detail_urls("visits:request_detail")
    return [
        _entry(
            "visit", v, url=visit_url, title=v.title, start=v.start_date, end=v.end_date, status=v.status,
            status_label=visit_labels.get(v.status, v.status),
        )
        for v in visits.order_by("start_date", "end_date", "pk")
    ] + [
        _entry(
            "request", r, url=request_url, title=r.subject, start=r.proposed_start, end=r.proposed_end,
            status=r.state, status_label=request_labels.get(r.state, r.state),
        )
        for r in requests.order_by("proposed_start", "proposed_end", "pk")
    ]  # fmt: skip
