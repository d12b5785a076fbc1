"""Metrics pages: the framework, an indicator's figures, the records behind a derived
figure, and kv-tiimi's catalogue pages."""

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from espoo_intl.views.catalogue import CatalogueView

from .derived import derived_records, is_computed
from .figures import chart_svg, ratio_inputs, yearly_figures
from .models import Goal, Indicator, Objective, Provider

_SELECT = forms.Select(attrs={"class": "form-select form-select-sm"})
_MULTI = forms.SelectMultiple(attrs={"class": "form-select form-select-sm", "size": 3})
_TEXT = forms.TextInput(attrs={"class": "form-control form-control-sm"})
_AREA = forms.Textarea(attrs={"class": "form-control form-control-sm", "rows": 2})
_NUMBER = forms.NumberInput(attrs={"class": "form-control form-control-sm input-narrow"})
_CHECK = forms.CheckboxInput(attrs={"class": "form-check-input"})
_NAMES = {"name_fi": _TEXT, "name_sv": _TEXT, "name_en": _TEXT}


def _indicators():
    return Indicator.objects.prefetch_related("providers")


class FrameworkView(LoginRequiredMixin, TemplateView):
    template_name = "metrics/framework.html"

    def get_context_data(self, **kwargs):
        objectives = Objective.objects.prefetch_related(Prefetch("indicators", _indicators()))
        goals = Goal.objects.prefetch_related(Prefetch("objectives", objectives))
        return super().get_context_data(goals=goals, **kwargs)


class IndicatorView(LoginRequiredMixin, TemplateView):
    """All years as a table (change from the previous year, breaks) and a chart."""

    template_name = "metrics/indicator.html"

    def get_context_data(self, **kwargs):
        indicator = get_object_or_404(
            _indicators().select_related("objective__goal"), code=self.kwargs["code"]
        )
        computed = is_computed(indicator.code)
        rows = yearly_figures(indicator)
        return super().get_context_data(
            indicator=indicator,
            computed=computed,
            ratio=ratio_inputs(indicator),
            rows=rows,
            **kwargs,
        )


class IndicatorChartView(LoginRequiredMixin, View):
    """The chart as SVG (?sparkline=1 for the overview's small one)."""

    def get(self, request, code):
        indicator = get_object_or_404(Indicator, code=code)
        svg = chart_svg(
            indicator, yearly_figures(indicator), sparkline=bool(request.GET.get("sparkline"))
        )
        return HttpResponse(svg, content_type="image/svg+xml")


class DerivedRecordsView(LoginRequiredMixin, TemplateView):
    """The records a derived figure counts: each person sees those they may open and how
    many more are hidden from them."""

    template_name = "metrics/records.html"

    def get_context_data(self, **kwargs):
        indicator = get_object_or_404(Indicator, code=self.kwargs["code"])
        year = self.kwargs["year"]
        found = (
            derived_records(indicator.code, year, self.request.user)
            if is_computed(indicator.code)
            else None
        )
        return super().get_context_data(indicator=indicator, found=found, **kwargs)


class GoalCatalogueView(CatalogueView):
    model = Goal
    fields = ("code", "name_fi", "name_sv", "name_en", "order")
    widgets = {"code": _TEXT, **_NAMES, "order": _NUMBER}
    title = _("Strategic goals")


class ObjectiveCatalogueView(CatalogueView):
    model = Objective
    fields = ("goal", "name_fi", "name_sv", "name_en", "order")
    widgets = {"goal": _SELECT, **_NAMES, "order": _NUMBER}
    title = _("Objectives")


class ProviderCatalogueView(CatalogueView):
    model = Provider
    fields = ("name_fi", "name_sv", "name_en", "unit", "source", "order")
    widgets = {**_NAMES, "unit": _SELECT, "source": _SELECT, "order": _NUMBER}
    title = _("Metric providers")
    intro = _("A provider is a city unit, whose department's international contact fills in its figures, or an outside source kv-tiimi enters for.")  # fmt: skip


class IndicatorCatalogueView(CatalogueView):
    model = Indicator
    fields = (
        "order", "code", "objective", "name_fi", "name_sv", "name_en", "unit", "unit_note",
        "providers", "all_departments", "derived", "rule", "active_from", "active_to", "sdg_tags",
    )  # fmt: skip
    widgets = {
        "order": _NUMBER, "code": _TEXT, "objective": _SELECT, **_NAMES, "unit": _SELECT,
        "unit_note": _TEXT, "providers": _MULTI, "all_departments": _CHECK, "derived": _CHECK,
        "rule": _AREA, "active_from": _NUMBER, "active_to": _NUMBER, "sdg_tags": _TEXT,
    }  # fmt: skip
    title = _("Indicators")
    intro = _("Old indicators are ended with their last year, not deleted, so earlier values stay.")
    can_delete = False
