"""Staff diversity (2.3): the share of staff speaking other languages by result unit and
for the city, against the residents' share, per year; units below the city average; HR's
figures imported from Excel by kv-tiimi."""

from decimal import ROUND_HALF_UP, Decimal

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View

from espoo_intl.views.catalogue import CatalogueView

from .diversity_excel import diversity_template, diversity_upload_apply
from .excel import UploadRefused
from .figures import yearly_figures
from .forms import DiversityUploadForm
from .models import Indicator, StaffDiversity

__all__ = [
    "DiversityView", "DiversityImportView", "DiversityTemplateView", "DiversityCatalogueView", "city_share",
]  # fmt: skip

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


def _page_context(request) -> dict:
    years = sorted(set(StaffDiversity.objects.values_list("year", flat=True)), reverse=True)
    try:
        year = int(request.GET.get("year") or (years[0] if years else 0))
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
    return {
        "year": year, "years": years, "rows": rows, "city": city,
        "residents": residents.get(year), "steps": steps,
    }  # fmt: skip


def _may_import(user) -> bool:
    return user.has_perm("metrics.change_staffdiversity")


def diversity_page(request, *, status=200, import_form=None, upload_errors=()):
    ctx = _page_context(request)
    if _may_import(request.user):
        ctx["import_form"] = import_form or DiversityUploadForm(
            initial={"year": ctx["year"] or timezone.localdate().year - 1}
        )
        ctx["upload_errors"] = upload_errors
    return render(request, "metrics/diversity.html", ctx, status=status)


class DiversityView(LoginRequiredMixin, View):
    def get(self, request):
        return diversity_page(request)


class DiversityImportView(LoginRequiredMixin, View):
    """HR's Excel (result unit, share, staff) for a year: saved all or nothing."""

    http_method_names = ["post"]

    def post(self, request):
        if not _may_import(request.user):
            raise PermissionDenied
        form = DiversityUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return diversity_page(request, status=400, import_form=form)
        year = form.cleaned_data["year"]
        try:
            saved = diversity_upload_apply(
                year=year, upload=form.cleaned_data["file"], actor=request.user
            )
        except UploadRefused as refused:
            messages.error(
                request,
                gettext("Nothing was saved from the file. Please correct the errors below."),
            )
            return diversity_page(
                request, status=400, import_form=form, upload_errors=refused.errors
            )
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
            return diversity_page(request, status=400, import_form=form)
        messages.success(request, gettext("Saved %(n)s values from the file.") % {"n": saved})
        return HttpResponseRedirect(f"{reverse('metrics:diversity')}?year={year}")


class DiversityTemplateView(LoginRequiredMixin, View):
    """The result units as an .xlsx to fill in (?year=, default last year)."""

    def get(self, request):
        if not _may_import(request.user):
            raise PermissionDenied
        try:
            year = int(request.GET.get("year") or timezone.localdate().year - 1)
        except ValueError:
            year = timezone.localdate().year - 1
        response = HttpResponse(
            diversity_template(year),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="staff-diversity-{year}.xlsx"'
        return response


class DiversityCatalogueView(CatalogueView):
    model = StaffDiversity
    fields = ("year", "unit", "share", "staff")
    title = _("Staff diversity figures")
    intro = _(
        "HR's figures by result unit: the share of staff speaking a language other than Finnish or Swedish."
    )
