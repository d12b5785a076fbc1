import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from espoo_intl.tables import RegisterTable, YesNoColumn

from .models import Event

__all__ = ["EventTable"]


class EventTable(RegisterTable):
    name = tables.Column(linkify=True)
    start_date = tables.DateColumn(short=True)
    end_date = tables.DateColumn(short=True)
    owning_unit = tables.Column(accessor="owning_unit__label", order_by=("owning_unit__name_fi",))
    themes = tables.ManyToManyColumn(orderable=False)
    proposed_by_international_actor = YesNoColumn()
    confidential = YesNoColumn()

    class Meta:
        model = Event
        fields = (
            "name", "kind", "format", "start_date", "end_date", "organiser", "co_organisers",
            "owning_unit", "themes", "expected_participants", "actual_participants",
            "city_funding", "proposed_by_international_actor", "state", "decided_by",
            "decision_reference", "decision_date", "confidential",
        )  # fmt: skip
        attrs = {"class": "table table-sm table-hover align-middle"}
        empty_text = _("No events match the filters.")

    CAPITALISED = ("kind", "format", "state")
    SCREEN_COLUMNS = ("name", "kind", "format", "start_date", "owning_unit", "state", "confidential")  # fmt: skip
