import django_filters
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from espoo_intl.filtersets import ALL, RegisterFilterSet
from espoo_intl.models import OrgUnit, Theme

from .choices import (
    FundingProgramme,
    PartnerKind,
    PartnershipKind,
    PartnershipLevel,
    PartnershipStatus,
    ProjectStatus,
)
from .models import Partner, Partnership, Project

__all__ = ["PartnerFilterSet", "PartnershipFilterSet", "ProjectFilterSet"]


def _choice(label, choices, **kwargs):
    return django_filters.ChoiceFilter(label=label, choices=choices, empty_label=ALL, **kwargs)


def _theme():
    return django_filters.ModelChoiceFilter(
        label=_("theme"),
        field_name="themes",
        queryset=Theme.objects.filter(is_active=True),
        empty_label=ALL,
    )


def _unit(label):
    return django_filters.ModelChoiceFilter(
        label=label, queryset=OrgUnit.objects.all(), method="in_unit", empty_label=ALL
    )


class PartnerFilterSet(RegisterFilterSet):
    search_fields = ("name", "city", "notes")
    kind = _choice(_("kind"), PartnerKind.choices)
    country = _choice(_("country"), countries)

    class Meta:
        model = Partner
        fields = ["q", "kind", "country"]


class PartnershipFilterSet(RegisterFilterSet):
    search_fields = ("name", "goals", "partners__name")
    kind = _choice(_("kind"), PartnershipKind.choices)
    level = _choice(_("level"), PartnershipLevel.choices)
    status = _choice(_("status"), PartnershipStatus.choices)
    country = _choice(_("country"), countries, field_name="partners__country", distinct=True)
    owning_unit = _unit(_("owning unit"))
    theme = _theme()

    class Meta:
        model = Partnership
        fields = ["q", "kind", "level", "status", "country", "owning_unit", "theme"]

    def search(self, queryset, name, value):
        return super().search(queryset, name, value).distinct()


class ProjectFilterSet(RegisterFilterSet):
    search_fields = ("name", "acronym", "partners__name")
    programme = _choice(_("funding programme"), FundingProgramme.choices)
    eu_funded = django_filters.BooleanFilter(label=_("EU-funded"))
    status = _choice(_("status"), ProjectStatus.choices)
    year = django_filters.NumberFilter(label=_("running in year"), method="running_in")
    lead_unit = _unit(_("lead unit"))
    theme = _theme()

    class Meta:
        model = Project
        fields = ["q", "programme", "eu_funded", "status", "year", "lead_unit", "theme"]

    def search(self, queryset, name, value):
        return super().search(queryset, name, value).distinct()

    def running_in(self, queryset, name, value):
        from .selectors import projects_running_in

        if value is None or not 1900 <= value <= 2200:
            return queryset
        return queryset.filter(pk__in=projects_running_in(int(value)).values("pk"))
