import django_filters
from django.utils.translation import gettext_lazy as _

from espoo_intl.filtersets import ALL, RegisterFilterSet
from espoo_intl.forms import DateInput
from espoo_intl.models import OrgUnit, Theme

from .choices import OPEN_STATES, DevelopmentStatus, Kind, Requester, State
from .models import AdvocacyItem, DevelopmentItem

__all__ = ["ItemFilterSet", "DevelopmentFilterSet"]


class ItemFilterSet(RegisterFilterSet):
    search_fields = ("title", "subject", "requester_detail", "network")
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=Kind.choices, empty_label=ALL)
    state = django_filters.ChoiceFilter(label=_("state"), choices=State.choices, empty_label=ALL)
    open = django_filters.ChoiceFilter(
        label=_("open or closed"),
        choices=[("open", _("open items")), ("closed", _("closed items"))],
        empty_label=ALL,
        method="only_open",
    )
    requester = django_filters.ChoiceFilter(
        label=_("who asks"), choices=Requester.choices, empty_label=ALL
    )
    unit = django_filters.ModelChoiceFilter(
        label=_("preparing unit"),
        field_name="units",
        queryset=OrgUnit.objects.all(),
        method="in_unit",
        empty_label=ALL,
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("theme"),
        field_name="themes",
        queryset=Theme.objects.filter(is_active=True),
        empty_label=ALL,
    )
    deadline_from = django_filters.DateFilter(
        label=_("deadline from"), field_name="deadline", lookup_expr="gte", widget=DateInput()
    )
    deadline_to = django_filters.DateFilter(
        label=_("deadline until"), field_name="deadline", lookup_expr="lte", widget=DateInput()
    )

    class Meta:
        model = AdvocacyItem
        fields = ["q", "kind", "state", "open", "requester", "unit", "theme"]

    def only_open(self, queryset, name, value):
        if value == "open":
            return queryset.filter(state__in=OPEN_STATES)
        return queryset.exclude(state__in=OPEN_STATES)

    def in_unit(self, queryset, name, unit):
        return super().in_unit(queryset, name, unit).distinct()


class DevelopmentFilterSet(RegisterFilterSet):
    search_fields = ("title_fi", "title_sv", "title_en")
    status = django_filters.ChoiceFilter(
        label=_("status"), choices=DevelopmentStatus.choices, empty_label=ALL
    )

    class Meta:
        model = DevelopmentItem
        fields = ["q", "status"]
