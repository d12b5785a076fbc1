"""Editable rule tables and the planning records hanging off a visit request."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from espoo_intl.attachments import attachment_storage  # noqa: F401 (named by migration 0003)
from espoo_intl.i18n import TranslatedNameModel
from espoo_intl.models import OrgUnit, Theme

from ..choices import (
    ChecklistPhase,
    DignitaryRank,
    GiftDirection,
    GuestRole,
    ItemStatus,
    ProtocolParty,
    VisitKind,
)
from .checks import date_range_errors
from .request import VisitRequest
from .visit import Visit

__all__ = [
    "ProtocolRule", "ProtocolNotice", "RoutingRule", "ChecklistTemplate", "ChecklistItem",
    "Guest", "Gift",
]  # fmt: skip


class ProtocolRule(models.Model):
    """The protocol matrix (3.3): which parties a dignitary rank requires. Editable by kv-tiimi."""

    rank = models.CharField(
        _("dignitary rank"), max_length=30, choices=DignitaryRank.choices, unique=True
    )
    # One column per protocol party; the party's stored value (ProtocolNotice.party, the
    # timeline's params) stays its Finnish code, the column is named in English.
    PARTY_FIELDS = {
        ProtocolParty.CITY_MANAGER: "city_manager",
        ProtocolParty.COMMUNICATIONS: "communications",
        ProtocolParty.PRESIDIUM: "presidium",
        ProtocolParty.KV_TEAM: "kv_team",
        ProtocolParty.SECURITY: "security",
    }

    city_manager = models.BooleanField(ProtocolParty.CITY_MANAGER.label, default=False)
    communications = models.BooleanField(ProtocolParty.COMMUNICATIONS.label, default=False)
    presidium = models.BooleanField(ProtocolParty.PRESIDIUM.label, default=False)
    kv_team = models.BooleanField(ProtocolParty.KV_TEAM.label, default=True)
    security = models.BooleanField(ProtocolParty.SECURITY.label, default=False)
    # The seed's PDF left the marks of some rows uncertain: such a row is "to be
    # confirmed" until kv-tiimi saves it (visits.views.rules.ProtocolMatrixView).
    confirmed = models.BooleanField(_("confirmed"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("protocol rule")
        verbose_name_plural = _("protocol matrix")
        # The ranks in the seed's order (DignitaryRank's order), not alphabetically.
        ordering = [
            models.Case(
                *[
                    models.When(rank=r, then=models.Value(i))
                    for i, r in enumerate(DignitaryRank.values)
                ],
                default=models.Value(len(DignitaryRank.values)),
                output_field=models.IntegerField(),
            )
        ]

    def __str__(self) -> str:
        return self.get_rank_display()

    @property
    def catalogue_note(self) -> str:
        """Shown beside the row on the matrix page."""
        return "" if self.confirmed else str(_("to be confirmed"))

    @property
    def parties(self) -> list[str]:
        """The required parties' stored values (ProtocolParty), in the matrix's order."""
        return [party.value for party, field in self.PARTY_FIELDS.items() if getattr(self, field)]

    @classmethod
    def parties_for(cls, rank: str) -> list[str]:
        """The parties a dignitary rank requires (3.3): the one lookup of the matrix, for
        requests, visits and their e-mails. No rank, no parties; a rank missing from the
        matrix still involves kv-tiimi."""
        if not rank:
            return []
        rule = cls.objects.filter(rank=rank).first()
        return rule.parties if rule else [ProtocolParty.KV_TEAM.value]


class ProtocolNotice(models.Model):
    """That a required party has been informed of a request: who marked it, when."""

    visit_request = models.ForeignKey(
        VisitRequest, on_delete=models.CASCADE, related_name="protocol_notices"
    )
    party = models.CharField(_("party"), max_length=20, choices=ProtocolParty.choices)
    informed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    informed_at = models.DateTimeField(_("informed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("protocol notice")
        verbose_name_plural = _("protocol notices")
        constraints = [
            models.UniqueConstraint(fields=["visit_request", "party"], name="protocol_notice_once")
        ]

    def __str__(self) -> str:
        return self.get_party_display()


class RoutingRule(models.Model):
    """Who hosts (3.4): a theme, a dignitary rank or a visit kind points to a unit.
    Editable by kv-tiimi.

    The matching rule with the lowest priority number suggests the host; every other
    matching unit is listed to be informed. A rule naming none of the three is the
    fallback ("general visit coordination"), used when no other rule matches.
    """

    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), null=True, blank=True, on_delete=models.CASCADE
    )
    rank = models.CharField(
        _("dignitary rank"), max_length=30, choices=DignitaryRank.choices, blank=True
    )
    kind = models.CharField(_("visit kind"), max_length=30, choices=VisitKind.choices, blank=True)
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="+"
    )
    priority = models.PositiveSmallIntegerField(
        _("priority"), default=100, help_text=_("Lower wins.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        ordering = ["priority", "pk"]

    def __str__(self) -> str:
        what = self.theme or self.get_rank_display() or self.get_kind_display()
        return f"{what or _('general visit coordination')} → {self.unit}"


class ChecklistTemplate(TranslatedNameModel):
    """An item copied into each accepted request's checklist, and into a visit's checklist
    when it is added on the visit's page (3.3, 3.4). Editable by kv-tiimi. The items that are
    not dignitary-only make the general visit checklist of 3.4."""

    phase = models.CharField(_("phase"), max_length=20, choices=ChecklistPhase.choices)
    required = models.BooleanField(_("required"), default=True)
    dignitary_only = models.BooleanField(_("only for dignitary visits"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("checklist template item")
        verbose_name_plural = _("checklist template")
        ordering = ["phase", "order", "pk"]


class ChecklistItem(models.Model):
    """One item of a checklist: of a visit request, or of a visit logged directly (one of
    the two). Both call their items `checklist`."""

    visit_request = models.ForeignKey(
        VisitRequest, null=True, blank=True, on_delete=models.CASCADE, related_name="checklist"
    )
    visit = models.ForeignKey(
        Visit, null=True, blank=True, on_delete=models.CASCADE, related_name="checklist"
    )
    template = models.ForeignKey(
        ChecklistTemplate, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    phase = models.CharField(_("phase"), max_length=20, choices=ChecklistPhase.choices)
    title = models.CharField(_("item"), max_length=300)
    required = models.BooleanField(_("required"), default=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ItemStatus.choices, default=ItemStatus.OPEN
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="checklist_items",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["phase", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(visit_request__isnull=False, visit__isnull=True)
                | models.Q(visit_request__isnull=True, visit__isnull=False),
                name="checklist_item_of_request_or_visit",
            )
        ]
        # The dashboard's overdue items: open ones by due date (issue 12).
        indexes = [
            models.Index(
                fields=["due_date"],
                condition=models.Q(status=ItemStatus.OPEN),
                name="checklist_open_due_ix",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def record(self):
        """The request or the visit the item belongs to."""
        return self.visit_request if self.visit_request_id else self.visit

    @property
    def is_open(self) -> bool:
        return self.status == ItemStatus.OPEN

    @property
    def label(self) -> str:
        """The item in the reader's language (from its template), else as stored."""
        return self.template.name if self.template_id else self.title


