import django_tables2 as tables
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from espoo_intl.tables import RegisterTable

from .models import Network, NetworkEvaluation

__all__ = ["NetworkTable", "EvaluationTable", "overview_table"]


class NetworkTable(RegisterTable):
    name = tables.Column(linkify=True)
    owning_unit = tables.Column(accessor="owning_unit__label", order_by=("owning_unit__name_fi",))
    contacts = tables.ManyToManyColumn(orderable=False)
    url = tables.Column()

    class Meta:
        model = Network
        fields = (
            "name", "scope", "membership", "owning_unit", "contacts", "membership_fee", "url",
            "joined_year", "left_year", "espoo_roles", "goals",
        )  # fmt: skip
        attrs = {"class": "table table-sm table-hover align-middle"}
        empty_text = _("No networks match the filters.")

    CAPITALISED = ("scope", "membership")
    SCREEN_COLUMNS = ("name", "scope", "owning_unit", "contacts", "membership_fee", "joined_year", "left_year")  # fmt: skip


class EvaluationTable(RegisterTable):
    network = tables.Column(linkify=True)
    year = tables.Column(linkify=lambda record: record.get_absolute_url())
    scope = tables.Column(verbose_name=_("scope"), accessor="network__get_scope_display", order_by=("network__scope",))  # fmt: skip
    decided_on = tables.DateColumn(short=True)

    class Meta:
        model = NetworkEvaluation
        fields = (
            "network", "year", "scope", "network_class", "goals", "results",
            "decision", "decided_by", "decided_on",
        )  # fmt: skip
        attrs = {"class": "table table-sm table-hover align-middle"}
        empty_text = _("No evaluations match the filters.")

    CAPITALISED = ("network_class", "decision", "scope")
    SCREEN_COLUMNS = ("network", "year", "scope", "network_class", "decision", "decided_by")


def _cell(evaluation) -> str:
    if evaluation is None:
        return ""
    text = evaluation.get_network_class_display()
    if evaluation.decision:
        text = f"{text} ({evaluation.get_decision_display()})"
    return str(text)


def overview_table(rows, years) -> tables.Table:
    """The side-by-side overview as a table (one column per year), for the page and the
    exports alike. `rows` are selectors.OverviewRow."""
    data = [
        {"network": row.network, "unit": row.network.owning_unit.label}
        | {str(y): _cell(row.cells.get(y)) for y in years}
        for row in rows
    ]
    columns = [(str(y), tables.Column(verbose_name=str(y), orderable=False)) for y in years]
    table = _OverviewTable(data, extra_columns=columns, orderable=False)
    return table


class _OverviewTable(tables.Table):
    network = tables.Column(verbose_name=capfirst(_("network")), linkify=lambda value: value.get_absolute_url())  # fmt: skip
    unit = tables.Column(verbose_name=capfirst(_("owning unit")))

    class Meta:
        attrs = {"class": "table table-sm table-bordered align-middle"}
        empty_text = _("No city-wide networks.")
