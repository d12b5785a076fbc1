"""Thin views: the core's generic views configured for advocacy and development items."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy

from espoo_intl.attachments import AttachmentForm
from espoo_intl.views import (
    ObjectDeleteView,
    ObjectDetailView,
    ObjectEditView,
    ObjectListView,
    TransitionView,
)
from espoo_intl.views.actions import RecordActionView
from espoo_intl.views.generic import record_page_context

from . import services
from .filtersets import DevelopmentFilterSet, ItemFilterSet
from .forms import DecisionForm, DevelopmentItemForm, ItemForm, ProgressNoteForm, UnitPartForm
from .models import AdvocacyItem, DevelopmentItem, ProgressNote
from .rules import edits_item, may_add_note
from .selectors import paid_visit_figures
from .tables import DevelopmentTable, ItemTable, link_label

__all__ = [
    "ItemListView", "ItemDetailView", "ItemEditView", "ItemDeleteView", "ItemTransitionView",
    "DecisionAddView", "UnitPartAddView", "ItemAttachmentAddView", "DevelopmentListView",
    "DevelopmentDetailView", "DevelopmentEditView", "ProgressNoteAddView",
]  # fmt: skip


# --- advocacy items -----------------------------------------------------------------------


def item_page(user, item, **forms) -> dict:
    """What an item's page shows besides the core's context: its decisions, parts,
    attachments and, for its editors, the forms."""
    editable = edits_item(user, item) and not item.is_closed
    ctx = {
        "decisions": item.decisions.select_related("recorded_by"),
        "parts": item.parts.select_related("unit__parent", "recorded_by"),
        "attachments": item.attachments.all(),
        "editable": editable,
    }
    if editable:
        ctx["decision_form"] = forms.get("decision_form") or DecisionForm()
        ctx["part_form"] = forms.get("part_form") or UnitPartForm(item=item)
        ctx["attachment_form"] = forms.get("attachment_form") or AttachmentForm()
        ctx["upload_url"] = reverse("advocacy:item_attachment_add", args=[item.pk])
    return ctx


_item_related = ("expert", "created_by")
_item_prefetch = ("units__parent", "themes")


class ItemListView(ObjectListView):
    model = AdvocacyItem
    url_prefix = "item"
    table_class = ItemTable
    filterset_class = ItemFilterSet
    select_related = ("expert",)
    prefetch_related = _item_prefetch
    export_name = "edunvalvonta"


class ItemDetailView(ObjectDetailView):
    model = AdvocacyItem
    url_prefix = "item"
    select_related = _item_related
    prefetch_related = _item_prefetch

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(item_page(self.request.user, self.object))
        return ctx


class ItemEditView(ObjectEditView):
    model = AdvocacyItem
    url_prefix = "item"
    form_class = ItemForm
    create_service = services.item_create
    update_service = services.item_update


class ItemDeleteView(ObjectDeleteView):
    model = AdvocacyItem
    url_prefix = "item"
    delete_service = services.item_delete


class ItemTransitionView(TransitionView):
    model = AdvocacyItem
    url_prefix = "item"

    def page_context(self, obj, **forms):
        return {**super().page_context(obj, **forms), **item_page(self.request.user, obj)}


class _ItemAction(RecordActionView):
    model = AdvocacyItem

    @staticmethod
    def allowed(user, obj) -> bool:
        return edits_item(user, obj)

    def page_context(self, obj, **forms):
        user = self.request.user
        ctx = record_page_context(user, obj, url_name=lambda a: f"advocacy:item_{a}")
        return {**ctx, **item_page(user, obj, **forms), **forms}


class DecisionAddView(_ItemAction):
    form_class = DecisionForm
    form_key = "decision_form"
    service = services.decision_record
    success_message = gettext_lazy("Decision recorded.")
    failure_message = gettext_lazy("The decision was not recorded.")


class UnitPartAddView(_ItemAction):
    form_class = UnitPartForm
    form_key = "part_form"
    service = services.unit_part_record
    success_message = gettext_lazy("The unit's part was recorded.")
    failure_message = gettext_lazy("The unit's part was not recorded.")

    def get_form(self, obj):
        return UnitPartForm(self.request.POST, item=obj)


class ItemAttachmentAddView(_ItemAction):
    form_class = AttachmentForm
    form_key = "attachment_form"
    service = services.item_attachment_add
    success_message = gettext_lazy("Attachment saved.")
    failure_message = gettext_lazy("The attachment was not saved.")


# --- development items --------------------------------------------------------------------

_notes = Prefetch("notes", queryset=ProgressNote.objects.select_related("author"))


class _DevelopmentMixin:
    """The ten items are seeded: nobody adds one (the list's "add" is the list itself)."""

    url_prefix = "development"

    def url_name(self, action: str) -> str:
        return super().url_name("list" if action == "add" else action)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "can_add": False}


class DevelopmentListView(_DevelopmentMixin, ObjectListView):
    """All ten items with their status and latest progress note."""

    model = DevelopmentItem
    table_class = DevelopmentTable
    filterset_class = DevelopmentFilterSet
    select_related = ("owner_unit__parent",)
    prefetch_related = (_notes,)
    export_name = "kehityskohteet"


def development_page(user, item, **forms) -> dict:
    ctx = {
        "notes": item.notes.select_related("author"),
        "may_add_note": may_add_note(user, item),
        "link_label": link_label(item.link),
    }
    if item.link.startswith("/visits/"):  # the item on paid expert visits
        ctx["paid_visits"] = paid_visit_figures()
    if ctx["may_add_note"]:
        ctx["note_form"] = forms.get("note_form") or ProgressNoteForm()
    return ctx


class DevelopmentDetailView(_DevelopmentMixin, ObjectDetailView):
    model = DevelopmentItem
    select_related = ("owner_unit__parent",)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(development_page(self.request.user, self.object))
        return ctx


class DevelopmentEditView(_DevelopmentMixin, ObjectEditView):
    model = DevelopmentItem
    form_class = DevelopmentItemForm
    update_service = services.development_update


class ProgressNoteAddView(RecordActionView):
    model = DevelopmentItem
    form_class = ProgressNoteForm
    form_key = "note_form"
    service = services.progress_note_add
    success_message = gettext_lazy("Progress note added.")
    failure_message = gettext_lazy("The progress note was not added.")

    @staticmethod
    def allowed(user, obj) -> bool:
        return may_add_note(user, obj)

    def page_context(self, obj, **forms):
        user = self.request.user
        ctx = record_page_context(user, obj, url_name=lambda a: f"advocacy:development_{a}")
        return {**ctx, **development_page(user, obj, **forms), **forms}
