import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from espoo_intl.exports import ExportCell
from espoo_intl.tables import RegisterTable, joined_names

from .models import AdvocacyItem, DevelopmentItem

__all__ = ["ItemTable", "DevelopmentTable", "link_label"]


class ItemTable(RegisterTable):
    SCREEN_COLUMNS = ("title", "kind", "requester", "deadline", "state", "units", "expert")
    CAPITALISED = ("kind", "state")
    title = tables.Column(linkify=True)
    requester = tables.Column(
        verbose_name=_("who asks"), accessor="requester", order_by="requester"
    )
    units = tables.ManyToManyColumn(orderable=False)
    themes = tables.ManyToManyColumn(orderable=False)

    class Meta:
        model = AdvocacyItem
        fields = (
            "title", "kind", "requester", "requester_detail", "deadline", "state", "units",
            "expert", "network", "themes", "body", "decision_reference", "outcome_date",
        )  # fmt: skip
        order_by = ("-deadline",)

    export_cells = {
        "requester": ExportCell(),  # value_requester: the choice's label, as a plain column
        "units": ExportCell(many="units", cell=joined_names),
    }

    def render_requester(self, record):
        detail = f" – {record.requester_detail}" if record.requester_detail else ""
        return f"{record.get_requester_display()}{detail}"

    def value_requester(self, record):
        return record.get_requester_display()

    def value_units(self, value):
        return joined_names(value.all())


class DevelopmentTable(RegisterTable):
    number = tables.Column(verbose_name="#")
    title = tables.Column(verbose_name=_("Title"), linkify=True, order_by="title_fi")
    latest_note = tables.Column(
        verbose_name=_("Latest progress note"), orderable=False, empty_values=()
    )
    link = tables.Column(verbose_name=_("See also"), orderable=False)
    CAPITALISED = ("status",)

    class Meta:
        model = DevelopmentItem
        fields = ("number", "title", "owner_unit", "status", "latest_note", "link")
        order_by = ("number",)

    def _latest(self, record):
        notes = record.notes.all()  # prefetched, newest first
        return notes[0] if notes else None

    def render_latest_note(self, record):
        note = self._latest(record)
        return f"{note.noted_on:%d.%m.%Y}: {note.text}" if note else "–"

    def value_latest_note(self, record):
        note = self._latest(record)
        return f"{note.noted_on:%Y-%m-%d}: {note.text}" if note else ""

    def render_link(self, value):
        return format_html('<a href="{}">{}</a>', value, link_label(value))


def link_label(url: str) -> str:
    """What a development item's link leads to (URLs only: no other app is imported)."""
    if url.startswith("/visits/"):
        return _("paid expert visits (technical visits)")
    if url.startswith("/metrics/"):
        return _("staff-diversity figures")
    return url
