"""An indicator's figure for each year, in one place: derived from the records
(metrics.derived), computed from two other indicators (a ratio such as C6.3 = C6.1 / C6.2),
or entered in approved submissions (one provider's value, or the departments' values added
up); with the change from the previous year, comparability breaks and the trend.

`indicator_value(indicator, year, provider=None)` is THE figure of an indicator; the
indicator page, the overview and its exports, the charts, the diversity page and the annual
report (`report_indicators(year)`) all read it through `FigureBook`."""

import re
from decimal import ROUND_HALF_UP, Decimal

import pygal
from django.utils import timezone

from .derived import derived_figures
from .models import Indicator, Provider, SubmissionState, Unit, Value

__all__ = [
    "FIRST_YEAR", "FigureBook", "ratio_inputs", "indicator_value", "years_of", "yearly_figures",
    "trend", "chart_svg", "report_indicators",
]  # fmt: skip

FIRST_YEAR = 2020  # the report compares years from 2020 (DOMAIN.md)
_ADDED_UP = {Unit.COUNT, Unit.PERSONS, Unit.EUR}
# The catalogue's rule of an indicator computed from two others: "computed: C6.1 / C6.2".
_RATIO_RULE = re.compile(
    r"^\s*computed:\s*(?P<top>[A-Z]\d+\.\d+)\s*/\s*(?P<bottom>[A-Z]\d+\.\d+)\s*$"
)
_RATIO_PLACES = Decimal("0.01")


def ratio_inputs(indicator: Indicator) -> tuple[str, str] | None:
    """(dividend code, divisor code) of an indicator computed as a ratio of two others, read
    from its rule; None for any other indicator."""
    if not indicator.derived:
        return None
    found = _RATIO_RULE.match(indicator.rule_en or "")
    return (found["top"], found["bottom"]) if found else None


def _is_number(value) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def _ratio(top, bottom) -> Decimal | None:
    """top / bottom to two decimals; None when either is missing or the divisor is 0."""
    if not (_is_number(top) and _is_number(bottom)) or bottom == 0:
        return None
    return (Decimal(top) / Decimal(bottom)).quantize(_RATIO_PLACES, ROUND_HALF_UP)


def _combine(unit: str, values: list[Value]):
    filled = [v for v in values if v.is_filled]
    if not filled:
        return None
    if unit == Unit.TEXT:
        return "; ".join(v.text for v in filled)
    numbers = [v.number for v in filled]
    total = sum(numbers, Decimal(0))
    return total if unit in _ADDED_UP else (total / len(numbers)).quantize(Decimal("0.01"))


class FigureBook:
    """Reads the approved values once and answers for any indicator and year. `every=True`
    reads every indicator's values in one query (the overview and the report ask for all
    46 × 7 years); otherwise each indicator's values are read when first asked for."""

    def __init__(self, *, every: bool = False):
        self._entered: dict[int, dict[int, list[Value]]] = {}
        self._every = every
        self._loaded_all = False
        self._by_code: dict[str, Indicator] | None = None
        self._derived: dict[str, dict[int, object]] = {}
        self._derived_years: set[int] = set()

    def _load(self, indicator: Indicator) -> None:
        approved = Value.objects.filter(submission__state=SubmissionState.APPROVED)
        if self._every:
            self._loaded_all = True
        else:
            approved = approved.filter(indicator=indicator)
            self._entered[indicator.pk] = {}
        approved = approved.select_related(
            "indicator", "submission__period", "submission__provider"
        )
        for value in approved:
            by_year = self._entered.setdefault(value.indicator_id, {})
            by_year.setdefault(value.submission.period.year, []).append(value)

    def entered(self, indicator: Indicator, year: int) -> list[Value]:
        """The indicator's values in approved submissions for `year` (every provider)."""
        if not self._loaded_all and indicator.pk not in self._entered:
            self._load(indicator)
        return self._entered.get(indicator.pk, {}).get(year, [])

    def derived(self, code: str, year: int):
        """A derived figure; every derived indicator's figures for 2020 up to this year are
        counted together when the first is asked for (a query or two per app)."""
        if year not in self._derived_years:
            years = set(range(FIRST_YEAR, timezone.localdate().year + 1)) | self._derived_years
            self._derived_years = years | {year}
            self._derived = derived_figures(sorted(self._derived_years))
        found = self._derived.get(code)
        return None if found is None else found[year]

    def indicator(self, code: str) -> Indicator | None:
        if self._by_code is None:
            self._by_code = {i.code: i for i in Indicator.objects.all()}
        return self._by_code.get(code)

    def value(self, indicator: Indicator, year: int, provider: Provider | None = None):
        """The figure (int, Decimal or text), or None where it is missing. `provider`
        narrows entered values to that provider's; derived figures are the city's."""
        inputs = ratio_inputs(indicator)
        if inputs:
            top, bottom = (self.indicator(code) for code in inputs)
            if top is None or bottom is None:
                return None
            return _ratio(self.value(top, year, provider), self.value(bottom, year, provider))
        if indicator.derived:
            return self.derived(indicator.code, year)
        found = self.entered(indicator, year)
        if provider is not None:
            found = [v for v in found if v.submission.provider_id == provider.pk]
        return _combine(indicator.unit, found)

    def values(self, indicator: Indicator, year: int) -> list[Value]:
        """The entered values a figure rests on (a ratio: those of its two inputs)."""
        inputs = ratio_inputs(indicator)
        if inputs:
            found = [self.indicator(code) for code in inputs]
            return [v for i in found if i is not None for v in self.values(i, year)]
        return [] if indicator.derived else self.entered(indicator, year)

    def breaks(self, indicator: Indicator, year: int) -> list[str]:
        """Explanations of the breaks in comparability behind the figure (a ratio inherits
        its inputs' breaks, named by their code)."""
        own = not ratio_inputs(indicator)
        return [
            v.break_explanation if own else f"{v.indicator.code}: {v.break_explanation}"
            for v in self.values(indicator, year)
            if v.comparability_break
        ]