class Guest(models.Model):
    """A member of the visiting delegation. Personal data: confidential and erased after the visit."""

    visit_request = models.ForeignKey(VisitRequest, on_delete=models.CASCADE, related_name="guests")
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(
        pgettext_lazy("job title of a person", "title"), max_length=200, blank=True
    )
    role = models.CharField(
        _("role in the delegation"),
        max_length=20,
        choices=GuestRole.choices,
        default=GuestRole.MEMBER,
    )
    form_of_address = models.CharField(_("form of address"), max_length=200, blank=True)
    dietary = models.CharField(_("dietary restrictions"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("guest")
        verbose_name_plural = _("guest list")
        ordering = ["role", "name"]

    def __str__(self) -> str:
        return self.name


class Gift(models.Model):
    """A gift given or received; gifts received are city property."""

    visit_request = models.ForeignKey(VisitRequest, on_delete=models.CASCADE, related_name="gifts")
    direction = models.CharField(_("direction"), max_length=20, choices=GiftDirection.choices)
    description = models.CharField(_("description"), max_length=300)
    value_estimate = models.DecimalField(
        _("estimated value (EUR)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    giver = models.CharField(_("giver"), max_length=200)
    receiver = models.CharField(_("receiver"), max_length=200)
    date = models.DateField(_("date"))
    city_property = models.BooleanField(_("city property"), default=False, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gift")
        verbose_name_plural = _("gift register")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return self.description

    def save(self, *args, **kwargs):
        # The rule of 3.3: what the city receives belongs to the city.
        self.city_property = self.direction == GiftDirection.RECEIVED
        super().save(*args, **kwargs)

    def clean(self):
        errors = date_range_errors(self, "date")
        if self.value_estimate is not None and self.value_estimate < 0:
            errors["value_estimate"] = _("A gift's value cannot be negative.")
        if errors:
            raise ValidationError(errors)


# Named by migration 0003 (the attachments now live in espoo_intl.attachments).
def _attachment_path(instance, filename) -> str:
    return f"{instance.request_id}/{Path(filename).name}"
