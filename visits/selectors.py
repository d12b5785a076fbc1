"""Reads of visits that are more than one filter."""

from django.db.models import Count
from django.utils import timezone

from espoo_intl.filtersets import year_span

from .choices import Direction, VisitKind, VisitStatus
from .models import Visit

__all__ = ["visit_summary", "visit_years", "home_tile"]


def visit_years(*, user) -> list[int]:
    return year_span(Visit.objects.for_user(user), "start_date")


def visit_summary(*, user) -> dict:
    """Counts for the start page: this year's visits, upcoming ones, by kind."""
    today = timezone.localdate()
    qs = Visit.objects.for_user(user).exclude(status=VisitStatus.CANCELLED)
    this_year = qs.filter(start_date__year=today.year)
    return {
        "year": today.year,
        "this_year": this_year.filter(direction=Direction.INCOMING).count(),
        "outgoing_this_year": this_year.filter(direction=Direction.OUTGOING).count(),
        "upcoming": list(
            qs.filter(start_date__gte=today)
            .select_related("host_unit__parent")
            .order_by("start_date")[:5]
        ),
        "by_kind": [
            (VisitKind(row["kind"]).label, row["n"])
            for row in this_year.values("kind").annotate(n=Count("pk")).order_by("-n")
        ],
    }


def home_tile(user) -> dict:
    """The start page's visits tile (declared in apps.py)."""
    from espoo_intl.permissions import can_add

    return {"summary": visit_summary(user=user), "can_add_visit": can_add(user, Visit)}
