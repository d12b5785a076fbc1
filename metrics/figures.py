"""An indicator's figure for each year: derived from the records (metrics.derived) or
entered in approved submissions (one provider's value, or the departments' values added up);
with the change from the previous year, comparability breaks and the trend."""

from collections import defaultdict
from decimal import Decimal

import pygal
from django.utils import timezone

from .derived import derived_value, is_computed
from .models import Indicator, SubmissionState, Unit, Value

__all__ = ["FIRST_YEAR", "years_of", "yearly_figures", "trend", "chart_svg"]

FIRST_YEAR = 2020  # the report compares years from 2020 (DOMAIN.md)
_ADDED_UP = {Unit.COUNT, Unit.PERSONS, Unit.EUR}


def years_of(indicator: Indicator) -> list[int]:
    """The years shown, newest first: from 2020 (or the first active year) to this year."""
    first = max(indicator.active_from or FIRST_YEAR, FIRST_YEAR)
    last = min(indicator.active_to or 9999, timezone.localdate().year)
    return list(range(last, first - 1, -1))


def _combine(unit: str, values: list[Value]):
    filled = [v for v in values if v.is_filled]
    if not filled:
        return None
    if unit == Unit.TEXT:
        return "; ".join(v.text for v in filled)
    numbers = [v.number for v in filled]
    total = sum(numbers, Decimal(0))
    return total if unit in _ADDED_UP else (total / len(numbers)).quantize(Decimal("0.01"))


def yearly_figures(indicator: Indicator, values=None) -> list[dict]:
    """[{year, value, change, breaks}] newest first; value None where it is missing.
    `values`: the indicator's approved values, if the caller fetched them already."""
    computed = indicator.derived and is_computed(indicator.code)
    by_year = defaultdict(list)
    if not computed:
        if values is None:
            values = Value.objects.filter(indicator=indicator, submission__state=SubmissionState.APPROVED).select_related("submission__period")  # fmt: skip
        for value in values:
            by_year[value.submission.period.year].append(value)
    rows = []
    for year in years_of(indicator):
        found = by_year.get(year, [])
        value = derived_value(indicator.code, year) if computed else _combine(indicator.unit, found)
        breaks = [v.break_explanation for v in found if v.comparability_break]
        rows.append({"year": year, "value": value, "breaks": breaks, "change": None})
    for row, previous in zip(rows, rows[1:], strict=False):
        if isinstance(row["value"], int | Decimal) and isinstance(previous["value"], int | Decimal):
            row["change"] = row["value"] - previous["value"]
    return rows


def trend(indicator: Indicator, rows: list[dict]) -> str:
    """ "up", "down" or "flat" for the latest change, "better"/"worse" as the unit reads it
    is left to the page (a rank goes down when it improves); "" without two numbers."""
    change = next((r["change"] for r in rows if r["change"] is not None), None)
    if change is None:
        return ""
    return "up" if change > 0 else "down" if change < 0 else "flat"


def chart_svg(indicator: Indicator, rows: list[dict], *, sparkline: bool = False) -> str:
    """A server-rendered SVG line chart of the numeric values (oldest first); no script
    or style is fetched from the network."""
    points = [(r["year"], float(r["value"]) if isinstance(r["value"], int | Decimal) else None) for r in reversed(rows)]  # fmt: skip
    style = pygal.style.Style(background="white", plot_background="white", colors=("#0050bb",))
    chart = pygal.Line(js=[], show_legend=False, style=style, inverse_y_axis=indicator.unit == Unit.RANK, allow_interruptions=True)  # fmt: skip
    chart.x_labels = [str(year) for year, _v in points]
    chart.add(indicator.code, [v for _y, v in points])
    if sparkline:
        return chart.render_sparkline(is_unicode=True, width=120, height=28)
    chart.title = f"{indicator.code} {indicator.name}"
    return chart.render(is_unicode=True)
