"""The generic views every register configures with attributes (NetBox's ObjectListView).

A register sets `model`, `table_class`, `filterset_class`, `form_class` and its
service functions; the views apply `for_user` to every queryset, answer 404 for
records out of reach and 403 for records the user may read but not change.
"""

import tempfile

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError, QuerySet
from django.http import FileResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView
from django_filters.views import FilterView
from django_tables2 import RequestConfig, SingleTableMixin
from django_tables2.export import ExportMixin

from ..export_jobs import export_job_start, sync_export_limit
from ..exports import (
    CSV_CONTENT_TYPE,
    CSV_EXCEL,
    XLSX_CONTENT_TYPE,
    SafeTableExport,
    csv_chunks,
    export_columns,
    export_extension,
    export_records,
    xlsx_tempfile,
)
from ..forms import TransitionForm, apply_validation_error
from ..history import history_entries
from ..outbox import held_messages, tell_if_queued
from ..paging import DEFAULT_PER_PAGE, SafePaginator
from ..permissions import can_add, can_change, can_delete
from ..records import check_open, stale_changes
from ..submissions import TOKEN_FIELD, create_once
from ..timeline import timeline_for

__all__ = [
    "ObjectListView", "ObjectDetailView", "ObjectEditView", "ObjectDeleteView", "record_page_context",
]  # fmt: skip


class RegisterMixin(LoginRequiredMixin):
    """Shared by the register views: the model, its restricted queryset and URL names."""

    model = None
    url_prefix: str | None = None  # URL names are "<app>:<prefix>_<action>"; default the model name
    select_related: tuple = ()
    prefetch_related: tuple = ()

    def get_queryset(self):
        qs = self.model.objects.for_user(self.request.user)
        return qs.select_related(*self.select_related).prefetch_related(*self.prefetch_related)

    def url_name(self, action: str) -> str:
        prefix = self.url_prefix or self.model._meta.model_name
        return f"{self.model._meta.app_label}:{prefix}_{action}"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["meta"] = self.model._meta
        ctx["list_url"] = reverse(self.url_name("list"))
        ctx["can_add"] = can_add(self.request.user, self.model)
        ctx["add_url"] = reverse(self.url_name("add"))
        return ctx


