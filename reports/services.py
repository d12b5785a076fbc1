"""Writes of the annual report: requesting a compilation, the compilation itself (run by the
Celery job in reports/tasks.py, or in-process by the demo loader), failing it, the sweep that
never lets a job run forever, and publishing.

The job is safe to run twice for one version (a message redelivered after a worker died, or
re-queued by the sweep): each run starts from the row, and only the first to finish stores
its PDF, under a row lock, in the version's one file name.
"""

import datetime
import logging
import time

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from espoo_intl.celery import app as celery_app
from espoo_intl.timeline import timeline_log

from .gather import gather_report_data, input_digest, report_figures
from .models import ACTIVE_STATES, ReportLanguage, ReportState, ReportVersion, pdf_name
from .render import render_report_pdf
from .selectors import compile_years, period_approved

__all__ = [
    "COMPILE_TASK", "MAX_ATTEMPTS", "stale_after", "report_request", "report_build", "report_fail",
    "report_publish", "reports_sweep", "report_compile_now",
]  # fmt: skip

log = logging.getLogger(__name__)

COMPILE_TASK = "reports.tasks.compile_report"
MAX_ATTEMPTS = 3  # runs of one version (worker lost each time): then it is failed
GIVE_UP_AFTER = datetime.timedelta(hours=6)  # queued this long without a result: failed

REASON_NOT_APPROVED = gettext_noop(
    "The final report needs an approved reporting period: every submission of the year approved."
)
REASON_LOST = gettext_noop(
    "The job stopped without finishing (the worker was lost or did not answer); start it again."
)
REASON_TOO_SLOW = gettext_noop("The compilation took longer than its time limit.")


def stale_after() -> datetime.timedelta:
    """A job silent this long is no longer running: its hard time limit and a margin."""
    return datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 60)


def _enqueue(version_id: int) -> None:
    """Hand the job to the broker; if the broker does not answer, the version stays queued
    and the sweep hands it over later."""
    try:
        celery_app.tasks[COMPILE_TASK].apply_async(args=[version_id])
    except Exception:  # any broker failure: the sweep retries
        if settings.CELERY_TASK_ALWAYS_EAGER:
            raise  # in-process (tests): the job's own error, not a broker's
        log.warning("reports: broker unavailable, version %s stays queued", version_id)


@transaction.atomic
def report_request(
    *, year: int, language: str, final: bool, actor, enqueue: bool = True
) -> tuple[ReportVersion, bool]:
    """Ask for the report of `year` in `language`: a new queued version and its job, handed
    to Celery when this transaction commits. If one is already being compiled for the same
    year and language, that one is returned (created False): two requests at once make one
    job (the database's unique constraint decides between simultaneous ones). A final
    report is refused unless the year's period is approved."""
    if not actor.sees_everything:
        raise PermissionDenied
    if language not in ReportLanguage.values:
        raise ValidationError({"language": _("Choose Finnish, Swedish or English.")})
    if year not in compile_years():
        raise ValidationError({"year": _("There is no reporting period for %(year)s.") % {"year": year}})  # fmt: skip
    if final and not period_approved(year):
        raise ValidationError({"final": _(REASON_NOT_APPROVED)})
    running = ReportVersion.objects.active().filter(year=year, language=language).first()
    if running is not None:
        return running, False
    version = ReportVersion(year=year, language=language, final=final, started_by=actor)
    try:
        with transaction.atomic():
            version.save()
    except IntegrityError:  # the same request, a moment earlier, from someone else
        running = ReportVersion.objects.active().filter(year=year, language=language).first()
        if running is None:
            raise
        return running, False
    timeline_log(
        version, actor=actor, summary=gettext_noop("Compilation requested."), to=version.state
    )
    if enqueue:
        transaction.on_commit(lambda: _enqueue(version.pk))
    return version, True


def _locked(version_id: int) -> ReportVersion | None:
    return ReportVersion.objects.select_for_update().filter(pk=version_id).first()


def _step(version_id: int, **changes) -> ReportVersion | None:
    """Move a running version on (committed at once, so the page shows it); None when the
    version has meanwhile ended (done or failed) and this run should stop."""
    with transaction.atomic():
        version = _locked(version_id)
        if version is None or version.state not in ACTIVE_STATES:
            return None
        for name, value in {**changes, "heartbeat_at": timezone.now()}.items():
            setattr(version, name, value)
        version.save()
    return version


def _claim(version_id: int) -> ReportVersion | None:
    """Start a run: count it, give up after MAX_ATTEMPTS runs (a worker lost each time)."""
    with transaction.atomic():
        version = _locked(version_id)
        if version is None or version.state not in ACTIVE_STATES:
            return None
        if version.attempts >= MAX_ATTEMPTS:
            _fail(version, REASON_LOST)
            return None
        version.attempts += 1
        version.state = ReportState.GATHERING
        version.started_at = version.started_at or timezone.now()
        version.heartbeat_at = timezone.now()
        version.save()
    return version


