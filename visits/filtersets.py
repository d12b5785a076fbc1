import django_filters
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from espoo_intl.filtersets import ALL, RegisterFilterSet
from espoo_intl.forms import DateInput
from espoo_intl.models import OrgUnit

from .choices import DignitaryRank, Direction, RequesterType, RequestState, VisitKind, VisitStatus
from .models import OPEN_STATES, Theme, Visit, VisitRequest

__all__ = ["VisitFilterSet", "VisitRequestFilterSet"]


def _years(request):
    from .selectors import visit_years

    if request is None or not request.user.is_authenticated:
        return []
    return [(y, y) for y in visit_years(user=request.user)]


class _SharedFilters(RegisterFilterSet):
    """Filters both visits and visit requests offer."""

    country = django_filters.ChoiceFilter(label=_("country"), choices=countries, empty_label=ALL)
    host_unit = django_filters.ModelChoiceFilter(
        label=_("host unit"), queryset=OrgUnit.objects.all(), method="in_unit", empty_label=ALL
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("theme"),
        field_name="themes",
        queryset=Theme.objects.filter(is_active=True),
        empty_label=ALL,
    )
    confidential = django_filters.ChoiceFilter(
        label=_("confidentiality"),
        choices=[("yes", _("confidential only")), ("no", _("not confidential"))],
        empty_label=ALL,
        method="by_confidentiality",
    )

    def by_confidentiality(self, queryset, name, value):
        if value in ("yes", "no"):
            return queryset.filter(confidential=value == "yes")
        return queryset


class VisitFilterSet(_SharedFilters):
    search_fields = ("title", "visiting_organisation", "follow_up")
    year = django_filters.ChoiceFilter(
        label=_("year"), field_name="start_date__year", choices=[], empty_label=_("all years")
    )
    kind = django_filters.ChoiceFilter(
        label=_("visit kind"), choices=VisitKind.choices, empty_label=ALL
    )
    direction = django_filters.ChoiceFilter(
        label=_("direction"), choices=Direction.choices, empty_label=ALL
    )
    status = django_filters.ChoiceFilter(
        label=_("status"), choices=VisitStatus.choices, empty_label=ALL
    )

    class Meta:
        model = Visit
        fields = ["q", "year", "kind", "direction", "country", "host_unit", "theme", "status", "confidential"]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["year"].extra["choices"] = _years(self.request)


class VisitRequestFilterSet(_SharedFilters):
    search_fields = ("subject", "visitor", "visiting_organisation", "requester_name")
    state = django_filters.ChoiceFilter(
        label=_("state"), choices=RequestState.choices, empty_label=ALL
    )
    open = django_filters.ChoiceFilter(
        label=_("open or closed"),
        choices=[("open", _("open requests")), ("closed", _("closed requests"))],
        empty_label=ALL,
        method="only_open",
    )
    requester_type = django_filters.ChoiceFilter(
        label=_("request comes from"), choices=RequesterType.choices, empty_label=ALL
    )
    dignitary_rank = django_filters.ChoiceFilter(
        label=_("dignitary rank"), choices=DignitaryRank.choices, empty_label=ALL
    )
    proposed_from = django_filters.DateFilter(
        label=_("proposed from"), field_name="proposed_start", lookup_expr="gte", widget=DateInput()
    )
    proposed_to = django_filters.DateFilter(
        label=_("proposed until"),
        field_name="proposed_start",
        lookup_expr="lte",
        widget=DateInput(),
    )

    class Meta:
        model = VisitRequest
        fields = ["q", "state", "open", "requester_type", "dignitary_rank", "country", "host_unit", "theme", "confidential"]  # fmt: skip

    def only_open(self, queryset, name, value):
        if value == "open":
            return queryset.filter(state__in=OPEN_STATES)
        if value == "closed":
            return queryset.exclude(state__in=OPEN_STATES)
        return queryset
