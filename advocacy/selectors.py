"""Read-only queries for the dashboard panel and the calendar."""

import datetime

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from espoo_intl.calendar import CalendarEntry

from .choices import OPEN_STATES
from .models import AdvocacyItem

__all__ = ["DEADLINE_DAYS", "deadlines_panel", "calendar_entries", "calendar_fingerprint"]

DEADLINE_DAYS = 7  # an open item's deadline this close is on the dashboard


def _open(user):
    return AdvocacyItem.objects.for_user(user).filter(state__in=OPEN_STATES)


def deadlines_panel(user) -> dict:
    """Open items whose deadline is within DEADLINE_DAYS days (or already past), soonest first."""
    today = timezone.localdate()
    items = (
        _open(user)
        .filter(deadline__isnull=False, deadline__lte=today + datetime.timedelta(DEADLINE_DAYS))
        .select_related("expert")
        .order_by("deadline", "pk")
    )
    return {"advocacy_deadlines": items[:20], "advocacy_days": DEADLINE_DAYS, "today": today}


def calendar_entries(*, user, start, end=None) -> list[CalendarEntry]:
    """Each open item's deadline as an all-day entry."""
    items = _open(user).filter(deadline__gte=start)
    if end is not None:
        items = items.filter(deadline__lte=end)
    return [
        CalendarEntry(
            uid=f"advocacy-{item.pk}@espoo-intl",
            title=_("Deadline: %(title)s") % {"title": item.title},
            start=item.deadline,
            end=item.deadline,
            url=item.get_absolute_url(),
            updated_at=item.updated_at,
            details=(item.get_kind_display(), item.get_state_display()),
            badge=_("advocacy"),
        )
        for item in items.order_by("deadline", "pk")
    ]


def calendar_fingerprint(*, user, start) -> str:
    items = _open(user).filter(deadline__gte=start)
    latest = items.aggregate(latest=Max("updated_at"))["latest"]
    return f"advocacy:{items.count()}:{latest.isoformat() if latest else ''}"
