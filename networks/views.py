from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import render
from django.utils import timezone
from django.views import View

from espoo_intl.exports import SafeTableExport
from espoo_intl.permissions import can_add
from espoo_intl.questionnaires import responses_for, summary
from espoo_intl.views import ObjectDeleteView, ObjectDetailView, ObjectEditView, ObjectListView

from . import selectors, services
from .filtersets import EvaluationFilterSet, NetworkFilterSet
from .forms import EvaluationForm, NetworkForm
from .models import CLASSIFICATION, Network, NetworkEvaluation
from .rules import suggested_class
from .tables import EvaluationTable, NetworkTable, overview_table


class NetworkListView(ObjectListView):
    model = Network
    table_class = NetworkTable
    filterset_class = NetworkFilterSet
    select_related = ("owning_unit__parent",)
    prefetch_related = ("contacts",)
    export_name = "verkostot"
    template_name = "networks/network_list.html"


class NetworkDetailView(ObjectDetailView):
    model = Network
    select_related = ("owning_unit__parent", "created_by")
    prefetch_related = ("contacts",)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        network = self.object
        ctx["evaluations"] = network.evaluations.for_user(self.request.user).order_by("-year")
        ctx["can_evaluate"] = ctx["can_change"] and can_add(self.request.user, NetworkEvaluation)
        ctx["evaluated_this_year"] = any(
            e.year == timezone.localdate().year for e in ctx["evaluations"]
        )
        return ctx


class NetworkEditView(ObjectEditView):
    model = Network
    form_class = NetworkForm
    create_service = services.network_create
    update_service = services.network_update


class NetworkDeleteView(ObjectDeleteView):
    model = Network
    delete_service = services.network_delete


class EvaluationListView(ObjectListView):
    model = NetworkEvaluation
    url_prefix = "evaluation"
    table_class = EvaluationTable
    filterset_class = EvaluationFilterSet
    select_related = ("network",)
    export_name = "verkostoarvioinnit"
    template_name = "networks/networkevaluation_list.html"


class EvaluationDetailView(ObjectDetailView):
    model = NetworkEvaluation
    url_prefix = "evaluation"
    select_related = ("network__owning_unit__parent", "created_by")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        responses = list(responses_for(self.object, CLASSIFICATION))
        ctx["responses"] = responses
        latest = responses[0] if responses else None
        ctx["suggested"] = suggested_class(summary(latest).values) if latest else None
        return ctx


class EvaluationEditView(ObjectEditView):
    model = NetworkEvaluation
    url_prefix = "evaluation"
    form_class = EvaluationForm
    create_service = services.evaluation_create
    update_service = services.evaluation_update

    def get(self, request, *args, **kwargs):
        if "pk" in kwargs:
            return super().get(request, *args, **kwargs)
        self.get_object()  # may the user add one at all (403 otherwise)
        initial = {"year": timezone.localdate().year}
        network = request.GET.get("network", "")
        if network.isdigit():
            initial["network"] = int(network)
        return self.render_form(self.form_class(user=request.user, initial=initial), None)


class EvaluationDeleteView(ObjectDeleteView):
    model = NetworkEvaluation
    url_prefix = "evaluation"
    delete_service = services.evaluation_delete


def _evaluable(user, networks) -> set[int]:
    """The pks of `networks` this user may evaluate (one query for all of them)."""
    if not can_add(user, NetworkEvaluation):
        return set()
    pks = [n.pk for n in networks]
    return set(Network.objects.editable_by(user).filter(pk__in=pks).values_list("pk", flat=True))


class OverviewView(LoginRequiredMixin, View):
    """Every city-wide network's evaluations side by side over the years, and which have
    none yet for this year; ?_export=csv or xlsx downloads the grid."""

    def get(self, request):
        user = request.user
        years = selectors.evaluation_years()
        rows = selectors.evaluation_overview(user=user, years=years)
        export = request.GET.get("_export", "")
        if SafeTableExport.is_valid_format(export):
            table = overview_table(rows, years)
            return SafeTableExport(export, table).response(
                f"verkostoarvioinnit-vuosittain.{export}"
            )
        year = years[-1]
        missing = list(selectors.networks_without_evaluation(user=user, year=year))
        for row in rows:
            row.years = row.by_year(years)
        ctx = {
            "rows": rows,
            "years": years,
            "year": year,
            "missing": missing,
            "can_evaluate": _evaluable(user, missing),
        }
        return render(request, "networks/overview.html", ctx)
