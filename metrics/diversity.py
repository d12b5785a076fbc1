"""Staff diversity (2.3): the share of staff speaking other languages by result unit and
for the city, against the residents' share, per year; units below the city average."""

from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from espoo_intl.views.catalogue import CatalogueView

from .figures import yearly_figures
from .models import Indicator, StaffDiversity

__all__ = ["DiversityView", "DiversityCatalogueView", "city_share"]

STAFF, RESIDENTS = "C6.1", "C6.2"


def _by_year(code: str) -> dict:
    indicator = Indicator.objects.filter(code=code).first()
    return {r["year"]: r["value"] for r in yearly_figures(indicator)} if indicator else {}


def city_share(figures: list[StaffDiversity]) -> Decimal | None:
    """The units' shares weighted by staff (plain mean where staff is not given)."""
    if not figures:
        return None
    if all(f.staff for f in figures):
        total = sum(f.staff for f in figures)
        return (sum(f.share * f.staff for f in figures) / total).quantize(
            Decimal("0.1"), ROUND_HALF_UP
        )
    return (sum(f.share for f in figures) / len(figures)).quantize(Decimal("0.1"), ROUND_HALF_UP)


class DiversityView(LoginRequiredMixin, TemplateView):
    template_name = "metrics/diversity.html"

    def get_context_data(self, **kwargs):
        years = sorted(set(StaffDiversity.objects.values_list("year", flat=True)), reverse=True)
        try:
            year = int(self.request.GET.get("year") or (years[0] if years else 0))
        except ValueError:
            year = years[0] if years else 0
        figures = list(StaffDiversity.objects.filter(year=year).select_related("unit__department"))
        staff, residents = _by_year(STAFF), _by_year(RESIDENTS)
        city = staff.get(year) or city_share(figures)
        rows = [{"figure": f, "below": city is not None and f.share < city} for f in figures]
        steps = [
            {"year": y, "staff": staff.get(y), "residents": residents.get(y)}
            for y in sorted(staff, reverse=True)
        ]
        return super().get_context_data(
            year=year,
            years=years,
            rows=rows,
            city=city,
            residents=residents.get(year),
            steps=steps,
            **kwargs,
        )


class DiversityCatalogueView(CatalogueView):
    model = StaffDiversity
    fields = ("year", "unit", "share", "staff")
    title = _("Staff diversity figures")
    intro = _(
        "HR's figures by result unit: the share of staff speaking a language other than Finnish or Swedish."
    )
