import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from .models import Visit

__all__ = ["VisitTable"]


class VisitTable(tables.Table):
    # Headers come from the models' verbose names (capitalised by django-tables2).
    title = tables.Column(linkify=True)
    start_date = tables.DateColumn(short=True)
    end_date = tables.DateColumn(short=True)
    host_unit = tables.Column(accessor="host_unit__label", order_by=("host_unit__name_fi",))
    themes = tables.ManyToManyColumn(orderable=False)
    confidential = tables.BooleanColumn(yesno=(_("yes"), ""))

    class Meta:
        model = Visit
        fields = (
            "title", "kind", "dignitary_rank", "direction", "visiting_organisation", "country",
            "start_date", "end_date", "host_unit", "responsible", "group_size", "themes",
            "interpretation", "paid", "invoiced_amount", "media_hits", "status", "confidential",
        )  # fmt: skip
        attrs = {"class": "table table-sm table-hover align-middle"}
        empty_text = _("No visits match the filters.")

    SCREEN_COLUMNS = ("title", "kind", "visiting_organisation", "country", "start_date", "host_unit", "status", "confidential")  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Hidden columns still go to the CSV and Excel exports (django-tables2's as_values).
        for name in self.columns.names():
            if name not in self.SCREEN_COLUMNS:
                self.columns.hide(name)

    def value_themes(self, value):
        return ", ".join(str(t) for t in value.all())
