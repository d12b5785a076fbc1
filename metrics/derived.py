"""Derived indicators: figures computed from the records the domain apps declare through
espoo_intl.registry (metrics imports no domain app). Never typed in."""

from dataclasses import dataclass
from decimal import Decimal

from espoo_intl import registry

__all__ = ["DerivedRecords", "is_computed", "derived_value", "derived_records", "derived_figures"]


@dataclass(frozen=True)
class DerivedRecords:
    """What one person may see of the records behind a derived figure."""

    visible: list
    hidden: int

    @property
    def total(self) -> int:
        return len(self.visible) + self.hidden


def is_computed(code: str) -> bool:
    """Does some app derive this indicator?"""
    return bool(registry.indicators(code))


def _value(item: registry.Indicator, year: int):
    records = item.records(year)
    return item.value(records) if item.value else records.count()


def derived_value(code: str, year: int) -> int | Decimal | None:
    """The figure for `year`: every counted record, confidential ones too (None when no
    app derives `code`). Declarations of the same code by several apps add up."""
    items = registry.indicators(code)
    if not items:
        return None
    return sum((_value(item, year) for item in items), 0)


def derived_figures(years) -> dict[str, dict[int, int | Decimal]]:
    """{code: {year: figure}} of every derived indicator for every year in `years`: the same
    figures as `derived_value`, in a query or two per app (its `yearly_figures`) rather than
    one per indicator and year."""
    years = list(years)
    table: dict[str, dict[int, int | Decimal]] = {}
    for items, yearly in registry.indicator_sources():
        batch = yearly(years) if yearly else {}
        for item in items:
            by_year = batch.get(item.code) or {year: _value(item, year) for year in years}
            row = table.setdefault(item.code, dict.fromkeys(years, 0))
            for year in years:
                row[year] += by_year[year]
    return table


def derived_records(code: str, year: int, user) -> DerivedRecords:
    """The records behind the figure that `user` may open, and how many more are counted
    but hidden from them (kv-tiimi sees them all)."""
    visible, hidden = [], 0
    for item in registry.indicators(code):
        counted = item.records(year)
        shown = list(counted.for_user(user))
        visible += shown
        hidden += counted.count() - len(shown)
    return DerivedRecords(visible, hidden)
