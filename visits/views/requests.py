"""Visit request pages: the register (generic views) and the request page's actions.

Each action is a small POST view that calls one service. On success it redirects to the
request page; on a refusal it shows the page again with the user's input and the message.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from espoo_intl.permissions import can_change, in_reach, sees_confidential_parts
from espoo_intl.questionnaires import responses_for
from espoo_intl.views import ObjectDetailView, ObjectEditView, ObjectListView
from espoo_intl.views import TransitionView as CoreTransitionView
from espoo_intl.views.actions import RecordActionView
from espoo_intl.views.generic import record_page_context

from ..choices import ProtocolParty, RequestState
from ..filtersets import VisitRequestFilterSet
from ..forms import (
    AttachmentForm,
    GiftForm,
    GuestForm,
    RoutingForm,
    TriageForm,
    VisitRequestForm,
)
from ..models import EVALUATION, Guest, VisitRequest
from ..rules import coordinates
from ..services import planning, requests
from ..tables import VisitRequestTable
from .checklist import ChecklistItemActions, ChecklistMarkDoneActions, checklist_context


class RequestListView(ObjectListView):
    model = VisitRequest
    url_prefix = "request"
    table_class = VisitRequestTable
    filterset_class = VisitRequestFilterSet
    select_related = ("host_unit__parent", "responsible")
    prefetch_related = ("themes",)
    export_name = "vierailupyynnot"


class RequestEditView(ObjectEditView):
    model = VisitRequest
    url_prefix = "request"
    form_class = VisitRequestForm
    create_service = requests.request_create
    update_service = requests.request_update


class RequestDetailView(ObjectDetailView):
    model = VisitRequest
    url_prefix = "request"
    select_related = ("host_unit__parent", "responsible", "created_by", "visit")
    prefetch_related = ("themes", "informed_units")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            request_page_context(
                self.request.user, self.object, editable=ctx["can_change"], **kwargs
            )
        )
        return ctx


def _url_name(action: str) -> str:
    return f"visits:request_{action}"


def request_page_context(user, obj: VisitRequest, *, editable: bool | None = None, **forms) -> dict:
    """Everything the request page shows, limited to what this user may see and do.
    `editable`: may the user change it (and is it open), when the caller knows already."""
    if editable is None:
        editable = can_change(user, obj) and not obj.is_closed
    is_kv = user.sees_everything
    may_coordinate = coordinates(user, obj)
    parties = planning.required_parties(obj)
    notices = {n.party: n for n in obj.protocol_notices.select_related("informed_by")}
    # A confidential visit's title never shows to someone who may not open the visit.
    visit_readable = obj.visit is not None and in_reach(user, obj.visit)
    suggestion = requests.routing_suggestion(obj)
    evaluation, advice = requests.request_evaluation(obj)
    evaluations = list(responses_for(obj, EVALUATION)) if evaluation else []
    routing_initial = {
        "host_unit": obj.host_unit or suggestion.host,
        "responsible": obj.responsible,
        "informed_units": list(obj.informed_units.all()) or suggestion.informed,
    }
    ctx = {
        "can_change": editable,
        "is_kv": is_kv,
        "sees_guests": sees_confidential_parts(user, obj),
        "evaluation": evaluation,
        "evaluations": evaluations,
        "recommendation": advice,
        "triage_form": forms.get("triage_form") or TriageForm.for_request(obj, latest=evaluation),
        "can_triage": may_coordinate
        and obj.state in (RequestState.RECEIVED, RequestState.UNDER_REVIEW),
        "visit_readable": visit_readable,
        "reported": None,
        "can_report": obj.responsible_id is not None and _may_report(user, obj),
        "suggestion": suggestion,
        "routing_form": forms.get("routing_form")
        or RoutingForm(initial=routing_initial, user=user, keep_responsible=obj.responsible_id),
        "can_route": may_coordinate and obj.is_open,
        "parties": [
            {"code": p, "label": ProtocolParty(p).label, "notice": notices.get(p)} for p in parties
        ],
        **checklist_context(obj, editable=editable, url_prefix="request"),
        "gifts": obj.gifts.all(),
        "gift_form": forms.get("gift_form") or GiftForm(),
        "attachments": obj.attachments.all(),
        "attachment_form": forms.get("attachment_form") or AttachmentForm(),
    }
    ctx.update(record_page_context(user, obj, url_name=_url_name, **forms))
    # One read of the timeline gives the list and the latest report of the responsible person
    # (what requests.responsible_reported reads).
    ctx["timeline"] = list(ctx["timeline"])
    if obj.responsible_id:
        reports = [e for e in ctx["timeline"] if e.summary == requests.REPORTED]
        ctx["reported"] = max(reports, key=lambda e: (e.at, e.pk), default=None)
    if ctx["sees_guests"]:
        ctx["guests"] = obj.guests.all()
        ctx["guest_form"] = forms.get("guest_form") or GuestForm()
    return ctx


class RequestActionView(RecordActionView):
    """An action on one request's page (see `espoo_intl.views.actions`)."""

    model = VisitRequest

    def get_request(self) -> VisitRequest:
        return self.get_object()

    def closed_message(self, obj) -> str:
        return _("This request is closed: its records are kept as they are.")

    def page_context(self, obj, **forms) -> dict:
        return request_page_context(self.request.user, obj, **forms)