def report_build(*, version_id: int) -> ReportVersion | None:
    """Compile one version: gather (state "gathering"), freeze the data, digest and figures,
    print (state "rendering"), store the one PDF (state "done"). Each step commits on its
    own (not one transaction) so the progress shows while it runs. Idempotent: a version
    already done or failed is left as it is. Errors propagate to the caller (the task
    decides between retrying and failing)."""
    version = _claim(version_id)
    if version is None:
        return None
    with translation.override(version.language):
        if version.final and not period_approved(version.year):
            return report_fail(version_id=version_id, reason=REASON_NOT_APPROVED)
        data = gather_report_data(version.year)
        version = _step(
            version_id,
            data=data,
            input_digest=input_digest(data),
            figures=report_figures(data),
            state=ReportState.RENDERING,
        )
        if version is None:
            return None
        delay = getattr(settings, "REPORT_TEST_DELAY", 0)  # tests only: time to kill a worker
        if delay:
            time.sleep(delay)
        pdf = render_report_pdf(data, version.language, draft=not version.final)
    with transaction.atomic():
        version = _locked(version_id)
        if version is None or version.state not in ACTIVE_STATES:
            return version  # another run finished first (or the sweep failed it)
        name = pdf_name(version)
        if version.pdf.storage.exists(name):  # left by a run killed while saving
            version.pdf.storage.delete(name)
        version.pdf.save(name, ContentFile(pdf), save=False)
        version.state = ReportState.DONE
        version.finished_at = version.heartbeat_at = timezone.now()
        version.save()
        timeline_log(
            version, actor=None, summary=gettext_noop("Compilation finished."), to=version.state
        )
    return version


def _fail(version: ReportVersion, reason: str) -> ReportVersion:
    version.state = ReportState.FAILED
    version.failure_reason = reason[:2000]
    version.finished_at = version.heartbeat_at = timezone.now()
    version.save()
    timeline_log(
        version,
        actor=None,
        summary=gettext_noop("Compilation failed."),
        to=version.state,
        reason=version.failure_reason,
    )
    return version


@transaction.atomic
def report_fail(*, version_id: int, reason: str) -> ReportVersion | None:
    """Record that a version's compilation failed and why (an untranslated message or the
    error's text). A version already ended is left as it is."""
    version = _locked(version_id)
    if version is None or version.state not in ACTIVE_STATES:
        return version
    return _fail(version, reason)


@transaction.atomic
def reports_sweep() -> dict:
    """No job runs forever: a running or queued version silent for longer than
    `stale_after()` is handed to Celery again (its message may have been lost with the
    broker or a worker) until MAX_ATTEMPTS runs or GIVE_UP_AFTER, then failed."""
    now = timezone.now()
    stale = ReportVersion.objects.select_for_update().filter(
        state__in=ACTIVE_STATES, heartbeat_at__lt=now - stale_after()
    )
    counts = {"requeued": 0, "failed": 0}
    for version in stale:
        if version.attempts >= MAX_ATTEMPTS or version.requested_at < now - GIVE_UP_AFTER:
            _fail(version, REASON_LOST)
            counts["failed"] += 1
            continue
        version.heartbeat_at = now
        version.save(update_fields=["heartbeat_at"])
        transaction.on_commit(lambda pk=version.pk: _enqueue(pk))
        counts["requeued"] += 1
    return counts


@transaction.atomic
def report_publish(version: ReportVersion, *, actor) -> ReportVersion:
    """Publish a done final version: leadership can read it from now on. Its PDF and the
    figures it was built from stay as they are (a version is never compiled again)."""
    if not actor.sees_everything:
        raise PermissionDenied
    version = _locked(version.pk)
    if version.published:
        raise ValidationError(_("This version is published already."))
    if version.state != ReportState.DONE:
        raise ValidationError(_("Only a finished compilation can be published."))
    if not version.final:
        raise ValidationError(_("A draft cannot be published: compile the final report."))
    version.published = True
    version.published_at = timezone.now()
    version.published_by = actor
    version.full_clean()
    version.save()
    timeline_log(version, actor=actor, summary=gettext_noop("Report published."))
    return version


def report_compile_now(*, year: int, language: str, final: bool, actor) -> ReportVersion:
    """Request and compile in this process, without a worker (the demo data): the same
    service and the same steps as the job."""
    version, created = report_request(
        year=year, language=language, final=final, actor=actor, enqueue=False
    )
    return report_build(version_id=version.pk) or ReportVersion.objects.get(pk=version.pk)
