import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from espoo_intl.exports import ExportCell
from espoo_intl.tables import RegisterTable, YesNoColumn

from .models import Visit, VisitRequest
from .models.request import days_of_notice

__all__ = ["VisitTable", "VisitRequestTable"]


class VisitTable(RegisterTable):
    # Headers come from the models' verbose names (capitalised by django-tables2).
    title = tables.Column(linkify=True)
    start_date = tables.DateColumn(short=True)
    end_date = tables.DateColumn(short=True)
    host_unit = tables.Column(accessor="host_unit__label", order_by=("host_unit__name_fi",))
    # The country's name straight from the field: django-tables2's get_FOO_display path
    # rebuilds the 250 country choices on every row, which dominated export time (bench/).
    country = tables.Column(accessor="country__name", order_by=("country",))
    themes = tables.ManyToManyColumn(orderable=False)
    paid = YesNoColumn()
    confidential = YesNoColumn()

    class Meta:
        model = Visit
        fields = (
            "title", "kind", "dignitary_rank", "direction", "visiting_organisation", "country",
            "start_date", "end_date", "host_unit", "responsible", "group_size", "themes",
            "interpretation", "paid", "invoiced_amount", "media_hits", "status", "confidential",
        )  # fmt: skip
        attrs = {"class": "table table-sm table-hover align-middle"}
        empty_text = _("No visits match the filters.")

    CAPITALISED = ("kind", "status")
    SCREEN_COLUMNS = ("title", "kind", "visiting_organisation", "country", "start_date", "host_unit", "status", "confidential")  # fmt: skip


class VisitRequestTable(RegisterTable):
    subject = tables.Column(linkify=True)
    received_on = tables.DateColumn(short=True)
    proposed_start = tables.DateColumn(short=True)
    proposed_end = tables.DateColumn(short=True)
    notice = tables.Column(verbose_name=_("Notice (days)"), accessor="notice_days", orderable=False)
    host_unit = tables.Column(accessor="host_unit__label", order_by=("host_unit__name_fi",))
    country = tables.Column(accessor="country__name", order_by=("country",))
    themes = tables.ManyToManyColumn(orderable=False)
    confidential = YesNoColumn()

    class Meta:
        model = VisitRequest
        fields = (
            "subject", "state", "requester_type", "requester_name", "received_on", "proposed_start",
            "proposed_end", "notice", "kind", "visitor", "dignitary_rank", "visiting_organisation",
            "country", "group_size", "themes", "host_unit", "responsible", "confidential",
        )  # fmt: skip
        attrs = {"class": "table table-sm table-hover align-middle"}
        empty_text = _("No visit requests match the filters.")

    CAPITALISED = ("state",)
    SCREEN_COLUMNS = ("subject", "state", "proposed_start", "notice", "visitor", "host_unit", "responsible", "confidential")  # fmt: skip
    export_cells = {
        "notice": ExportCell(fields=("received_on", "proposed_start"), cell=days_of_notice)
    }

    def render_notice(self, value, record):
        if record.short_notice:
            # Said in words, not only with a symbol.
            return format_html(
                '<span class="badge text-bg-danger">{} · {}</span>', value, _("short notice")
            )
        return value

    def value_notice(self, value):
        return value
