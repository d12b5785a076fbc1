"""The international events register (DOMAIN.md 3.6): the event, its background check, its
written agreement and its checklist. The impact assessment is the core questionnaire
"event-impact" (seeded in migration 0002); attachments are core attachments."""

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from espoo_intl.models import OrgUnit, Theme
from espoo_intl.permissions import RestrictedQuerySet
from espoo_intl.records import RECORD_HISTORY_EXCLUDED, RegisterRecord
from espoo_intl.workflow import lazy_workflow

from .choices import ChecklistPoint, CheckOutcome, DeciderRole, EventFormat, EventKind, EventState

__all__ = [
    "Event",
    "BackgroundCheck",
    "EventAgreement",
    "EventChecklistItem",
    "IMPACT",
    "FIRST_YEAR",
]

IMPACT = "event-impact"  # the impact assessment's question set
FIRST_YEAR = 2000  # events before this are typing errors
YEARS_AHEAD = 10


class Event(RegisterRecord):
    """An international event organised or co-organised in Espoo (tapahtuma)."""

    unit_field = "owning_unit"
    confidential_field = "confidential"
    creator_field = "created_by"  # whoever proposed it keeps seeing it
    workflow = lazy_workflow("events.workflow.EVENT_WORKFLOW")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("event kind"), max_length=20, choices=EventKind.choices)
    format = models.CharField(
        _("format"), max_length=20, choices=EventFormat.choices, default=EventFormat.PHYSICAL
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    organiser = models.CharField(_("organiser"), max_length=200)
    co_organisers = models.TextField(
        _("co-organisers"),
        blank=True,
        help_text=_("A co-organised event needs a written agreement before it is signed."),
    )
    owning_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("owning unit"), on_delete=models.PROTECT, related_name="events"
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="events"
    )
    expected_participants = models.PositiveIntegerField(
        _("expected international participants"), null=True, blank=True
    )
    actual_participants = models.PositiveIntegerField(
        _("actual international participants"), null=True, blank=True
    )
    city_funding = models.DecimalField(
        _("city funding (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    proposed_by_international_actor = models.BooleanField(
        _("proposed by an international actor"),
        default=False,
        help_text=_("Needs a background check by kv-tiimi and Turva before the decision."),
    )
    description = models.TextField(_("description"), blank=True)
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("The partnership or twin-city relation this event belongs to, if any."),
    )
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_(
            "Visible only to kv-tiimi, whoever proposed it and the owning department's "
            "international contact."
        ),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=EventState.choices, default=EventState.PROPOSED
    )
    # The decision (kv-tiimi records it; the city manager or a delegate makes it).
    decided_by = models.CharField(_("decided by"), max_length=200, blank=True)
    decider_role = models.CharField(
        _("decider's role"), max_length=20, choices=DeciderRole.choices, blank=True
    )
    decision_reference = models.CharField(_("decision reference"), max_length=100, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)

    attachments = GenericRelation("espoo_intl.Attachment")
    history = HistoricalRecords(m2m_fields=[themes], excluded_fields=RECORD_HISTORY_EXCLUDED)
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-start_date", "-pk"]
        indexes = [
            models.Index(fields=["start_date"]),
            models.Index(fields=["state"]),
            # Issue 12: every filter and default ordering of the list has an index.
            models.Index(fields=["kind"], name="event_kind_ix"),
            models.Index(fields=["format"], name="event_format_ix"),
            models.Index(fields=["name"], name="event_name_ix"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("events:event_detail", args=[self.pk])

    @property
    def is_co_organised(self) -> bool:
        return bool(self.co_organisers.strip())

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        last = timezone.localdate().year + YEARS_AHEAD
        for name in ("start_date", "end_date"):
            value = getattr(self, name)
            if value and not FIRST_YEAR <= value.year <= last and name not in errors:
                errors[name] = _("Give a year between %(first)s and %(last)s.") % {
                    "first": FIRST_YEAR,
                    "last": last,
                }
        if self.city_funding is not None and self.city_funding < Decimal("0"):
            errors["city_funding"] = _("The city funding cannot be negative.")
        for name in ("expected_participants", "actual_participants"):
            value = getattr(self, name)
            if value is not None and value < 0:
                errors[name] = _("The number of participants cannot be negative.")
        if self.decision_date and self.decision_date > timezone.localdate():
            errors["decision_date"] = _("The decision date cannot be in the future.")
        if errors:
            raise ValidationError(errors)

    @property
    def decision_recorded(self) -> bool:
        return bool(self.decided_by and self.decider_role and self.decision_reference and self.decision_date)  # fmt: skip


class BackgroundCheck(models.Model):
    """The background check of an international actor's proposal, by kv-tiimi and Turva."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="background_checks"
    )
    kv_checked_by = models.CharField(_("checked by (kv-tiimi)"), max_length=200)
    turva_checked_by = models.CharField(_("checked by (Turva)"), max_length=200)
    checked_on = models.DateField(_("date of the check"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=CheckOutcome.choices)
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("background check")
        verbose_name_plural = _("background checks")
        ordering = ["-checked_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.checked_on:%Y-%m-%d} {self.get_outcome_display()}"

    def clean(self):
        if self.checked_on and self.checked_on > timezone.localdate():
            raise ValidationError({"checked_on": _("The check cannot be dated in the future.")})


class EventAgreement(models.Model):
    """The written agreement of a co-organised event: the file and what it is confirmed to
    cover (the city's role, responsibilities, funding share and schedule)."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="agreements"
    )
    attachment = models.ForeignKey(
        "espoo_intl.Attachment",
        verbose_name=_("agreement document"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    covers_role = models.BooleanField(_("the city's role"), default=False)
    covers_responsibilities = models.BooleanField(_("responsibilities"), default=False)
    covers_funding_share = models.BooleanField(_("funding share"), default=False)
    covers_schedule = models.BooleanField(_("schedule"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    COVERS = ("covers_role", "covers_responsibilities", "covers_funding_share", "covers_schedule")

    class Meta:
        verbose_name = _("event agreement")
        verbose_name_plural = _("event agreements")
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return str(self.attachment)

    def clean(self):
        missing = [n for n in self.COVERS if not getattr(self, n)]
        if missing:
            raise ValidationError(
                {
                    n: _("Confirm that the agreement covers this, or complete the agreement first.")
                    for n in missing
                }
            )


class EventChecklistItem(models.Model):
    """One of the other points of DOMAIN.md 3.6, ticked when done (who and when)."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="checklist"
    )
    point = models.CharField(_("point"), max_length=30, choices=ChecklistPoint.choices)
    done = models.BooleanField(_("done"), default=False)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)

    class Meta:
        verbose_name = _("event checklist item")
        verbose_name_plural = _("event checklist items")
        constraints = [
            models.UniqueConstraint(fields=["event", "point"], name="event_checklist_point_once")
        ]

    def __str__(self) -> str:
        return self.get_point_display()

    @property
    def order(self) -> int:
        return list(ChecklistPoint.values).index(self.point)
