"""Exports too big to build while the user waits (issue 12): a Celery job writes the file
and the user downloads it when it is ready.

A list's export of more than `EXPORT_SYNC_MAX_ROWS` rows (settings) becomes an
`ExportJob`: the list's path and filters are stored with the requester; the task builds
the export through the same list view, as that user, so the rows are exactly those the
list shows them (confidential ones only if they may see them). The file lies in private
storage (outside the web root); only the requester sees the job page or downloads it.
"""

import uuid
from pathlib import Path

from celery import shared_task
from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.files import File
from django.db import models, transaction
from django.http import Http404, HttpRequest, QueryDict
from django.shortcuts import get_object_or_404, render
from django.urls import resolve, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views import View

from .attachments import PrivateStorage, private_download

__all__ = [
    "ExportJob", "export_job_start", "export_job_run", "ExportJobView", "ExportJobDownloadView",
    "sync_export_limit",
]  # fmt: skip

RUN_TASK = "espoo_intl.export_job_run"


def sync_export_limit() -> int:
    """Exports with more rows than this are built by a Celery job."""
    return getattr(settings, "EXPORT_SYNC_MAX_ROWS", 25_000)


class ExportStorage(PrivateStorage):
    """MEDIA_ROOT/exports, outside the web root, read from settings on every use."""

    folder = "exports"


export_storage = ExportStorage()


def export_file_storage() -> ExportStorage:
    """A callable, so migrations name this function rather than a machine's path."""
    return export_storage


def _stored_name(instance, filename) -> str:
    return f"{instance.user_id}/{uuid.uuid4().hex}{Path(filename).suffix}"


class ExportJob(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("being prepared")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.CASCADE
    )
    path = models.CharField(_("list"), max_length=200)
    query = models.TextField(_("filters"), blank=True)
    export_format = models.CharField(_("format"), max_length=20)
    filename = models.CharField(_("file name"), max_length=200)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default="pending")
    file = models.FileField(
        _("file"), storage=export_file_storage, upload_to=_stored_name, blank=True, max_length=300
    )
    rows = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.filename

    def get_absolute_url(self) -> str:
        return reverse("export_job", args=[self.pk])


@transaction.atomic
def export_job_start(*, user, path: str, query: str, export_format: str, filename: str):
    """Record the job and queue its task once the row is committed."""
    job = ExportJob(
        user=user, path=path, query=query, export_format=export_format, filename=filename
    )
    job.full_clean()
    job.save()
    transaction.on_commit(lambda: export_job_run.delay(job.pk))
    return job


def _list_view_for(job):
    """The list view of the job's path, set up as a GET by the requester."""
    match = resolve(job.path)
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = job.path
    request.GET = QueryDict(job.query)
    request.user = job.user
    request.META["SERVER_NAME"] = "localhost"
    view = match.func.view_class(**getattr(match.func, "view_initkwargs", {}))
    view.setup(request, *match.args, **match.kwargs)
    return view


@shared_task(name=RUN_TASK)
def export_job_run(job_id: int) -> None:
    """Build the job's file as the requester would see the list now, then mark it ready."""
    job = ExportJob.objects.select_related("user").filter(pk=job_id, state="pending").first()
    if job is None:
        return
    try:
        with translation.override(job.user.language):
            view = _list_view_for(job)
            handle, rows = view.export_file(job.export_format)
        with handle:
            job.file.save(job.filename, File(handle), save=False)
        job.rows, job.state = rows, ExportJob.State.DONE
    except Exception:
        job.state = ExportJob.State.FAILED
        raise
    finally:
        job.finished_at = timezone.now()
        job.save()


def _own_job(request, pk) -> ExportJob:
    """Only the requester reaches a job; for anyone else it does not exist (404)."""
    return get_object_or_404(ExportJob, pk=pk, user=request.user)


class ExportJobView(LoginRequiredMixin, View):
    """The job's page: "being prepared" (reloading itself) until the link is there."""

    def get(self, request, pk):
        job = _own_job(request, pk)
        return render(request, "generic/export_job.html", {"job": job, "refresh_seconds": 5})


class ExportJobDownloadView(LoginRequiredMixin, View):
    def get(self, request, pk):
        job = _own_job(request, pk)
        if job.state != ExportJob.State.DONE or not job.file:
            raise Http404
        return private_download(job.file, job.filename)
