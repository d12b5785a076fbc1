"""Metrics pages: the framework, an indicator's figures, the records behind a derived
figure, a value's correction history, and kv-tiimi's catalogue pages."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from espoo_intl.history import history_entries
from espoo_intl.views.catalogue import CatalogueView

from .derived import derived_records, is_computed
from .figures import FigureBook, chart_svg, ratio_inputs, yearly_figures
from .models import Goal, Indicator, Objective, Provider, Submission, Value
from .templatetags.metrics_text import figure

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
        book = FigureBook()
        rows = yearly_figures(indicator, book)
        for row in rows:  # the entered values behind each figure, each with its history
            row["entered"] = [
                v for v in book.values(indicator, row["year"]) if v.indicator_id == indicator.pk
            ]
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


def value_history(value: Value) -> list[dict]:
    """The value's saves, newest first: who changed which part when, old → new. Saves that
    changed nothing (a draft saved again) are left out; numbers read as typed."""
    found = history_entries(value, limit=200)
    entries = []
    for n, entry in enumerate(found):
        changes = [c for c in entry["changes"] if c["name"] != "updated_at"]
        for change in changes:
            if change["name"] == "number":
                change["old"], change["new"] = _plain(change["old"]), _plain(change["new"])
        if entry["type"] == "~" and not changes and n < len(found) - 1:
            continue  # the oldest row stays: values made before their creation was recorded
        entries.append({**entry, "changes": changes})
    return entries


def _plain(shown: str) -> str:
    """ "7.500" -> "7,5" in the reader's format; "–" (nothing) as it is."""
    try:
        return figure(Decimal(shown))
    except (InvalidOperation, ValueError):
        return shown


class ValueHistoryView(LoginRequiredMixin, TemplateView):
    """A value's correction history, for whoever may read its submission (404 otherwise)."""

    template_name = "metrics/value_history.html"

    def get_context_data(self, **kwargs):
        value = get_object_or_404(
            Value.objects.select_related("indicator", "submission__period", "submission__provider"),
            pk=self.kwargs["pk"],
            submission__in=Submission.objects.for_user(self.request.user),
        )
        return super().get_context_data(value=value, history=value_history(value), **kwargs)


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
        "providers", "all_departments", "derived", "rule_fi", "rule_sv", "rule_en", "active_from", "active_to", "sdg_tags",
    )  # fmt: skip
    widgets = {
        "order": _NUMBER, "code": _TEXT, "objective": _SELECT, **_NAMES, "unit": _SELECT,
        "unit_note": _TEXT, "providers": _MULTI, "all_departments": _CHECK, "derived": _CHECK,
        "rule_fi": _AREA, "rule_sv": _AREA, "rule_en": _AREA, "active_from": _NUMBER, "active_to": _NUMBER, "sdg_tags": _TEXT,
    }  # fmt: skip
    title = _("Indicators")
    intro = _("Old indicators are ended with their last year, not deleted, so earlier values stay.")
    can_delete = False
