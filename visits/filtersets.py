import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from espoo_intl.models import OrgUnit

from .choices import Direction, VisitKind, VisitStatus
from .models import Theme, Visit

__all__ = ["VisitFilterSet"]

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
