"""Yearly totals in one query: what a derived indicator counts, for every year at once.

An app's `indicators.py` may offer `yearly_figures(years) -> {code: {year: figure}}` next
to its INDICATORS (metrics falls back to one query per indicator and year without it).
These helpers build that one query from the same conditions the indicator's
`records(year)` filters with, so the rule is written once::

    Tally(Count, "pk", Q(kind=VisitKind.MEDIA))          # how many media visits
    Tally(Sum, "invoiced_amount", Q(kind="technical"))   # their invoiced income
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Aggregate, Count, Q, QuerySet
from django.db.models.functions import ExtractYear

__all__ = ["Tally", "totals_by_year", "totals_while_running"]


@dataclass(frozen=True)
class Tally:
    """`aggregate(field)` over the records meeting `condition`; a year without any is 0."""

    aggregate: type[Aggregate]
    field: str
    condition: Q

    def expression(self, extra: Q | None = None) -> Aggregate:
        condition = self.condition & extra if extra is not None else self.condition
        return self.aggregate(self.field, filter=condition)

    @property
    def zero(self) -> int | Decimal:
        return 0 if self.aggregate is Count else Decimal("0")


def _filled(tallies: dict[str, Tally], years, found: dict[tuple[str, int], object]) -> dict:
    return {
        code: {
            year: tally.zero if found.get((code, year)) is None else found[(code, year)]
            for year in years
        }
        for code, tally in tallies.items()
    }


def totals_by_year(
    queryset: QuerySet, *, date_field: str, years: Iterable[int], tallies: dict[str, Tally]
) -> dict[str, dict[int, object]]:
    """{code: {year: total}} of records counted in the year their `date_field` falls in:
    one query grouped by year."""
    years = sorted(set(years))
    if not years:
        return {code: {} for code in tallies}
    rows = (
        queryset.filter(
            **{f"{date_field}__year__gte": years[0], f"{date_field}__year__lte": years[-1]}
        )
        .annotate(tally_year=ExtractYear(date_field))
        .values("tally_year")
        .annotate(**{f"t{i}": t.expression() for i, t in enumerate(tallies.values())})
        .order_by()
    )
    found = {}
    for row in rows:
        for i, code in enumerate(tallies):
            found[(code, row["tally_year"])] = row[f"t{i}"]
    return _filled(tallies, years, found)


def totals_while_running(
    queryset: QuerySet,
    *,
    start_field: str,
    end_field: str,
    years: Iterable[int],
    tallies: dict[str, Tally],
) -> dict[str, dict[int, object]]:
    """{code: {year: total}} of records that count in every year from their `start_field`'s
    to their `end_field`'s (no end: every year since the start), e.g. a project running
    2021–2024: one query grouped by (start year, end year), added up per year here."""
    years = sorted(set(years))
    rows = (
        queryset.filter(**{f"{start_field}__year__lte": years[-1] if years else 0})
        .exclude(**{f"{end_field}__year__lt": years[0] if years else 0})
        .annotate(tally_from=ExtractYear(start_field), tally_to=ExtractYear(end_field))
        .values("tally_from", "tally_to")
        .annotate(**{f"t{i}": t.expression() for i, t in enumerate(tallies.values())})
        .order_by()
    )
    found: dict[tuple[str, int], object] = {}
    for row in rows:
        for year in years:
            if row["tally_from"] <= year and (row["tally_to"] is None or row["tally_to"] >= year):
                for i, code in enumerate(tallies):
                    if row[f"t{i}"] is not None:
                        key = (code, year)
                        found[key] = found.get(key, tallies[code].zero) + row[f"t{i}"]
    return _filled(tallies, years, found)
