"""Visit request pages: the register (generic views) and the request page's actions.

Each action is a small POST view that calls one service. On success it redirects to the
request page; on a refusal it shows the page again with the user's input and the message.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from espoo_intl.forms import apply_validation_error
from espoo_intl.history import history_entries
from espoo_intl.permissions import can_change, sees_confidential_parts
from espoo_intl.views import ObjectDetailView, ObjectEditView, ObjectListView
from espoo_intl.views import TransitionView as CoreTransitionView
from espoo_intl.views.generic import record_page_context

from ..choices import ChecklistPhase, ProtocolParty, RequestState
from ..filtersets import VisitRequestFilterSet
from ..forms import (
    AttachmentForm,
    ChecklistItemForm,
    GiftForm,
    GuestForm,
    RoutingForm,
    TriageForm,
    VisitRequestForm,
)
from ..models import Attachment, ChecklistItem, Guest, VisitRequest
from ..rules import recommendation
from ..services import planning, requests
from ..tables import VisitRequestTable


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
    select_related = ("host_unit__parent", "responsible", "created_by", "triaged_by", "visit")
    prefetch_related = ("themes", "informed_units")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(request_page_context(self.request.user, self.object, **kwargs))
        return ctx


def _url_name(action: str) -> str:
    return f"visits:request_{action}"


def request_page_context(user, obj: VisitRequest, **forms) -> dict:
    """Everything the request page shows, limited to what this user may see and do."""
    editable = can_change(user, obj) and not obj.is_closed
    is_kv = user.sees_everything
    parties = planning.required_parties(obj)
    notices = {n.party: n for n in obj.protocol_notices.select_related("informed_by")}
    items = list(obj.checklist.select_related("owner", "template"))
    owners = ChecklistItemForm.owner_choices() if items and editable else None
    phases = [
        {
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
    suggestion = requests.routing_suggestion(obj)
    routing_initial = {
        "host_unit": obj.host_unit or suggestion.host,
        "responsible": obj.responsible,
        "informed_units": list(obj.informed_units.all()) or suggestion.informed,
    }
    ctx = {
        "can_change": editable,
        "is_kv": is_kv,
        "sees_guests": sees_confidential_parts(user, obj),
        "recommendation": recommendation(obj.timely, obj.answers),
        "triage_form": forms.get("triage_form") or TriageForm.for_request(obj),
        "can_triage": is_kv and obj.state in (RequestState.RECEIVED, RequestState.UNDER_REVIEW),
        "suggestion": suggestion,
        "routing_form": forms.get("routing_form") or RoutingForm(initial=routing_initial),
        "can_route": is_kv and obj.is_open,
        "parties": [
            {"code": p, "label": ProtocolParty(p).label, "notice": notices.get(p)} for p in parties
        ],
        "phases": phases,
        "has_checklist": bool(items),
        "gifts": obj.gifts.all(),
        "gift_form": forms.get("gift_form") or GiftForm(),
        "attachments": obj.attachments.all(),
        "attachment_form": forms.get("attachment_form") or AttachmentForm(),
    }
    ctx.update(record_page_context(user, obj, url_name=_url_name, **forms))
    if ctx["sees_guests"]:
        ctx["guests"] = obj.guests.all()
        ctx["guest_form"] = forms.get("guest_form") or GuestForm()
    return ctx


class RequestActionView(LoginRequiredMixin, View):
    """POST-only action on one request the user can see (404 otherwise)."""

    http_method_names = ["post"]

    @staticmethod
    def allowed(user, obj) -> bool:
        """May this user take this action on this request at all? (403 otherwise; checked
        before the form, so a refused user learns nothing from validation.)"""
        return can_change(user, obj)

    def get_request(self) -> VisitRequest:
        obj = get_object_or_404(
            VisitRequest.objects.for_user(self.request.user), pk=self.kwargs["pk"]
        )
        self.check(obj)
        return obj

    def check(self, obj) -> None:
        if not self.allowed(self.request.user, obj):
            raise PermissionDenied

    def done(self, obj, message: str):
        messages.success(self.request, message)
        return HttpResponseRedirect(obj.get_absolute_url())

    def refused(self, obj, error: ValidationError, **forms):
        """Show the page again with the user's input and the reason."""
        for text in error.messages:
            messages.error(self.request, text)
        ctx = {"object": obj, "meta": VisitRequest._meta, "history": history_entries(obj)}
        ctx.update(request_page_context(self.request.user, obj, **forms))
        return render(self.request, "visits/visitrequest_detail.html", ctx, status=400)


