import django_tables2 as tables
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from espoo_intl.exports import ExportCell
from espoo_intl.tables import RegisterTable, YesNoColumn

from .models import Partner, Partnership, Project
from .models.project import partner_countries

__all__ = ["PartnerTable", "PartnershipTable", "ProjectTable"]

_ATTRS = {"class": "table table-sm table-hover align-middle"}


def _country_names(partners) -> str:
    return ", ".join(c.name for c in partner_countries(partners))


class PartnerTable(RegisterTable):
    name = tables.Column(linkify=True)
    country = tables.Column(accessor="country__name", order_by=("country",))

    class Meta:
        model = Partner
        fields = ("name", "kind", "country", "city", "website", "notes")
        attrs = _ATTRS
        empty_text = _("No partners match the filters.")

    CAPITALISED = ("kind",)
    SCREEN_COLUMNS = ("name", "kind", "country", "city")


class PartnershipTable(RegisterTable):
    name = tables.Column(linkify=True)
    partners = tables.ManyToManyColumn(orderable=False)
    owning_unit = tables.Column(accessor="owning_unit__label", order_by=("owning_unit__name_fi",))
    themes = tables.ManyToManyColumn(orderable=False)
    start_date = tables.DateColumn(short=True)
    end_date = tables.DateColumn(short=True)
    review_date = tables.DateColumn(short=True)

    class Meta:
        model = Partnership
        fields = (
            "name", "partners", "kind", "level", "status", "owning_unit", "themes", "start_date",
            "end_date", "review_date", "decision_number", "decision_date", "goals",
        )  # fmt: skip
        attrs = _ATTRS
        empty_text = _("No partnerships match the filters.")

    CAPITALISED = ("kind", "level", "status")
    SCREEN_COLUMNS = ("name", "partners", "kind", "level", "status", "owning_unit", "end_date")


class ProjectTable(RegisterTable):
    name = tables.Column(linkify=True)
    eu_funded = YesNoColumn()
    partners = tables.ManyToManyColumn(orderable=False)
    countries = tables.Column(
        verbose_name=capfirst(_("countries")),
        accessor="countries",
        orderable=False,
        empty_values=(),
    )
    lead_unit = tables.Column(accessor="lead_unit__label", order_by=("lead_unit__name_fi",))
    themes = tables.ManyToManyColumn(orderable=False)
    start_date = tables.DateColumn(short=True)
    end_date = tables.DateColumn(short=True)

    class Meta:
        model = Project
        fields = (
            "name", "acronym", "programme", "eu_funded", "partners", "countries", "lead_unit",
            "themes", "start_date", "end_date", "total_budget", "espoo_share",
            "international_funding", "status",
        )  # fmt: skip
        attrs = _ATTRS
        empty_text = _("No projects match the filters.")

    CAPITALISED = ("status",)
    SCREEN_COLUMNS = (
        "name", "acronym", "programme", "countries", "start_date", "end_date",
        "international_funding", "status",
    )  # fmt: skip
    export_cells = {"countries": ExportCell(many="partners", cell=_country_names)}

    def render_countries(self, record):
        return _country_names(record.partners.all())

    def value_countries(self, record):
        return self.render_countries(record)