class TransitionView(CoreTransitionView):
    """Move a request to another state (the core's view, with the request page's context)."""

    model = VisitRequest
    url_prefix = "request"
    done_message = gettext_lazy("The request is now: %(state)s.")

    def page_context(self, obj, **forms) -> dict:
        ctx = super().page_context(obj, **forms)
        ctx.update(request_page_context(self.request.user, obj, **forms))
        return ctx


class TriageView(RequestActionView):
    allowed = staticmethod(coordinates)
    refuse_closed = False  # the service says which states can be evaluated
    form_class = TriageForm
    form_key = "triage_form"
    success_message = gettext_lazy("The evaluation was saved.")
    failure_message = gettext_lazy("Check the answers.")

    def get_form(self, obj):
        return TriageForm.for_request(obj, self.request.POST)

    def call_service(self, obj, form):
        actor = self.request.user
        requests.request_triage(obj, actor=actor, how=form.how(), **form.answers())


class RouteView(RequestActionView):
    allowed = staticmethod(coordinates)
    form_class = RoutingForm
    form_key = "routing_form"
    service = requests.request_route
    success_message = gettext_lazy("Routing confirmed; the people concerned are notified.")
    failure_message = gettext_lazy("Check the routing.")

    def get_form(self, obj):
        user = self.request.user
        return RoutingForm(self.request.POST, user=user, keep_responsible=obj.responsible_id)


def _may_report(user, obj) -> bool:
    return coordinates(user, obj) or user.pk == obj.responsible_id


class ReportResponsibleView(RequestActionView):
    allowed = staticmethod(_may_report)
    success_message = gettext_lazy("Recorded: the responsible person was reported.")

    def call_service(self, obj, form):
        requests.request_report_responsible(obj, actor=self.request.user)


class ProtocolView(RequestActionView):
    success_message = gettext_lazy("Marked as informed.")

    def call_service(self, obj, form):
        planning.protocol_mark_informed(obj, party=self.kwargs["party"], actor=self.request.user)


class ChecklistItemView(ChecklistItemActions, RequestActionView):
    item_url = "visits:request_item"


class ChecklistMarkDoneView(ChecklistMarkDoneActions, RequestActionView):
    pass


class _GuestAccess:
    """Guest lists follow the rule for confidential parts; their existence does not leak."""

    def check(self, obj) -> None:
        if not sees_confidential_parts(self.request.user, obj):
            raise Http404
        super().check(obj)


class GuestAddView(_GuestAccess, RequestActionView):
    form_class = GuestForm
    form_key = "guest_form"
    service = planning.guest_save
    success_message = gettext_lazy("Guest added.")
    failure_message = gettext_lazy("The guest was not added.")


class GuestDeleteView(_GuestAccess, RequestActionView):
    success_message = gettext_lazy("Guest removed.")

    def call_service(self, obj, form):
        guest = get_object_or_404(Guest, pk=self.kwargs["guest_pk"], visit_request=obj)
        planning.guest_delete(guest, actor=self.request.user)


class GiftAddView(RequestActionView):
    form_class = GiftForm
    form_key = "gift_form"
    service = planning.gift_add
    success_message = gettext_lazy("Gift recorded.")
    failure_message = gettext_lazy("The gift was not recorded.")


class AttachmentAddView(RequestActionView):
    form_class = AttachmentForm
    form_key = "attachment_form"
    service = planning.attachment_add
    success_message = gettext_lazy("Attachment saved.")
    failure_message = gettext_lazy("The attachment was not saved.")


__all__ = [
    "RequestListView", "RequestEditView", "RequestDetailView", "TransitionView", "TriageView",
    "RouteView", "ProtocolView", "ChecklistItemView", "ChecklistMarkDoneView", "GuestAddView", "GuestDeleteView",
    "GiftAddView", "AttachmentAddView",
]  # fmt: skip
