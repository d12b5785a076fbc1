from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from espoo_intl.models import OrgUnit, Theme
from espoo_intl.permissions import RestrictedQuerySet
from espoo_intl.records import RECORD_HISTORY_EXCLUDED, RegisterRecord
from espoo_intl.workflow import lazy_workflow

from ..choices import PartnershipKind, PartnershipLevel, PartnershipStatus
from .checks import date_order_errors
from .partner import Partner

__all__ = ["Partnership", "decision_errors"]


def decision_errors(partnership) -> dict:
    """A partnership in the City of Espoo's name (level "city") is active only with the
    official's decision (viranhaltijapäätös) recorded: its number and date."""
    if partnership.level != PartnershipLevel.CITY:
        return {}
    message = _(
        "A partnership in the City of Espoo's name needs the official's decision "
        "(viranhaltijapäätös) before it is active: give its number and date."
    )
    errors = {}
    if not (partnership.decision_number or "").strip():
        errors["decision_number"] = message
    if not partnership.decision_date:
        errors["decision_date"] = message
    return errors


class Partnership(RegisterRecord):
    """A partnership (kumppanuus): a twin city, an agreement, an MoU, ... with one or more
    partners, owned by a unit, moved along by the workflow (partnerships.workflow)."""

    unit_field = "owning_unit"
    workflow = lazy_workflow("partnerships.workflow.PARTNERSHIP_WORKFLOW")

    name = models.CharField(_("name"), max_length=200)
    partners = models.ManyToManyField(
        Partner, verbose_name=_("partners"), related_name="partnerships"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PartnershipKind.choices)
    level = models.CharField(_("level"), max_length=20, choices=PartnershipLevel.choices)
    owning_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("owning unit"),
        on_delete=models.PROTECT,
        related_name="partnerships",
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="partnerships"
    )
    goals = models.TextField(_("goals and subject areas"), blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    review_date = models.DateField(_("review date"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PartnershipStatus.choices,
        default=PartnershipStatus.PROPOSED,
        editable=False,  # changed through the workflow only
    )
    decision_number = models.CharField(
        _("official's decision number (viranhaltijapäätös)"), max_length=60, blank=True
    )
    decision_date = models.DateField(_("official's decision date"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    attachments = GenericRelation("espoo_intl.Attachment")
    assessments = GenericRelation("espoo_intl.Response")

    history = HistoricalRecords(
        m2m_fields=[partners, themes], excluded_fields=RECORD_HISTORY_EXCLUDED
    )
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["name", "pk"]
        indexes = [
            models.Index(fields=["status", "end_date"]),
            # Issue 12: every filter and default ordering of the list has an index.
            models.Index(fields=["name"], name="pship_name_ix"),
            models.Index(fields=["kind"], name="pship_kind_ix"),
            models.Index(fields=["level"], name="pship_level_ix"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partnerships:partnership_detail", args=[self.pk])

    def clean(self):
        errors = date_order_errors(self)
        if self.status == PartnershipStatus.ACTIVE:
            errors.update(decision_errors(self))
        if errors:
            raise ValidationError(errors)
