from django.urls import reverse
from django.utils.translation import gettext_lazy

from espoo_intl.permissions import can_change, can_delete, in_reach
from espoo_intl.views import ObjectDeleteView, ObjectDetailView, ObjectEditView, ObjectListView
from espoo_intl.views.actions import RecordActionView
from espoo_intl.views.generic import record_page_context

from .. import services
from ..choices import ProtocolParty, VisitKind
from ..filtersets import VisitFilterSet
from ..forms import VisitForm
from ..models import Visit, VisitRequest
from ..services import planning
from ..services.visits import kv_team_told
from ..tables import VisitTable
from .checklist import ChecklistItemActions, ChecklistMarkDoneActions, checklist_context

_related = ("host_unit__parent", "responsible", "created_by")


class VisitListView(ObjectListView):
    model = Visit
    table_class = VisitTable
    filterset_class = VisitFilterSet
    select_related = ("host_unit__parent", "responsible")
    prefetch_related = ("themes",)
    export_name = "vierailut"


def _url_name(action: str) -> str:
    return f"visits:visit_{action}"


def visit_page_context(user, obj: Visit, **forms) -> dict:
    """What the visit page shows besides the record: for a dignitary visit the protocol
    parties its rank requires and whether kv-tiimi was told; the checklist (a visit logged
    directly carries its own, a request's visit has it on the request)."""
    editable = can_change(user, obj) and not obj.is_closed
    visit_request = VisitRequest.objects.filter(visit=obj).first()
    ctx = {
        "can_change": editable,
        "can_delete": can_delete(user, obj),
        "list_url": reverse("visits:visit_list"),
        "parties": [
            {"code": p, "label": ProtocolParty(p).label} for p in planning.required_parties(obj)
        ],
        "kv_team_told": kv_team_told(obj) if obj.kind == VisitKind.DIGNITARY else None,
        "visit_request": visit_request if visit_request and in_reach(user, visit_request) else None,
        "from_request": visit_request is not None,
        "is_dignitary": obj.kind == VisitKind.DIGNITARY,
        **checklist_context(obj, editable=editable, url_prefix="visit"),
    }
    ctx.update(record_page_context(user, obj, url_name=_url_name, **forms))
    return ctx


class VisitDetailView(ObjectDetailView):
    model = Visit
    select_related = _related
    prefetch_related = ("themes",)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(visit_page_context(self.request.user, self.object))
        return ctx


class VisitEditView(ObjectEditView):
    model = Visit
    form_class = VisitForm
    create_service = services.visit_create
    update_service = services.visit_update


class VisitDeleteView(ObjectDeleteView):
    model = Visit
    delete_service = services.visit_delete


class VisitActionView(RecordActionView):
    """An action on one visit's page (see `espoo_intl.views.actions`)."""

    model = Visit

    def page_context(self, obj, **forms) -> dict:
        return visit_page_context(self.request.user, obj, **forms)


class VisitChecklistAddView(VisitActionView):
    """Adds the checklist to a visit logged directly: the planning checklist for a
    dignitary visit, the general visit checklist (3.4) for the others."""

    success_message = gettext_lazy("The checklist was added.")

    def call_service(self, obj, form):
        planning.visit_checklist_add(obj, actor=self.request.user)

    def done(self, obj, message):
        response = super().done(obj, message)
        response["Location"] += "#checklist-h"
        return response


class VisitChecklistItemView(ChecklistItemActions, VisitActionView):
    item_url = "visits:visit_item"


class VisitChecklistMarkDoneView(ChecklistMarkDoneActions, VisitActionView):
    pass
