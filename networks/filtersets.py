import django_filters
from django.utils.translation import gettext_lazy as _

from espoo_intl.filtersets import ALL, RegisterFilterSet
from espoo_intl.models import OrgUnit

from .choices import Membership, NetworkClass, NetworkScope, PassiveDecision
from .models import Network, NetworkEvaluation
from .selectors import evaluation_years

__all__ = ["NetworkFilterSet", "EvaluationFilterSet"]


class NetworkFilterSet(RegisterFilterSet):
    search_fields = ("name", "goals", "espoo_roles", "url")
    scope = django_filters.ChoiceFilter(
        label=_("scope"), choices=NetworkScope.choices, empty_label=ALL
    )
    membership = django_filters.ChoiceFilter(
        label=_("Espoo's membership"), choices=Membership.choices, empty_label=ALL
    )
    owning_unit = django_filters.ModelChoiceFilter(
        label=_("owning unit"), queryset=OrgUnit.objects.all(), method="in_unit", empty_label=ALL
    )
    current = django_filters.ChoiceFilter(
        label=_("membership"),
        choices=[("current", _("current memberships")), ("ended", _("ended memberships"))],
        empty_label=ALL,
        method="only_current",
    )

    class Meta:
        model = Network
        fields = ["q", "scope", "membership", "owning_unit", "current"]

    def only_current(self, queryset, name, value):
        if value == "current":
            return queryset.filter(left_year__isnull=True)
        if value == "ended":
            return queryset.filter(left_year__isnull=False)
        return queryset


class EvaluationFilterSet(RegisterFilterSet):
    search_fields = ("network__name", "goals", "results", "decided_by")
    year = django_filters.ChoiceFilter(label=_("year"), choices=[], empty_label=_("all years"))
    network_class = django_filters.ChoiceFilter(
        label=_("class"), choices=NetworkClass.choices, empty_label=ALL
    )
    scope = django_filters.ChoiceFilter(
        label=_("scope"), field_name="network__scope", choices=NetworkScope.choices, empty_label=ALL
    )
    decision = django_filters.ChoiceFilter(
        label=_("decision"), choices=PassiveDecision.choices, empty_label=ALL
    )
    network = django_filters.ModelChoiceFilter(
        label=_("network"), queryset=Network.objects.all(), empty_label=ALL
    )

    class Meta:
        model = NetworkEvaluation
        fields = ["q", "year", "network_class", "scope", "decision", "network"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["year"].extra["choices"] = [(y, y) for y in reversed(evaluation_years())]
        if self.request is not None:
            self.filters["network"].queryset = Network.objects.for_user(self.request.user)
