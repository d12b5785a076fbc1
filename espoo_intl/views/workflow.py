"""The one view that moves a record to another state (espoo_intl.workflow).

An app mounts a subclass naming its model at "<app>:<prefix>_transition":

    class RequestTransitionView(TransitionView):
        model = VisitRequest
        url_prefix = "request"

    path("requests/<int:pk>/transition/", RequestTransitionView.as_view(),
         name="request_transition"),

On success it redirects to the record's page; a refused move shows the page again (400)
with the message and the user's reason kept. `page_context` adds what the app's detail
template needs besides the core's context.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from ..forms import TransitionForm
from ..history import history_entries
from ..outbox import held_messages, tell_if_queued
from ..permissions import can_change, can_delete
from ..workflow import workflow_transition
from .generic import RegisterMixin, record_page_context

__all__ = ["TransitionView"]


class TransitionView(RegisterMixin, View):
    http_method_names = ["post"]
    done_message = gettext_lazy("The record is now: %(state)s.")

    def page_context(self, obj, **forms) -> dict:
        """The record page's context when a move is refused."""
        user = self.request.user
        ctx = {
            "object": obj,
            "meta": self.model._meta,
            "history": history_entries(obj),
            "can_change": can_change(user, obj) and not getattr(obj, "is_closed", False),
            "can_delete": can_delete(user, obj),
        }
        ctx.update(record_page_context(user, obj, url_name=self.url_name, **forms))
        return ctx

    def refused(self, obj, error: ValidationError, **forms):
        for text in error.messages:
            messages.error(self.request, text)
        meta = self.model._meta
        template = f"{meta.app_label}/{meta.model_name}_detail.html"
        return render(self.request, template, self.page_context(obj, **forms), status=400)

    def post(self, request, pk):
        obj = get_object_or_404(self.get_queryset(), pk=pk)
        workflow = self.model.workflow
        if not workflow.transitions_for(request.user, obj):
            raise PermissionDenied
        form = TransitionForm(request.POST, workflow=workflow)
        if not form.is_valid():
            return self.refused(obj, ValidationError(_("Unknown state.")), transition_form=form)
        to = form.cleaned_data["to"]
        try:
            with held_messages() as held:
                workflow_transition(
                    obj,
                    to=to,
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                    override_reason=form.cleaned_data["override_reason"],
                )
        except ValidationError as error:
            return self.refused(obj, error, transition_form=form, failed_transition=to)
        messages.success(request, str(self.done_message) % {"state": workflow.state(to).label})
        tell_if_queued(request, held)
        return HttpResponseRedirect(obj.get_absolute_url())
