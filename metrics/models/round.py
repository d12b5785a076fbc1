"""The yearly round: kv-tiimi opens a reporting period; each provider fills in one
submission (values, highlights, development points), which runs on the workflow engine."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from espoo_intl.permissions import RestrictedQuerySet
from espoo_intl.records import RECORD_HISTORY_EXCLUDED, RegisterRecord
from espoo_intl.workflow import lazy_workflow

from .framework import Indicator, Provider

__all__ = ["ReportingPeriod", "Submission", "SubmissionState", "Value"]


class ReportingPeriod(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    deadline = models.DateField(_("deadline"))
    is_open = models.BooleanField(_("open"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(self.year)

    def get_absolute_url(self) -> str:
        return reverse("metrics:period", args=[self.pk])


class SubmissionState(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    RETURNED = "returned", _("returned")
    APPROVED = "approved", _("approved")


class Submission(RegisterRecord):
    """One provider's figures and texts for one year. The provider's department edits it
    (its staff and international contact); an outside source's, kv-tiimi."""

    unit_field = "provider__unit"

    period = models.ForeignKey(
        ReportingPeriod,
        verbose_name=_("reporting period"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    provider = models.ForeignKey(
        Provider, verbose_name=_("provider"), on_delete=models.PROTECT, related_name="submissions"
    )
    state = models.CharField(
        _("state"), max_length=20, choices=SubmissionState.choices, default=SubmissionState.DRAFT
    )
    highlights_fi = models.TextField(_("highlights (Finnish)"), blank=True)
    highlights_en = models.TextField(_("highlights (English)"), blank=True)
    highlights_sv = models.TextField(_("highlights (Swedish)"), blank=True)
    development_fi = models.TextField(_("development points (Finnish)"), blank=True)
    development_en = models.TextField(_("development points (English)"), blank=True)
    development_sv = models.TextField(_("development points (Swedish)"), blank=True)
    reminded_at = models.DateTimeField(_("last reminded"), null=True, blank=True)

    workflow = lazy_workflow("metrics.workflow.SUBMISSION_WORKFLOW")
    history = HistoricalRecords(excluded_fields=RECORD_HISTORY_EXCLUDED)
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-period__year", "provider__order", "provider__name_fi"]
        constraints = [
            models.UniqueConstraint(fields=["period", "provider"], name="metrics_one_submission")
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.period}"

    def get_absolute_url(self) -> str:
        return reverse("metrics:submission", args=[self.pk])


class Value(models.Model):
    """One indicator's figure in a submission: a number in the indicator's unit, or text."""

    submission = models.ForeignKey(
        Submission, verbose_name=_("submission"), on_delete=models.CASCADE, related_name="values"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="values"
    )
    number = models.DecimalField(_("value"), max_digits=16, decimal_places=3, null=True, blank=True)
    text = models.TextField(_("text value"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    comparability_break = models.BooleanField(_("break in comparability"), default=False)
    break_explanation = models.TextField(_("explanation of the break"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("value")
        verbose_name_plural = _("values")
        ordering = ["indicator__order"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "indicator"], name="metrics_one_value")
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code}: {self.display}"

    @property
    def is_filled(self) -> bool:
        return self.number is not None or bool(self.text.strip())

    @property
    def display(self) -> str:
        if self.number is None:
            return self.text
        return f"{self.number.normalize():f}"
