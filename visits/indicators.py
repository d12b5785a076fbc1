"""The metrics this app derives from visits (metrics-catalogue.csv, "how derived").

Read by metrics through espoo_intl.registry.indicators(). Counting rules, for every one:
a visit counts in the year it started; cancelled visits never count; outgoing study visits
count only where an indicator says so (none of these does); confidential visits count too
(metrics lists each person only the ones they may open).
"""

from decimal import Decimal

from django.db.models import Count, Q, Sum

from espoo_intl.registry import Indicator
from espoo_intl.yearly import Tally, totals_by_year

from .choices import Direction, VisitKind, VisitStatus
from .models import Visit

__all__ = ["INDICATORS", "counted_visits", "yearly_figures"]

SUSTAINABLE_DEVELOPMENT = "sustainable-development"  # theme slug (migration 0002)


def counted_visits(year: int, *, outgoing: bool = False, **filters):
    """Every visit that counts in `year` (confidential ones included): started that year,
    not cancelled, incoming unless `outgoing`."""
    visits = Visit.objects.filter(start_date__year=year, **filters).exclude(
        status=VisitStatus.CANCELLED
    )
    if not outgoing:
        visits = visits.filter(direction=Direction.INCOMING)
    return visits


def _kind(*kinds) -> Q:
    return Q(kind__in=kinds)


# A subquery PostgreSQL reads once (hashed), not a join: a visit counts once whatever its themes.
_SUSTAINABILITY_THEME = Q(
    pk__in=Visit.themes.through.objects.filter(theme__slug=SUSTAINABLE_DEVELOPMENT).values("visit")
)
# What each indicator adds up among the counted visits of a year (its rule, written once:
# `records(year)` and the all-years query of `yearly_figures` both read it).
TALLIES = {
    "A2.3": Tally(Count, "pk", _kind(VisitKind.DIGNITARY, VisitKind.INTERNATIONAL_ORG)),
    "A2.4": Tally(Count, "pk", _kind(VisitKind.CITY_DELEGATION)),
    "A2.5": Tally(Count, "pk", _kind(VisitKind.TWIN_CITY)),
    "A5.2": Tally(Count, "pk", _kind(VisitKind.MEDIA)),
    "B2.1": Tally(Count, "pk", _SUSTAINABILITY_THEME),
    "C1.5": Tally(Count, "pk", _kind(VisitKind.TECHNICAL)),
    "C1.6": Tally(Sum, "invoiced_amount", _kind(VisitKind.TECHNICAL)),
}
RULES = {
    "A2.3": "dignitary and international-organisation visits",
    "A2.4": "city delegations",
    "A2.5": "twin and partner city delegations",
    "A5.2": "international media visits",
    "B2.1": "visits with the theme sustainable development",
    "C1.5": "technical visits",
    "C1.6": "invoiced income of technical visits",
}


def _records(code: str):
    return lambda year: counted_visits(year).filter(TALLIES[code].condition)


def _invoiced(visits) -> Decimal:
    return visits.aggregate(total=Sum("invoiced_amount"))["total"] or Decimal("0")


def yearly_figures(years) -> dict[str, dict[int, int | Decimal]]:
    """Every indicator's figure for every year in `years`, in one query."""
    counted = Visit.objects.exclude(status=VisitStatus.CANCELLED).filter(
        direction=Direction.INCOMING
    )
    return totals_by_year(counted, date_field="start_date", years=years, tallies=TALLIES)


INDICATORS = [
    Indicator(
        code,
        _records(code),
        _invoiced if TALLIES[code].aggregate is Sum else None,
        rule=RULES[code],
    )
    for code in TALLIES
]
