"""One page per editable rule table: all rows in a formset, saved at once by kv-tiimi."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.forms import BaseModelFormSet, modelformset_factory
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import View

from ..services import catalogue_save

__all__ = ["CatalogueView"]


class ChangedRowsFormSet(BaseModelFormSet):
    """Checks only the rows someone changed: an old row that no longer passes today's
    checks does not block saving the others (and is checked once it is edited)."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if i < self.initial_form_count():
            form.empty_permitted = True
        return form


class CatalogueView(LoginRequiredMixin, View):
    """Configure with `model`, `fields`, `widgets`, `can_add` (extra empty rows), `can_delete`
    (defaults to `can_add`) and `title`. Needs the model's change permission; history records who changed what."""

    model = None
    fields: tuple = ()
    widgets: dict = {}
    can_add = True
    can_delete: bool | None = None
    title = ""
    intro = ""
    template_name = "generic/catalogue.html"

    def formset_class(self):
        return modelformset_factory(
            self.model,
            formset=ChangedRowsFormSet,
            fields=self.fields,
            widgets=self.widgets,
            extra=2 if self.can_add else 0,
            can_delete=self.can_add if self.can_delete is None else self.can_delete,
        )

    def check(self, request):
        meta = self.model._meta
        if not request.user.has_perm(f"{meta.app_label}.change_{meta.model_name}"):
            raise PermissionDenied

    def render_page(self, formset, status=200):
        ctx = {
            "formset": formset,
            "title": self.title,
            "intro": self.intro,
            "meta": self.model._meta,
        }
        return render(self.request, self.template_name, ctx, status=status)

    def get_queryset(self):
        """The rows in the order the page shows them (override for another order)."""
        return self.model._default_manager.all()

    def get(self, request):
        self.check(request)
        return self.render_page(self.formset_class()(queryset=self.get_queryset()))

    def post(self, request):
        self.check(request)
        formset = self.formset_class()(request.POST, queryset=self.get_queryset())
        if formset.is_valid():
            changed = catalogue_save(formset, actor=request.user)
            messages.success(request, _("Saved: %(n)s rows changed.") % {"n": changed})
            return HttpResponseRedirect(request.path)
        messages.error(request, _("Nothing was saved. Please correct the errors below."))
        return self.render_page(formset, status=400)