class ObjectListView(RegisterMixin, ExportMixin, SingleTableMixin, FilterView):
    template_name = "generic/object_list.html"
    export_formats = ("csv", "csv_excel", "xlsx")
    export_class = SafeTableExport  # no live formulas in a spreadsheet (espoo_intl/exports.py)
    # The table paginates (not the ListView), through a paginator no ?per_page= can break.
    table_pagination = {"per_page": DEFAULT_PER_PAGE, "paginator_class": SafePaginator}
    export_name = None

    def get_export_filename(self, export_format):
        name = self.export_name or self.model._meta.model_name
        return f"{name}.{export_extension(export_format)}"

    # Exports (issue 12): the filtered, ordered queryset the list shows, read column by
    # column (espoo_intl/exports.py), CSV streamed and Excel written in write-only mode;
    # more rows than EXPORT_SYNC_MAX_ROWS go to a Celery job (espoo_intl/export_jobs.py).

    def get(self, request, *args, **kwargs):
        # An export needs neither the page's table nor its context (a count, permissions).
        export_format = request.GET.get(self.export_trigger_param)
        if export_format and self.export_class.is_valid_format(export_format):
            return self.export_response(export_format)
        return super().get(request, *args, **kwargs)

    def export_table(self):
        """The list's table over every filtered row, in the list's order, unpaginated."""
        if not hasattr(self, "object_list"):  # what FilterView.get() does for the page
            self.filterset = self.get_filterset(self.get_filterset_class())
            valid = not self.filterset.is_bound or self.filterset.is_valid()
            qs = self.filterset.qs if valid or not self.get_strict() else None
            self.object_list = qs if qs is not None else self.filterset.queryset.none()
        table = self.table_class(data=self.get_table_data(), **self.get_table_kwargs())
        RequestConfig(self.request, paginate=False).configure(table)
        return table

    def export_rows(self):
        """(headers, rows iterator, row count) of the export."""
        table = self.export_table()
        columns = export_columns(table, self.exclude_columns)
        data = table.data.data
        # Not len(table.data): for an unpaginated table django-tables2 loads every row.
        count = data.count() if isinstance(data, QuerySet) else len(data)
        return [c.header for c in columns], export_records(table, columns), count

    def export_file(self, export_format):
        """The export as an open temporary file (Celery jobs), and its number of rows."""
        headers, rows, count = self.export_rows()
        if export_format == "xlsx":
            return xlsx_tempfile(headers, rows), count
        handle = tempfile.TemporaryFile()  # noqa: SIM115 (the job closes it)
        for chunk in csv_chunks(headers, rows, excel=export_format == CSV_EXCEL):
            handle.write(chunk.encode("utf-8"))
        handle.seek(0)
        return handle, count

    def export_response(self, export_format):
        filename = self.get_export_filename(export_format)
        headers, rows, count = self.export_rows()
        if count > sync_export_limit():
            query = self.request.GET.copy()
            query.pop(self.export_trigger_param, None)
            job = export_job_start(
                user=self.request.user,
                path=self.request.path,
                query=query.urlencode(),
                export_format=export_format,
                filename=filename,
            )
            return HttpResponseRedirect(job.get_absolute_url())
        if export_format == "xlsx":
            handle = xlsx_tempfile(headers, rows)
            return FileResponse(
                handle, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE
            )
        chunks = csv_chunks(headers, rows, excel=export_format == CSV_EXCEL)
        response = StreamingHttpResponse(
            (chunk.encode("utf-8") for chunk in chunks), content_type=CSV_CONTENT_TYPE
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class ObjectDetailView(RegisterMixin, DetailView):
    template_name = None

    def get_template_names(self):
        meta = self.model._meta
        return [f"{meta.app_label}/{meta.model_name}_detail.html"]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user, obj = self.request.user, self.object
        ctx["can_change"] = can_change(user, obj) and not getattr(obj, "is_closed", False)
        ctx["can_delete"] = can_delete(user, obj)
        ctx["history"] = history_entries(obj)
        ctx.update(record_page_context(user, obj, url_name=self.url_name))
        return ctx


def record_page_context(user, obj, *, url_name, **forms) -> dict:
    """The timeline and, for a record with a workflow, its next-step buttons
    (templates/timeline/_timeline.html, templates/workflow/_transitions.html)."""
    ctx = {"timeline": timeline_for(obj)}
    workflow = getattr(type(obj), "workflow", None)
    if workflow is not None:
        ctx["transitions"] = workflow.buttons(user, obj)
        ctx["transition_url"] = reverse(url_name("transition"), args=[obj.pk])
        ctx["transition_form"] = forms.get("transition_form") or TransitionForm()
        ctx["failed_transition"] = forms.get("failed_transition")
    return ctx


class ObjectEditView(RegisterMixin, View):
    """Create (no pk) or edit (pk) a record through the register's service functions."""

    form_class = None
    template_name = "generic/object_edit.html"
    create_service = None  # callable(*, actor, **data) -> instance
    update_service = None  # callable(instance, *, actor, **data) -> instance

    closed_template_name = "generic/object_closed.html"

    def get_object(self):
        if "pk" not in self.kwargs:
            if not can_add(self.request.user, self.model):
                raise PermissionDenied
            return None
        obj = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        if not can_change(self.request.user, obj):
            raise PermissionDenied
        return obj

    def refuse_closed(self, obj):
        """A closed record is read-only: say so (400), change nothing."""
        try:
            check_open(obj)
        except ValidationError as error:
            ctx = {"object": obj, "meta": self.model._meta, "messages_text": error.messages}
            return render(self.request, self.closed_template_name, ctx, status=400)
        return None

    def on_error(self, form, obj, error: ValidationError) -> dict:
        """Someone else saved first: show their values, and let this user save over them
        knowingly (the form now carries the current version)."""
        if obj is None or not any(e.code == "stale" for e in error.error_list):
            return {}
        current = self.model._default_manager.get(pk=obj.pk)
        form.data = form.data.copy()
        form.data["expected_version"] = current.version
        return {"stale_changes": stale_changes(form, current)}

    def render_form(self, form, obj, **extra):
        ctx = {"form": form, "object": obj, "meta": self.model._meta, **extra}
        ctx["cancel_url"] = obj.get_absolute_url() if obj else reverse(self.url_name("list"))
        return render(self.request, self.template_name, ctx)

    def get(self, request, *args, **kwargs):
        obj = self.get_object()
        if obj is not None and (refused := self.refuse_closed(obj)):
            return refused
        return self.render_form(self.form_class(instance=obj, user=request.user), obj)

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        if obj is not None and (refused := self.refuse_closed(obj)):
            return refused
        form = self.form_class(request.POST, request.FILES, instance=obj, user=request.user)
        if form.is_valid():
            try:
                with held_messages() as held:
                    if obj is None:
                        data = dict(form.cleaned_data)
                        token = data.pop(TOKEN_FIELD, None)
                        saved, created = create_once(
                            self.model,
                            token,
                            request.user,
                            lambda: type(self).create_service(actor=request.user, **data),
                        )
                        if created:
                            messages.success(request, _("Saved. The record was created."))
                    else:
                        saved = type(self).update_service(
                            obj, actor=request.user, **form.cleaned_data
                        )
                        messages.success(request, _("Saved. Your changes were stored."))
                tell_if_queued(request, held)
                return HttpResponseRedirect(saved.get_absolute_url())
            except ValidationError as error:
                apply_validation_error(form, error)
                extra = self.on_error(form, obj, error)
                messages.error(request, _("Nothing was saved. Please correct the errors below."))
                return self.render_form(form, obj, **extra)
        messages.error(request, _("Nothing was saved. Please correct the errors below."))
        return self.render_form(form, obj)


def _referrers(error: ProtectedError, limit: int = 10) -> list[str]:
    """The records that keep a protected one from being deleted, as "kind: name"."""
    found = list(error.protected_objects)
    lines = [f"{capfirst(o._meta.verbose_name)}: {o}" for o in found[:limit]]
    if len(found) > limit:
        lines.append(_("…and %(more)s more") % {"more": len(found) - limit})
    return lines


class ObjectDeleteView(RegisterMixin, View):
    template_name = "generic/object_delete.html"
    delete_service = None  # callable(instance, *, actor)

    def get_object(self):
        obj = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        if not can_delete(self.request.user, obj):
            raise PermissionDenied
        return obj

    def get(self, request, *args, **kwargs):
        obj = self.get_object()
        return render(request, self.template_name, {"object": obj, "meta": self.model._meta})

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        try:
            type(self).delete_service(obj, actor=request.user)
        except ProtectedError as error:
            # Other records still point to this one: say which, delete nothing.
            ctx = {"object": obj, "meta": self.model._meta, "protected": _referrers(error)}
            messages.error(request, _("This record cannot be deleted: other records refer to it."))
            return render(request, self.template_name, ctx, status=400)
        messages.success(request, _("Deleted: %(name)s") % {"name": obj})
        return HttpResponseRedirect(reverse(self.url_name("list")))
