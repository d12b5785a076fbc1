from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from espoo_intl.models import OrgUnit, Theme
from espoo_intl.permissions import RestrictedQuerySet
from espoo_intl.records import RECORD_HISTORY_EXCLUDED, RegisterRecord

from ..choices import DignitaryRank, Direction, Interpretation, VisitKind, VisitStatus
from .checks import date_and_rank_errors, fee_errors

__all__ = ["Visit"]


class Visit(RegisterRecord):
    """An international visit (vierailu), incoming or an outgoing study visit."""

    unit_field = "host_unit"
    responsible_field = "responsible"
    confidential_field = "confidential"

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("visit kind"), max_length=30, choices=VisitKind.choices)
    dignitary_rank = models.CharField(
        _("dignitary rank"), max_length=30, choices=DignitaryRank.choices, blank=True
    )
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.INCOMING
    )
    visiting_organisation = models.CharField(_("visiting organisation"), max_length=200)
    country = CountryField(_("country"))
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="visits"
    )
    host_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("host unit"), on_delete=models.PROTECT, related_name="visits"
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responsible_visits",
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    group_size = models.PositiveIntegerField(
        _("group size"), default=1, validators=[MinValueValidator(1)]
    )
    language = models.CharField(_("language of the visit"), max_length=100, blank=True)
    interpretation = models.CharField(
        _("interpretation"),
        max_length=20,
        choices=Interpretation.choices,
        default=Interpretation.NONE,
    )
    paid = models.BooleanField(_("paid technical visit"), default=False)
    invoiced_amount = models.DecimalField(
        _("invoiced amount (EUR)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    media_hits = models.PositiveIntegerField(_("media hits"), default=0)
    follow_up = models.TextField(_("follow-up initiatives"), blank=True)
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="visits",
        help_text=_("The partnership or twin-city relation this visit belongs to, if any."),
    )
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_(
            "Visible only to kv-tiimi, the responsible person and the host department's international contact."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=VisitStatus.choices, default=VisitStatus.PLANNED
    )

    history = HistoricalRecords(m2m_fields=[themes], excluded_fields=RECORD_HISTORY_EXCLUDED)
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["-start_date", "-pk"]
        indexes = [
            models.Index(fields=["start_date"]),
            models.Index(fields=["kind", "start_date"]),
            # Issue 12: every filter and default ordering of the list has an index.
            models.Index(fields=["country"], name="visit_country_ix"),
            models.Index(fields=["direction"], name="visit_direction_ix"),
            models.Index(fields=["status"], name="visit_status_ix"),
            models.Index(fields=["confidential"], name="visit_confidential_ix"),
            models.Index(fields=["title"], name="visit_title_ix"),
            # The calendar and the feed ask for visits that end on or after a day.
            models.Index(fields=["end_date"], name="visit_end_date_ix"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("visits:visit_detail", args=[self.pk])

    def clean(self):
        errors = date_and_rank_errors(self, "start_date", "end_date")
        errors.update(fee_errors(self, "paid", "invoiced_amount"))
        if self.invoiced_amount is not None:
            if self.invoiced_amount < Decimal("0"):
                errors["invoiced_amount"] = _("The invoiced amount cannot be negative.")
            elif not self.paid and "invoiced_amount" not in errors:
                errors["invoiced_amount"] = _(
                    "An invoiced amount needs the paid technical visit box ticked."
                )
        if self.group_size is not None and self.group_size < 1:
            errors["group_size"] = _("The group has at least one person.")
        if errors:
            raise ValidationError(errors)

    @property
    def year(self) -> int:
        return self.start_date.year
