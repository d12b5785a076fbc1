"""The metrics this app derives from visits (metrics-catalogue.csv, "how derived").

Read by metrics through espoo_intl.registry.indicators(). Counting rules, for every one:
a visit counts in the year it started; cancelled visits never count; outgoing study visits
count only where an indicator says so (none of these does); confidential visits count too
(metrics lists each person only the ones they may open).
"""

from decimal import Decimal

from django.db.models import Sum

from espoo_intl.registry import Indicator

from .choices import Direction, VisitKind, VisitStatus
from .models import Visit

__all__ = ["INDICATORS", "counted_visits"]

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


def _of_kind(*kinds):
    return lambda year: counted_visits(year, kind__in=kinds)


def _invoiced(visits) -> Decimal:
    return visits.aggregate(total=Sum("invoiced_amount"))["total"] or Decimal("0")


def _with_sustainability_theme(year):
    return counted_visits(year, themes__slug=SUSTAINABLE_DEVELOPMENT).distinct()


INDICATORS = [
    Indicator(
        "A2.3",
        _of_kind(VisitKind.DIGNITARY, VisitKind.INTERNATIONAL_ORG),
        rule="dignitary and international-organisation visits",
    ),
    Indicator("A2.4", _of_kind(VisitKind.CITY_DELEGATION), rule="city delegations"),
    Indicator("A2.5", _of_kind(VisitKind.TWIN_CITY), rule="twin and partner city delegations"),
    Indicator("A5.2", _of_kind(VisitKind.MEDIA), rule="international media visits"),
    Indicator(
        "B2.1", _with_sustainability_theme, rule="visits with the theme sustainable development"
    ),
    Indicator("C1.5", _of_kind(VisitKind.TECHNICAL), rule="technical visits"),
    Indicator(
        "C1.6", _of_kind(VisitKind.TECHNICAL), _invoiced, rule="invoiced income of technical visits"
    ),
]
