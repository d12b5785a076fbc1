"""Compiled versions of the annual report (issue 11): one row per compilation, never deleted.

A version is requested by kv-tiimi, compiled by a Celery job (reports/tasks.py) that moves it
queued → gathering → rendering → done (or failed, with the reason), and keeps what it was built
from: the gathered data, its digest and the figures, frozen in the row. A done final version
can be published; leadership reads published versions only.
"""

from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from espoo_intl.attachments import PrivateStorage
from espoo_intl.roles import Role

__all__ = [
    "ReportState", "ReportLanguage", "ACTIVE_STATES", "ReportVersion", "ReportVersionQuerySet",
    "report_storage",
]  # fmt: skip


class ReportState(models.TextChoices):
    QUEUED = "queued", _("queued")
    GATHERING = "gathering", _("gathering the data")
    RENDERING = "rendering", _("printing the PDF")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


ACTIVE_STATES = (ReportState.QUEUED, ReportState.GATHERING, ReportState.RENDERING)


class ReportLanguage(models.TextChoices):
    FI = "fi", _("Finnish")
    SV = "sv", _("Swedish")
    EN = "en", _("English")


class ReportStorage(PrivateStorage):
    """Compiled PDFs under MEDIA_ROOT/reports, outside the web root: served only by the
    permission-checked download view."""

    @property
    def base_location(self):
        return str(Path(settings.MEDIA_ROOT) / "reports")


report_storage = ReportStorage()


def _report_storage() -> ReportStorage:
    """A callable, so migrations name this function rather than a machine's path."""
    return report_storage


def pdf_name(instance, filename: str = "") -> str:
    """One fixed name per version: a job run twice (a redelivered message) writes one file."""
    return f"{instance.year}/{instance.language}/report-{instance.pk}.pdf"


class ReportVersionQuerySet(models.QuerySet):
    def for_user(self, user) -> "ReportVersionQuerySet":
        """kv-tiimi and administrators see every version; leadership the published ones;
        everyone else none."""
        if not (getattr(user, "is_authenticated", False) and user.is_active):
            return self.none()
        if user.sees_everything:
            return self
        if user.has_role(Role.LEADERSHIP):
            return self.filter(published=True, state=ReportState.DONE)
        return self.none()

    def active(self) -> "ReportVersionQuerySet":
        return self.filter(state__in=ACTIVE_STATES)


class ReportVersion(models.Model):
    year = models.PositiveSmallIntegerField(_("year"))
    language = models.CharField(_("language"), max_length=2, choices=ReportLanguage.choices)
    final = models.BooleanField(
        _("final"), default=False, help_text=_("Final: compiled from an approved period.")
    )
    state = models.CharField(
        _("state"), max_length=20, choices=ReportState.choices, default=ReportState.QUEUED
    )
    failure_reason = models.TextField(_("reason for the failure"), blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # When the job last showed life (each step, each re-queue): the sweep reads it.
    heartbeat_at = models.DateTimeField(_("last sign of the job"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    input_digest = models.CharField(_("digest of the inputs"), max_length=64, blank=True)
    data = models.JSONField(_("gathered data"), null=True, blank=True)
    figures = models.JSONField(_("figures"), default=dict, blank=True)
    pdf = models.FileField(
        _("PDF file"), storage=_report_storage, upload_to=pdf_name, max_length=200, blank=True
    )
    published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ReportVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            # Two requests for the same year and language at once: one job.
            models.UniqueConstraint(
                fields=["year", "language"],
                condition=Q(state__in=ACTIVE_STATES),
                name="reports_one_job_per_year_language",
            ),
            models.CheckConstraint(
                condition=Q(published=False) | Q(state=ReportState.DONE, final=True),
                name="reports_published_is_final_and_done",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.language} #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("reports:version", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.state in ACTIVE_STATES

    @property
    def is_draft(self) -> bool:
        return not self.final

    @property
    def states(self) -> list[tuple[str, str]]:
        """The job's steps as the page shows them: failed takes the place of done."""
        last = ReportState.FAILED if self.state == ReportState.FAILED else ReportState.DONE
        steps = [*ACTIVE_STATES, last]
        return [(s.value, s.label) for s in steps]

    @property
    def failure_text(self) -> str:
        """The reason in the reader's language (a stored message id, or an error's text)."""
        return gettext(self.failure_reason) if self.failure_reason else ""

    @property
    def download_name(self) -> str:
        kind = "" if self.final else "-luonnos"
        return f"espoo-kansainvalinen-toiminta-{self.year}-{self.language}{kind}-v{self.pk}.pdf"
