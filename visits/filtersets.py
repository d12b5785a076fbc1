import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from espoo_intl.forms import DateInput
from espoo_intl.models import OrgUnit

from .choices import DignitaryRank, Direction, RequesterType, RequestState, VisitKind, VisitStatus
from .models import OPEN_STATES, Theme, Visit, VisitRequest

__all__ = ["VisitFilterSet", "VisitRequestFilterSet"]

ALL = _("all")


def _years(request):
    from .selectors import visit_years

    if request is None or not request.user.is_authenticated:
        return []
    return [(y, y) for y in visit_years(user=request.user)]


class VisitFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    year = django_filters.ChoiceFilter(
        label=_("year"), field_name="start_date__year", choices=[], empty_label=_("all years")
    )
    kind = django_filters.ChoiceFilter(
        label=_("visit kind"), choices=VisitKind.choices, empty_label=ALL
    )
    direction = django_filters.ChoiceFilter(
        label=_("direction"), choices=Direction.choices, empty_label=ALL
    )
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
    status = django_filters.ChoiceFilter(
        label=_("status"), choices=VisitStatus.choices, empty_label=ALL
    )

    class Meta:
        model = Visit
        fields = ["q", "year", "kind", "direction", "country", "host_unit", "theme", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["year"].extra["choices"] = _years(self.request)

    def search(self, queryset, name, value):
        terms = Q()
        for word in value.split():
            terms &= (
                Q(title__icontains=word)
                | Q(visiting_organisation__icontains=word)
                | Q(follow_up__icontains=word)
            )
        return queryset.filter(terms)

    def in_unit(self, queryset, name, unit):
        """A department includes its result units."""
        return queryset.filter(Q(host_unit=unit) | Q(host_unit__parent=unit))


class VisitRequestFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    state = django_filters.ChoiceFilter(
        label=_("state"), choices=RequestState.choices, empty_label=ALL
    )
    open = django_filters.BooleanFilter(label=_("open requests only"), method="only_open")
    requester_type = django_filters.ChoiceFilter(
        label=_("request comes from"), choices=RequesterType.choices, empty_label=ALL
    )
    dignitary_rank = django_filters.ChoiceFilter(
        label=_("dignitary rank"), choices=DignitaryRank.choices, empty_label=ALL
    )
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
        fields = ["q", "state", "open", "requester_type", "dignitary_rank", "country", "host_unit", "theme"]  # fmt: skip

    def search(self, queryset, name, value):
        terms = Q()
        for word in value.split():
            terms &= (
                Q(subject__icontains=word)
                | Q(visitor__icontains=word)
                | Q(visiting_organisation__icontains=word)
                | Q(requester_name__icontains=word)
            )
        return queryset.filter(terms)

    def only_open(self, queryset, name, value):
        if value is None:
            return queryset
        return (
            queryset.filter(state__in=OPEN_STATES)
            if value
            else queryset.exclude(state__in=OPEN_STATES)
        )

    in_unit = VisitFilterSet.in_unit
