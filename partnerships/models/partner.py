from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from espoo_intl.permissions import RestrictedQuerySet
from espoo_intl.records import RECORD_HISTORY_EXCLUDED, RegisterRecord

from ..choices import PartnerKind

__all__ = ["Partner"]


class Partner(RegisterRecord):
    """A partner (kumppani): another city, a network or organisation, a company, a research
    and innovation actor or an authority. One row per name and country."""

    # The partner register is shared: whoever's department registered a partner edits it
    # (and kv-tiimi every partner).
    unit_field = "created_by__unit"

    name = models.CharField(_("name"), max_length=200)
    # The name as compared for duplicates (any case, any script): name.casefold().
    name_key = models.CharField(max_length=200, editable=False, db_index=True, default="")
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords(excluded_fields=RECORD_HISTORY_EXCLUDED)
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name", "pk"]
        indexes = [
            models.Index(fields=["country", "name_key"]),
            # Issue 12: every filter and default ordering of the list has an index.
            models.Index(fields=["name"], name="partner_name_ix"),
            models.Index(fields=["kind"], name="partner_kind_ix"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partnerships:partner_detail", args=[self.pk])

    def duplicate(self):
        """The partner already registered with this name (any case) and country, or None."""
        if not self.name or not self.country:
            return None
        key = self.name.strip().casefold()
        same = Partner.objects.filter(name_key=key, country=self.country)
        return same.exclude(pk=self.pk).first()

    def save(self, *args, **kwargs):
        self.name_key = (self.name or "").strip().casefold()
        super().save(*args, **kwargs)

    def clean(self):
        self.name = (self.name or "").strip()
        self.name_key = self.name.casefold()
        existing = self.duplicate()
        if existing is not None:
            raise ValidationError(
                {
                    "name": format_html(
                        '{} <a href="{}">{}</a>',
                        _("This partner is already in the register:"),
                        existing.get_absolute_url(),
                        existing.name,
                    )
                },
                code="duplicate",
            )
