"""The leadership overview: per goal, each indicator's latest value, trend and sparkline
and the years still missing; exported as CSV or Excel (every year's value)."""

import csv
import io
from collections import defaultdict

import openpyxl
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from espoo_intl.exports import neutralise_cell

from .figures import FIRST_YEAR, FigureBook, trend, yearly_figures
from .models import Indicator, Unit

__all__ = ["OverviewView"]


def overview_rows() -> list[dict]:
    book = FigureBook(every=True)
    rows = []
    for indicator in Indicator.objects.select_related("objective__goal").order_by("order"):
        figures = yearly_figures(indicator, book)
        latest = next((r for r in figures if r["value"] is not None), None)
        direction = trend(indicator, figures)
        better = (
            {"up": "down", "down": "up"}.get(direction, direction)
            if indicator.unit == Unit.RANK
            else direction
        )
        rows.append({
            "indicator": indicator, "goal": indicator.objective.goal, "figures": figures,
            "latest": latest, "trend": direction, "better": better,
            "missing": [r["year"] for r in figures if r["value"] is None],
        })  # fmt: skip
    return rows


def _table(rows) -> tuple[list, list[list]]:
    years = list(range(FIRST_YEAR, timezone.localdate().year + 1))
    header = [_("goal"), _("code"), _("indicator"), _("unit"), *map(str, years)]
    body = []
    for row in rows:
        by_year = {f["year"]: f["value"] for f in row["figures"]}
        cells = [
            row["goal"].name,
            row["indicator"].code,
            row["indicator"].name,
            row["indicator"].get_unit_display(),
        ]
        cells += [by_year.get(year) for year in years]
        body.append(
            [neutralise_cell(c if not hasattr(c, "is_finite") else float(c)) for c in cells]
        )
    return header, body


class OverviewView(LoginRequiredMixin, TemplateView):
    template_name = "metrics/overview.html"

    def get(self, request, *args, **kwargs):
        export = request.GET.get("export")
        if export in ("csv", "xlsx"):
            header, body = _table(overview_rows())
            return _csv(header, body) if export == "csv" else _xlsx(header, body)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        goals = defaultdict(list)
        for row in overview_rows():
            goals[row["goal"]].append(row)
        return super().get_context_data(goals=dict(goals), **kwargs)


def _csv(header, body) -> HttpResponse:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([["" if c is None else c for c in row] for row in body])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="metrics-overview.csv"'
    return response


def _xlsx(header, body) -> HttpResponse:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for row in body:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="metrics-overview.xlsx"'
    return response
