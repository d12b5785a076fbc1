"""Advocacy items (DOMAIN.md 2.4) and the city's development items (2.5)."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from espoo_intl.models import OrgUnit, Theme
from espoo_intl.permissions import RestrictedQuerySet
from espoo_intl.records import RECORD_HISTORY_EXCLUDED, RegisterRecord
from espoo_intl.workflow import lazy_workflow

from .choices import Body, DecisionRole, DevelopmentStatus, Kind, Requester, State

__all__ = ["AdvocacyItem", "Decision", "UnitPart", "DevelopmentItem", "ProgressNote"]

# A deadline further away than this is a typing error, not a plan.
DEADLINE_YEARS_AHEAD = 5
EARLIEST_YEAR = 2000


class AdvocacyItem(RegisterRecord):
    """A consultation, a joint or own statement or an official statement Espoo prepares.
    The preparing units' departments edit it, and so does the responsible expert."""

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    requester = models.CharField(_("who asks"), max_length=20, choices=Requester.choices)
    requester_detail = models.CharField(
        _("who asks, in detail"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Eurocities, the 6 cities, the Ministry of Finance"),
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    subject = models.TextField(_("subject"), blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True)
    units = models.ManyToManyField(
        OrgUnit, verbose_name=_("preparing result units"), related_name="advocacy_items"
    )
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible expert"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="advocacy_items",
    )
    network = models.CharField(
        _("network it goes through"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Eurocities, the Helsinki EU Office"),
    )
    # What the path needs along the way (advocacy/workflow.py).
    relevance = models.TextField(
        _("expert's assessment: relevant to Espoo and worth answering"), blank=True
    )
    content_assessment = models.TextField(_("the units' assessment of the content"), blank=True)
    effects_assessment = models.TextField(
        _("the experts' assessment of the effects of joining"), blank=True
    )
    needs_top_management = models.BooleanField(_("top management must approve"), default=False)
    joining_reasons = models.TextField(_("why Espoo should join"), blank=True)
    planned_with_kv = models.BooleanField(_("planned with kv-tiimi"), default=False)
    planned_with_communications = models.BooleanField(_("planned with Viestintä"), default=False)
    communication_agreed = models.BooleanField(
        _("communication in the city's channels agreed with Viestintä"), default=False
    )
    body = models.CharField(
        _("body that gives the statement"), max_length=30, choices=Body.choices, blank=True
    )
    decision_reference = models.CharField(
        _("reference in the decision-making system"), max_length=100, blank=True
    )
    # The outcome.
    outcome_date = models.DateField(_("outcome date"), null=True, blank=True)
    final_text = models.TextField(_("final text"), blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.RECEIVED, editable=False
    )

    attachments = GenericRelation("espoo_intl.Attachment")
    history = HistoricalRecords(excluded_fields=RECORD_HISTORY_EXCLUDED)
    objects = RestrictedQuerySet.as_manager()
    workflow = lazy_workflow("advocacy.workflow.ADVOCACY_WORKFLOW")

    unit_field = "units"
    responsible_field = "expert"
    responsible_may_edit = True

    class Meta:
        verbose_name = _("advocacy item")
        verbose_name_plural = _("advocacy items")
        ordering = ["-created_at", "-pk"]
        # Issue 12: every filter and default ordering of the list has an index.
        indexes = [
            models.Index(fields=["created_at"], name="advocacy_created_at_ix"),
            models.Index(fields=["kind"], name="advocacy_kind_ix"),
            models.Index(fields=["requester"], name="advocacy_requester_ix"),
            models.Index(fields=["state"], name="advocacy_state_ix"),
            models.Index(fields=["deadline"], name="advocacy_deadline_ix"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("advocacy:item_detail", args=[self.pk])

    @staticmethod
    def timeline_params(params: dict) -> dict:
        """A recorded decision's role and date in the reader's language (espoo_intl.timeline)."""
        if "role" in params and params["role"] in DecisionRole.values:
            params["role"] = DecisionRole(params["role"]).label
        if "date" in params:
            params["date"] = date_format(datetime.date.fromisoformat(params["date"]))
        return params

    @property
    def from_outside(self) -> bool:
        """A request from outside the city (not Espoo's own initiative)."""
        return self.requester != Requester.CITY

    @property
    def outcome(self) -> str:
        if self.state in (State.SENT, State.GIVEN, State.FILED):
            return _("sent")
        if self.state == State.DECLINED:
            return _("declined")
        return ""

    def clean(self):
        errors = {}
        if self.requester in (Requester.NETWORK, Requester.OTHER) and not self.requester_detail:
            errors["requester_detail"] = _("Name the network or the other party that asks.")
        if self.deadline:
            latest = timezone.localdate() + datetime.timedelta(days=365 * DEADLINE_YEARS_AHEAD)
            if self.deadline.year < EARLIEST_YEAR or self.deadline > latest:
                errors["deadline"] = _("The deadline must be between %(first)s and %(last)s.") % {
                    "first": EARLIEST_YEAR,
                    "last": latest.strftime("%d.%m.%Y"),
                }
        if self.kind == Kind.OFFICIAL and not self.body:
            errors["body"] = _(
                "An official statement needs the body that gives it: the council, the city "
                "board, the city manager or a department director."
            )
        if self.kind != Kind.OFFICIAL and (self.body or self.decision_reference):
            errors["body"] = _("Only an official statement has a giving body and a reference.")
        if self.outcome_date and self.outcome_date > timezone.localdate():
            errors["outcome_date"] = _("The outcome date cannot be in the future.")
        if errors:
            raise ValidationError(errors)


class Decision(models.Model):
    """A decision on an item as the preparer or kv-tiimi recorded it: the portal does not
    pretend a director clicked a button."""

    item = models.ForeignKey(AdvocacyItem, on_delete=models.CASCADE, related_name="decisions")
    decided_by = models.CharField(_("who decided (name)"), max_length=200)
    role = models.CharField(_("role"), max_length=30, choices=DecisionRole.choices)
    decided_on = models.DateField(_("decision date"))
    reference = models.CharField(_("reference"), max_length=100, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["decided_on", "pk"]

    def __str__(self) -> str:
        return f"{self.decided_by} ({self.get_role_display()}) {self.decided_on:%d.%m.%Y}"

    def clean(self):
        if self.decided_on and self.decided_on > timezone.localdate():
            raise ValidationError({"decided_on": _("A decision date cannot be in the future.")})


class UnitPart(models.Model):
    """One result unit's part when several departments prepare an answer together."""

    item = models.ForeignKey(AdvocacyItem, on_delete=models.CASCADE, related_name="parts")
    unit = models.ForeignKey(OrgUnit, verbose_name=_("result unit"), on_delete=models.PROTECT)
    summary = models.TextField(_("the unit's part"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("unit's part")
        verbose_name_plural = _("units' parts")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "unit"], name="advocacy_unitpart_unique")
        ]

    def __str__(self) -> str:
        return str(self.unit)


class DevelopmentItem(RegisterRecord):
    """One of the ten items the city develops (DOMAIN.md 2.5): kv-tiimi edits it, the
    owner unit's department adds progress notes (advocacy/rules.py)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title_fi = models.CharField(_("title in Finnish"), max_length=300)
    title_sv = models.CharField(_("title in Swedish"), max_length=300, blank=True)
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    owner_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("owner unit"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DevelopmentStatus.choices,
        default=DevelopmentStatus.NOT_STARTED,
    )
    # A link the item's page shows (a list elsewhere in the portal), e.g. "/metrics/".
    link = models.CharField(_("link"), max_length=200, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=RECORD_HISTORY_EXCLUDED)
    objects = RestrictedQuerySet.as_manager()

    unit_field = "owner_unit"

    class Meta:
        verbose_name = _("development item")
        verbose_name_plural = _("development items")
        ordering = ["number"]
        # Issue 12: every filter and default ordering of the list has an index.
        indexes = [
            models.Index(fields=["status"], name="devitem_status_ix"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def title(self) -> str:
        language = (get_language() or "fi")[:2]
        return getattr(self, f"title_{language}", "") or self.title_fi

    def get_absolute_url(self) -> str:
        return reverse("advocacy:development_detail", args=[self.pk])


class ProgressNote(models.Model):
    """A dated progress note on a development item."""

    item = models.ForeignKey(DevelopmentItem, on_delete=models.CASCADE, related_name="notes")
    noted_on = models.DateField(_("date"))
    text = models.TextField(_("progress"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")
        ordering = ["-noted_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.noted_on:%d.%m.%Y}"

    def clean(self):
        if self.noted_on and self.noted_on > timezone.localdate():
            raise ValidationError({"noted_on": _("A progress note cannot be dated in the future.")})
