import django_filters
from django.utils.translation import gettext_lazy as _

from espoo_intl.filtersets import ALL, RegisterFilterSet
from espoo_intl.models import OrgUnit, Theme

from .choices import EventFormat, EventKind, EventState
from .models import Event

__all__ = ["EventFilterSet"]


class EventFilterSet(RegisterFilterSet):
    search_fields = ("name", "organiser", "co_organisers", "description")
    year = django_filters.ChoiceFilter(
        label=_("year"), field_name="start_date__year", choices=[], empty_label=_("all years")
    )
    kind = django_filters.ChoiceFilter(label=_("event kind"), choices=EventKind.choices, empty_label=ALL)  # fmt: skip
    format = django_filters.ChoiceFilter(label=_("format"), choices=EventFormat.choices, empty_label=ALL)  # fmt: skip
    state = django_filters.ChoiceFilter(label=_("state"), choices=EventState.choices, empty_label=ALL)  # fmt: skip
    owning_unit = django_filters.ModelChoiceFilter(
        label=_("owning unit"), queryset=OrgUnit.objects.all(), method="in_unit", empty_label=ALL
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("theme"), field_name="themes", queryset=Theme.objects.filter(is_active=True), empty_label=ALL
    )  # fmt: skip

    class Meta:
        model = Event
        fields = ["q", "year", "kind", "format", "state", "owning_unit", "theme"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .selectors import event_years

        request = self.request
        if request is not None and request.user.is_authenticated:
            self.filters["year"].extra["choices"] = [(y, y) for y in event_years(user=request.user)]  # fmt: skip