def indicator_value(indicator: Indicator | str, year: int, provider: Provider | None = None):
    """THE figure of an indicator (or its code) for a year, optionally one provider's:
    int / Decimal / text, None where it is missing (never 0 in place of a missing figure)."""
    book = FigureBook()
    if isinstance(indicator, str):
        indicator = book.indicator(indicator)
        if indicator is None:
            return None
    return book.value(indicator, year, provider)


def years_of(indicator: Indicator) -> list[int]:
    """The years shown, newest first: from 2020 (or the first active year) to this year."""
    first = max(indicator.active_from or FIRST_YEAR, FIRST_YEAR)
    last = min(indicator.active_to or 9999, timezone.localdate().year)
    return list(range(last, first - 1, -1))


def _with_changes(rows: list[dict]) -> list[dict]:
    """Each row's change from the row after it (the previous year), where both are numbers."""
    for row, previous in zip(rows, rows[1:], strict=False):
        if _is_number(row["value"]) and _is_number(previous["value"]):
            row["change"] = row["value"] - previous["value"]
    return rows


def yearly_figures(indicator: Indicator, book: FigureBook | None = None, years=None) -> list[dict]:
    """[{year, value, change, breaks}] newest first; value None where it is missing."""
    book = book or FigureBook()
    rows = [
        {"year": year, "value": book.value(indicator, year), "breaks": book.breaks(indicator, year), "change": None}
        for year in (years_of(indicator) if years is None else years)
    ]  # fmt: skip
    return _with_changes(rows)


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
    points = [(r["year"], float(r["value"]) if _is_number(r["value"]) else None) for r in reversed(rows)]  # fmt: skip
    style = pygal.style.Style(background="white", plot_background="white", colors=("#0050bb",))
    chart = pygal.Line(js=[], show_legend=False, style=style, inverse_y_axis=indicator.unit == Unit.RANK, allow_interruptions=True)  # fmt: skip
    chart.x_labels = [str(year) for year, _v in points]
    chart.add(indicator.code, [v for _y, v in points])
    if sparkline:
        return chart.render_sparkline(is_unicode=True, width=120, height=28)
    chart.title = f"{indicator.code} {indicator.name}"
    return chart.render(is_unicode=True)


def _names(obj) -> dict[str, str]:
    return {"fi": obj.name_fi, "sv": obj.name_sv or obj.name_fi, "en": obj.name_en or obj.name_fi}


def _origin(indicator: Indicator) -> str:
    if ratio_inputs(indicator):
        return "computed"
    return "derived" if indicator.derived else "entered"


def report_indicators(year: int) -> list[dict]:
    """Every indicator of the catalogue (in its order) with its figures for the annual
    report of `year`, as plain data (JSON-serialisable apart from Decimal; nothing
    confidential: derived figures are counts, never the records):

        {"code", "goal": {"code", "names"}, "objective": {"names"}, "names": {"fi","sv","en"},
         "unit": Unit code, "unit_note", "origin": "entered" | "derived" | "computed",
         "rule": {"fi","sv","en"}, "active": bool (in use in `year`), "sdg": [1–17],
         "providers": [{"fi","sv","en"}], "all_departments": bool,
         "sources": [str] (the sources given with the year's values),
         "value": this year's figure, "previous": last year's, "change": value − previous,
         "first": the 2020 figure, "change_from_first": value − first,
         "values": [{"year", "value", "breaks": [str]}] from 2020 to `year`, oldest first,
         "breaks": [str] (this year's breaks in comparability; empty: comparable)}

    A figure is an int, a Decimal or a text, and None where it is missing; a change is None
    unless both figures are numbers."""
    book = FigureBook(every=True)
    years = list(range(FIRST_YEAR, year + 1))
    indicators = Indicator.objects.select_related("objective__goal").prefetch_related("providers")
    result = []
    for indicator in indicators.order_by("order", "code"):
        rows = {y: {"year": y, "value": book.value(indicator, y), "breaks": book.breaks(indicator, y)} for y in years}  # fmt: skip
        value = book.value(indicator, year)
        previous = rows.get(year - 1, {}).get("value")
        first = rows.get(FIRST_YEAR, {}).get("value")
        goal = indicator.objective.goal
        result.append({
            "code": indicator.code,
            "goal": {"code": goal.code, "names": _names(goal)},
            "objective": {"names": _names(indicator.objective)},
            "names": _names(indicator),
            "unit": indicator.unit, "unit_note": indicator.unit_note,
            "origin": _origin(indicator), "rule": {lang: indicator.rule_in(lang) for lang in ("fi", "sv", "en")},
            "active": indicator.is_active_in(year),
            "sdg": indicator.sdg_list,
            "providers": [_names(p) for p in indicator.providers.all()],
            "all_departments": indicator.all_departments,
            "sources": sorted({v.source for v in book.values(indicator, year) if v.source}),
            "value": value, "previous": previous, "first": first,
            "change": value - previous if _is_number(value) and _is_number(previous) else None,
            "change_from_first": value - first if _is_number(value) and _is_number(first) else None,
            "values": [rows[y] for y in years],
            "breaks": book.breaks(indicator, year),
        })  # fmt: skip
    return result
