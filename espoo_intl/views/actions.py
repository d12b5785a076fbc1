"""One view for "a form on a record's page that calls a service".

A register subclasses `RecordActionView`, names its `model`, `form_class`, `form_key`
and `service`, and says how its page is drawn (`page_template`, `page_context`):

    class MeetingAddView(RecordActionView):
        model = Partnership
        form_class = MeetingForm
        form_key = "meeting_form"             # the page shows the form under this name
        service = services.meeting_add        # service(obj, *, actor, **cleaned_data)
        success_message = gettext_lazy("Meeting recorded.")

The order is fixed: POST only; the record through `for_user` (404 when out of reach);
`allowed(user, obj)` (403, before the form is read); a closed record (`is_closed`) refused
with a message; the form validated; the service called. A refused call (ValidationError,
or PermissionDenied raised by the service) shows the record's page again with status 400
and the message in the user's language — never a 500.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views import View

from ..forms import apply_validation_error
from ..history import history_entries
from ..outbox import held_messages, tell_if_queued
from ..permissions import can_change

__all__ = ["RecordActionView", "refusal_messages"]


def refusal_messages(error: Exception) -> list[str]:
    """What to tell the user about a refused service call, in their language."""
    if isinstance(error, ValidationError):
        return [str(m) for m in error.messages]
    text = str(error) if error.args else ""
    return [text or _("You may not do this.")]


class RecordActionView(LoginRequiredMixin, View):
    """POST-only action on one record the user can see (404 otherwise)."""

    http_method_names = ["post"]
    model = None
    form_class = None  # None: an action without a form (a button)
    form_key = ""  # the name the page knows the form by
    service = None  # callable(obj, *, actor, **cleaned_data)
    success_message = ""
    failure_message = ""
    refuse_closed = True
    page_template = None  # default "<app>/<model>_detail.html"

    @staticmethod
    def allowed(user, obj) -> bool:
        """May this user take this action on this record at all? (403 otherwise; checked
        before the form, so a refused user learns nothing from validation.)"""
        return can_change(user, obj)

    # --- the record -------------------------------------------------------------------------
    def get_queryset(self):
        return self.model.objects.for_user(self.request.user)

    def get_object(self):
        obj = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        self.check(obj)
        return obj

    def check(self, obj) -> None:
        if not self.allowed(self.request.user, obj):
            raise PermissionDenied

    def closed_message(self, obj) -> str:
        return _("This record is closed: its records are kept as they are.")

    # --- the page ---------------------------------------------------------------------------
    def page_context(self, obj, **forms) -> dict:
        """What the record's page shows besides the object (subclasses add theirs)."""
        return dict(forms)

    def get_page_template(self, obj) -> str:
        meta = obj._meta
        return self.page_template or f"{meta.app_label}/{meta.model_name}_detail.html"

    def done(self, obj, message: str):
        if message:
            messages.success(self.request, message)
        return HttpResponseRedirect(obj.get_absolute_url())

    def refused(self, obj, error: Exception, **forms):
        """Show the page again with the user's input and the reason, status 400."""
        for text in refusal_messages(error):
            messages.error(self.request, text)
        ctx = {"object": obj, "meta": obj._meta, "history": history_entries(obj)}
        ctx.update(self.page_context(obj, **forms))
        return render(self.request, self.get_page_template(obj), ctx, status=400)

    # --- the action -------------------------------------------------------------------------
    def get_form(self, obj):
        return self.form_class(self.request.POST, self.request.FILES)

    def call_service(self, obj, form):
        data = form.cleaned_data if form is not None else {}
        return type(self).service(obj, actor=self.request.user, **data)

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        if self.refuse_closed and getattr(obj, "is_closed", False):
            return self.refused(obj, ValidationError(self.closed_message(obj)))
        form = self.get_form(obj) if self.form_class else None
        forms = {self.form_key: form} if form is not None and self.form_key else {}
        if form is not None and not form.is_valid():
            failure = self.failure_message or _("Check the form.")
            return self.refused(obj, ValidationError(failure), **forms)
        try:
            with held_messages() as held:
                self.call_service(obj, form)
        except (ValidationError, PermissionDenied) as error:
            return self.refused(obj, self._shown(error, form), **forms)
        tell_if_queued(request, held)
        return self.done(obj, self.success_message)

    def _shown(self, error, form):
        """A refusal on a form: field errors go next to their fields; the message says
        what failed and anything not tied to a field."""
        if form is None or not isinstance(error, ValidationError):
            return error
        apply_validation_error(form, error)
        general = []
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                if field not in form.fields:
                    general += [m for e in errors for m in e.messages]
        else:
            general = error.messages
        head = [self.failure_message] if self.failure_message else []
        return ValidationError(head + general or error.messages)
