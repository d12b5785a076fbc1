"""Read-only queries for the dashboard panel and the calendar."""

import datetime

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from espoo_intl.calendar import CalendarEntry
from metrics.derived import derived_value

from .choices import OPEN_STATES
from .models import AdvocacyItem

__all__ = [
    "DEADLINE_DAYS", "deadlines_panel", "calendar_entries", "calendar_fingerprint",
    "paid_visit_figures",
]  # fmt: skip

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


def paid_visit_figures(years: int = 3) -> list[dict]:
    """Paid expert visits (C1.5) and their invoiced income (C1.6) in the latest years, for
    the development item on paid expert visits (DOMAIN.md 2.5, item 9)."""
    this_year = timezone.localdate().year
    rows = []
    for year in range(this_year - years + 1, this_year + 1):
        visits, income = derived_value("C1.5", year), derived_value("C1.6", year)
        if visits is not None or income is not None:
            rows.append({"year": year, "visits": visits, "income": income})
    return rows
