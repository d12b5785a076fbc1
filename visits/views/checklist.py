"""The compact checklist (3.3, 3.4) shared by the request page and the visit page: what the
page shows of it, and the two actions on it (save one item, in place with htmx; mark several
done). A page's action view mixes these in and names its own URL names."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy, ngettext

from ..choices import ChecklistPhase
from ..forms import ChecklistItemForm
from ..services import planning

__all__ = ["checklist_context", "ChecklistItemActions", "ChecklistMarkDoneActions"]


def checklist_context(record, *, editable: bool, url_prefix: str) -> dict:
    """The record's checklist by phase, each item with its form; the URL names the
    partials post to ("visits:<prefix>_item", "visits:<prefix>_items_done")."""
    items = list(record.checklist.select_related("owner", "template"))
    owners = ChecklistItemForm.owner_choices() if items and editable else None
    phases = [
        {
            "code": phase,
            "label": label,
            "items": [
                {
                    "item": i,
                    "form": ChecklistItemForm(
                        instance=i, prefix=f"item{i.pk}", owner_choices=owners
                    ),
                }
                for i in items
                if i.phase == phase
            ],
        }
        for phase, label in ChecklistPhase.choices
    ]
    return {
        "phases": phases,
        "has_checklist": bool(items),
        "checklist_total": len(items),
        "checklist_done": sum(1 for i in items if not i.is_open),
        "item_url": f"visits:{url_prefix}_item",
        "items_done_url": f"visits:{url_prefix}_items_done",
    }


class ChecklistItemActions:
    """Saves one checklist item; with htmx only the item is drawn again."""

    form_class = ChecklistItemForm
    form_key = "item_form"
    success_message = gettext_lazy("Checklist item saved.")
    failure_message = gettext_lazy("The checklist item was not saved.")
    item_url = ""  # the URL name of this view

    def get_form(self, obj):
        self.item = get_object_or_404(obj.checklist.all(), pk=self.kwargs["item_pk"])
        prefix = f"item{self.item.pk}"
        # A partial post (the "done" button sends only the status) keeps the other fields;
        # a post without a status is refused as before.
        data = self.request.POST.copy()
        current = ChecklistItemForm(instance=self.item, prefix=prefix)
        if current.add_prefix("status") in data:
            for name, field in current.fields.items():
                key = current.add_prefix(name)
                if key not in data:
                    value = current.initial.get(name)
                    data[key] = "" if value is None else field.prepare_value(value)
        self.item_form = ChecklistItemForm(data, instance=self.item, prefix=prefix)
        return self.item_form

    def call_service(self, obj, form):
        planning.checklist_item_update(self.item, actor=self.request.user, **form.cleaned_data)

    def _item(self, obj, form, saved: bool):
        entry = {"item": self.item, "form": form}
        ctx = {
            "entry": entry,
            "object": obj,
            "can_change": True,
            "saved": saved,
            "item_url": self.item_url,
        }
        return render(self.request, "visits/partials/checklist_item.html", ctx)

    def done(self, obj, message):
        if self.request.htmx:
            return self._item(obj, self.item_form, saved=True)
        response = super().done(obj, message)
        response["Location"] += f"#item-{self.item.pk}"
        return response

    def refused(self, obj, error, **forms):
        if self.request.htmx and forms.get("item_form") is not None:
            return self._item(obj, forms["item_form"], saved=False)
        return super().refused(obj, error, **forms)


class ChecklistMarkDoneActions:
    """Marks the selected checklist items done at once (a checkbox per item)."""

    def call_service(self, obj, form):
        ids = [v for v in self.request.POST.getlist("items") if v.isdigit()]
        self.changed = planning.checklist_items_mark_done(
            obj, actor=self.request.user, item_ids=ids
        )

    def done(self, obj, message):
        text = ngettext(
            "%(n)s checklist item marked done.", "%(n)s checklist items marked done.", self.changed
        ) % {"n": self.changed}
        response = super().done(obj, text)
        response["Location"] += "#checklist-h"
        return response
