from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from espoo_intl.models import OrgUnit, Theme
from espoo_intl.permissions import RestrictedQuerySet
from espoo_intl.records import RECORD_HISTORY_EXCLUDED, RegisterRecord

from ..choices import FundingProgramme, ProjectStatus
from .checks import date_order_errors, money_errors
from .partner import Partner
from .partnership import Partnership

__all__ = ["Project", "MONEY_FIELDS", "partner_countries"]

MONEY_FIELDS = ("total_budget", "espoo_share", "international_funding")


def _money(label):
    return models.DecimalField(label, max_digits=14, decimal_places=2, default=0)


def partner_countries(partners) -> list:
    """The partners' countries, each once, in the order the partners are given."""
    seen = {}
    for partner in partners:
        seen.setdefault(partner.country.code, partner.country)
    return list(seen.values())


class Project(RegisterRecord):
    """An international (often EU-funded) cooperation project with its partners and money."""

    unit_field = "lead_unit"

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    programme = models.CharField(
        _("funding programme"), max_length=30, choices=FundingProgramme.choices
    )
    eu_funded = models.BooleanField(_("EU-funded"), default=True)
    partners = models.ManyToManyField(
        Partner, verbose_name=_("partners"), blank=True, related_name="projects"
    )
    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    lead_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("lead unit"), on_delete=models.PROTECT, related_name="+"
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="international_projects"
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    total_budget = _money(_("total budget (EUR)"))
    espoo_share = _money(_("Espoo's share (EUR)"))
    international_funding = _money(_("international funding to Espoo (EUR)"))
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED
    )

    history = HistoricalRecords(
        m2m_fields=[partners, themes], excluded_fields=RECORD_HISTORY_EXCLUDED
    )
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("international project")
        verbose_name_plural = _("international projects")
        ordering = ["-start_date", "pk"]
        indexes = [
            models.Index(fields=["start_date", "end_date"]),
            # Issue 12: every filter and default ordering of the list has an index.
            models.Index(fields=["programme"], name="project_programme_ix"),
            models.Index(fields=["status"], name="project_status_ix"),
            models.Index(fields=["eu_funded"], name="project_eu_funded_ix"),
        ]

    def __str__(self) -> str:
        return f"{self.acronym} – {self.name}" if self.acronym else self.name

    def get_absolute_url(self) -> str:
        return reverse("partnerships:project_detail", args=[self.pk])

    def clean(self):
        errors = date_order_errors(self) | money_errors(self, MONEY_FIELDS)
        if (
            "espoo_share" not in errors
            and self.espoo_share is not None
            and self.total_budget is not None
            and self.espoo_share > self.total_budget
        ):
            errors["espoo_share"] = _("Espoo's share cannot be larger than the total budget.")
        if errors:
            raise ValidationError(errors)

    @property
    def countries(self) -> list:
        """The partners' countries, each once, in the order the partners are listed."""
        return partner_countries(self.partners.all())