def _kv(user, obj) -> bool:
    return user.sees_everything


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
    allowed = staticmethod(_kv)

    def post(self, request, pk):
        obj = self.get_request()
        form = TriageForm.for_request(obj, request.POST)
        if not form.is_valid():
            return self.refused(obj, ValidationError(_("Check the answers.")), triage_form=form)
        try:
            requests.request_triage(obj, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            return self.refused(obj, error, triage_form=form)
        return self.done(obj, _("The evaluation was saved."))


class RouteView(RequestActionView):
    allowed = staticmethod(_kv)

    def post(self, request, pk):
        obj = self.get_request()
        form = RoutingForm(request.POST)
        if not form.is_valid():
            return self.refused(obj, ValidationError(_("Check the routing.")), routing_form=form)
        try:
            requests.request_route(obj, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            return self.refused(obj, error, routing_form=form)
        return self.done(obj, _("Routing confirmed; the people concerned are notified."))


class ProtocolView(RequestActionView):
    def post(self, request, pk, party):
        obj = self.get_request()
        try:
            planning.protocol_mark_informed(obj, party=party, actor=request.user)
        except ValidationError as error:
            return self.refused(obj, error)
        return self.done(obj, _("Marked as informed."))


class ChecklistItemView(RequestActionView):
    def post(self, request, pk, item_pk):
        obj = self.get_request()
        item = get_object_or_404(ChecklistItem, pk=item_pk, request=obj)
        form = ChecklistItemForm(request.POST, instance=item, prefix=f"item{item.pk}")
        if form.is_valid():
            try:
                planning.checklist_item_update(item, actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                apply_validation_error(form, error)
        if request.htmx:
            return render(
                request,
                "visits/partials/checklist_item.html",
                {
                    "entry": {"item": item, "form": form},
                    "object": obj,
                    "can_change": True,
                    "saved": form.is_valid(),
                },
            )
        if not form.is_valid():
            return self.refused(obj, ValidationError(list(form.errors.values())[0]))
        return self.done(obj, _("Checklist item saved."))


class FormActionView(RequestActionView):
    """An action that saves one small form through one service: on success back to the
    request page, on refusal the page again with the form and its errors."""

    form_class = None
    form_key = ""  # the name request_page_context knows the form by
    service = None  # callable(request, *, actor, **cleaned_data)
    success_message = ""
    failure_message = ""

    def post(self, request, pk):
        obj = self.get_request()
        form = self.form_class(request.POST, request.FILES)
        if form.is_valid():
            try:
                type(self).service(obj, actor=request.user, **form.cleaned_data)
                return self.done(obj, self.success_message)
            except ValidationError as error:
                apply_validation_error(form, error)
        return self.refused(obj, ValidationError(self.failure_message), **{self.form_key: form})


class _GuestAccess:
    """Guest lists follow the rule for confidential parts; their existence does not leak."""

    def check(self, obj) -> None:
        if not sees_confidential_parts(self.request.user, obj):
            raise Http404
        super().check(obj)


class GuestAddView(_GuestAccess, FormActionView):
    form_class = GuestForm
    form_key = "guest_form"
    service = planning.guest_save
    success_message = gettext_lazy("Guest added.")
    failure_message = gettext_lazy("The guest was not added.")


class GuestDeleteView(_GuestAccess, RequestActionView):
    def post(self, request, pk, guest_pk):
        obj = self.get_request()
        guest = get_object_or_404(Guest, pk=guest_pk, request=obj)
        planning.guest_delete(guest, actor=request.user)
        return self.done(obj, _("Guest removed."))


class GiftAddView(FormActionView):
    form_class = GiftForm
    form_key = "gift_form"
    service = planning.gift_add
    success_message = gettext_lazy("Gift recorded.")
    failure_message = gettext_lazy("The gift was not recorded.")


class AttachmentAddView(FormActionView):
    form_class = AttachmentForm
    form_key = "attachment_form"
    service = planning.attachment_add
    success_message = gettext_lazy("Attachment saved.")
    failure_message = gettext_lazy("The attachment was not saved.")


class AttachmentDownloadView(LoginRequiredMixin, View):
    """Files are served only to people who can see the request."""

    def get(self, request, pk, attachment_pk):
        obj = get_object_or_404(VisitRequest.objects.for_user(request.user), pk=pk)
        attachment = get_object_or_404(Attachment, pk=attachment_pk, request=obj)
        try:
            handle = attachment.file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        return FileResponse(
            handle,
            as_attachment=True,
            filename=attachment.original_name,
            content_type=attachment.content_type,
        )


__all__ = [
    "RequestListView", "RequestEditView", "RequestDetailView", "TransitionView", "TriageView",
    "RouteView", "ProtocolView", "ChecklistItemView", "GuestAddView", "GuestDeleteView",
    "GiftAddView", "AttachmentAddView", "AttachmentDownloadView",
]  # fmt: skip
