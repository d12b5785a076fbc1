"""Reads about networks that are more than one filter: the side-by-side overview of the
yearly evaluations, the networks still waiting for this year's evaluation, and the figures
the metrics read (memberships and evaluations by class in a year)."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone

from espoo_intl.paging import PANEL_ROWS, first_rows

from .choices import FIRST_EVALUATION_YEAR, Membership, NetworkScope
from .models import Network, NetworkEvaluation

__all__ = [
    "evaluation_years", "memberships_in_year", "evaluations_by_class", "networks_without_evaluation",
    "OverviewRow", "evaluation_overview", "dashboard_panel",
]  # fmt: skip


def _year(year: int | None) -> int:
    return year or timezone.localdate().year


def evaluation_years(*, until: int | None = None) -> list[int]:
    """The evaluation years from 2021 to `until` (default this year)."""
    return list(range(FIRST_EVALUATION_YEAR, _year(until) + 1))


def memberships_in_year(year: int, *, user=None, scope: str | None = None) -> QuerySet[Network]:
    """Networks Espoo was a member of in `year` (support organisations are not memberships):
    joined that year or before (or unknown) and not left before it. Through the user's
    record rules when a user is given; `scope` limits to city-wide or department networks."""
    qs = Network.objects.for_user(user) if user is not None else Network.objects.all()
    qs = _in_year(qs.filter(membership=Membership.MEMBER), year)
    return qs.filter(scope=scope) if scope else qs


def _in_year(qs: QuerySet[Network], year: int) -> QuerySet[Network]:
    """Networks Espoo took part in during `year` (joined by then, not left before)."""
    qs = qs.filter(Q(joined_year__isnull=True) | Q(joined_year__lte=year))
    return qs.filter(Q(left_year__isnull=True) | Q(left_year__gte=year))


def evaluations_by_class(year: int, *, user=None, scope: str | None = None) -> dict[str, int]:
    """How many networks were evaluated strategic, thematic and passive in `year`
    ({class code: count}, classes without evaluations left out)."""
    qs = NetworkEvaluation.objects.for_user(user) if user is not None else NetworkEvaluation.objects.all()  # fmt: skip
    qs = qs.filter(year=year)
    if scope:
        qs = qs.filter(network__scope=scope)
    return dict(Counter(qs.values_list("network_class", flat=True)))


def networks_without_evaluation(*, user, year: int | None = None) -> QuerySet[Network]:
    """City-wide networks (support organisations too) Espoo takes part in during `year`
    (default this year) that have no evaluation for it yet, by name."""
    year = _year(year)
    city_wide = Network.objects.for_user(user).filter(scope=NetworkScope.CITY_WIDE)
    return (
        _in_year(city_wide, year)
        .exclude(evaluations__year=year)
        .select_related("owning_unit__parent")
        .order_by("name", "pk")
    )


@dataclass
class OverviewRow:
    network: Network
    cells: dict = field(default_factory=dict)  # year -> NetworkEvaluation or None

    def by_year(self, years) -> list:
        return [self.cells.get(y) for y in years]


def evaluation_overview(*, user, years: list[int] | None = None) -> list[OverviewRow]:
    """Every city-wide network with its evaluation of each year side by side (two queries)."""
    years = years or evaluation_years()
    networks = list(
        Network.objects.for_user(user)
        .filter(scope=NetworkScope.CITY_WIDE)
        .select_related("owning_unit__parent")
        .order_by("name", "pk")
    )
    rows = {n.pk: OverviewRow(n) for n in networks}
    evaluations = NetworkEvaluation.objects.for_user(user).filter(
        network__in=list(rows), year__in=years
    )
    for evaluation in evaluations:
        rows[evaluation.network_id].cells[evaluation.year] = evaluation
    return list(rows.values())


def dashboard_panel(user) -> dict:
    """The dashboard panel: city-wide networks still without this year's evaluation."""
    year = _year(None)
    return {
        "year": year,
        "missing_networks": first_rows(
            networks_without_evaluation(user=user, year=year), PANEL_ROWS
        ),
    }
