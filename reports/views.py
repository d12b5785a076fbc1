"""The report pages: the versions and the compile form, a version's page with its progress
(an htmx-polled fragment), the download and publishing. Every read goes through
`ReportVersion.objects.for_user`: a version out of the user's sight answers 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from espoo_intl.attachments import private_download
from espoo_intl.forms import apply_validation_error
from espoo_intl.roles import reads_dashboards
from espoo_intl.views.actions import refusal_messages

from . import selectors, services
from .forms import CompileForm
from .models import ReportState, ReportVersion

STOP_POLLING = 286  # htmx: "stop polling" (the fragment is still swapped in)


def _list_page(request, form=None, status=200):
    user = request.user
    ctx = {
        "versions": selectors.version_list(user=user),
        "form": (form or CompileForm()) if user.sees_everything else None,
    }
    return render(request, "reports/version_list.html", ctx, status=status)


@login_required
@require_GET
def version_list(request):
    if not reads_dashboards(request.user):
        raise PermissionDenied
    return _list_page(request)


@login_required
@require_POST
def compile_view(request):
    if not request.user.sees_everything:
        raise PermissionDenied
    form = CompileForm(request.POST)
    if not form.is_valid():
        return _list_page(request, form, status=400)
    data = form.cleaned_data
    try:
        version, created = services.report_request(
            year=data["year"], language=data["language"], final=form.final, actor=request.user
        )
    except ValidationError as error:
        apply_validation_error(form, error)
        return _list_page(request, form, status=400)
    if created:
        messages.success(request, _("The compilation has started."))
    else:
        messages.info(request, _("This report is being compiled already: here is that job."))
    return redirect(version)


def _version(request, pk) -> ReportVersion:
    return get_object_or_404(ReportVersion.objects.for_user(request.user).defer("data"), pk=pk)


def _progress_context(request, version) -> dict:
    user = request.user
    can_publish = (
        user.sees_everything
        and version.final
        and version.state == ReportState.DONE
        and not version.published
    )
    return {"version": version, "can_publish": can_publish}


def _version_page(request, version, status=200):
    ctx = _progress_context(request, version)
    ctx["changes"] = selectors.changed_figures(version) if version.published else None
    return render(request, "reports/version_detail.html", ctx, status=status)


@login_required
@require_GET
def version_page(request, pk):
    return _version_page(request, _version(request, pk))


@login_required
@require_GET
def version_progress(request, pk):
    """The progress fragment the version page polls while the job runs. Once the job has
    ended the answer is 286, which tells htmx to stop polling (and still show it)."""
    version = _version(request, pk)
    status = 200 if version.is_active else STOP_POLLING
    ctx = _progress_context(request, version)
    return render(request, "reports/partials/progress.html", ctx, status=status)


@login_required
@require_GET
def download(request, pk):
    version = _version(request, pk)
    if version.state != ReportState.DONE or not version.pdf:
        raise Http404
    return private_download(version.pdf, version.download_name, content_type="application/pdf")


@login_required
@require_POST
def publish(request, pk):
    version = _version(request, pk)
    if not request.user.sees_everything:
        raise PermissionDenied
    try:
        version = services.report_publish(version, actor=request.user)
    except ValidationError as error:
        for text in refusal_messages(error):
            messages.error(request, text)
        return _version_page(request, version, status=400)
    messages.success(request, _("The report is published: leadership can read it now."))
    return redirect(version)
