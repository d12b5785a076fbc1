"""Visit requests (vierailupyynnöt) (DOMAIN.md 3.3, 3.4)."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
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
from espoo_intl.workflow import lazy_workflow

from ..choices import (
    DignitaryRank,
    Interpretation,
    ProtocolParty,
    RequesterType,
    RequestState,
    VisitKind,
)
from .checks import date_and_rank_errors, date_range_errors, fee_errors
from .visit import Visit

__all__ = [
    "VisitRequest", "OPEN_STATES", "CLOSED_STATES", "EVALUATION", "TIMELY",
    "EVALUATION_QUESTIONS", "days_of_notice",
]  # fmt: skip

# The request evaluation (3.4) is the question set "request-evaluation" (seeded by migration
# 0009): timeliness first, then five yes/no questions.
EVALUATION = "request-evaluation"
TIMELY = "timely"
EVALUATION_QUESTIONS = ("interesting", "significant", "national", "leadership", "visibility")

# After these, a request's planning records are kept as they are.
CLOSED_STATES = (RequestState.DEBRIEFED, RequestState.DECLINED, RequestState.CANCELLED)

OPEN_STATES = (
    RequestState.RECEIVED,
    RequestState.UNDER_REVIEW,
    RequestState.ACCEPTED,
    RequestState.PLANNING,
    RequestState.CONFIRMED,
)


def days_of_notice(received_on, proposed_start) -> int | None:
    """Days between a request's arrival and its proposed start (None unless both known)."""
    if not (received_on and proposed_start):
        return None
    return (proposed_start - received_on).days


class VisitRequest(RegisterRecord):
    """A request to visit Espoo, from arrival to debrief. Its state changes only through
    its workflow (`espoo_intl.workflow.workflow_transition`, visits.workflow)."""

    unit_field = "host_unit"
    responsible_field = "responsible"
    confidential_field = "confidential"
    creator_field = "created_by"  # whoever registered it keeps seeing it
    responsible_may_edit = True

    subject = models.CharField(_("subject"), max_length=200)
    requester_type = models.CharField(
        _("request comes from"), max_length=20, choices=RequesterType.choices
    )
    requester_name = models.CharField(
        _("requesting party"),
        max_length=200,
        blank=True,
        help_text=_("E.g. the embassy or ministry and the contact person's role."),
    )
    received_on = models.DateField(_("request arrived on"), default=datetime.date.today)
    proposed_start = models.DateField(_("proposed start date"))
    proposed_end = models.DateField(_("proposed end date"))
    kind = models.CharField(
        _("visit kind"), max_length=30, choices=VisitKind.choices, default=VisitKind.DIGNITARY
    )
    visitor = models.CharField(_("main visitor"), max_length=200)
    dignitary_rank = models.CharField(
        _("dignitary rank"), max_length=30, choices=DignitaryRank.choices, blank=True
    )
    visiting_organisation = models.CharField(_("visiting organisation"), max_length=200)
    country = CountryField(_("country"))
    group_size = models.PositiveIntegerField(
        _("group size"), default=1, validators=[MinValueValidator(1)]
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="visit_requests"
    )
    message = models.TextField(_("message"), blank=True)
    language = models.CharField(_("language of the visit"), max_length=100, blank=True)
    interpretation = models.CharField(
        _("interpretation"),
        max_length=20,
        choices=Interpretation.choices,
        default=Interpretation.NONE,
    )
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_(
            "Visible only to kv-tiimi, the responsible person, the host department's "
            "international contact and whoever registered it."
        ),
    )

    state = models.CharField(
        _("state"), max_length=20, choices=RequestState.choices, default=RequestState.RECEIVED
    )

    # After the visit (3.3, 3.4): copied to the visit record on completion and debrief.
    invoiced_amount = models.DecimalField(
        _("invoiced amount (EUR)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Only for a paid expert visit: the invoiced income."),
    )
    media_hits = models.PositiveIntegerField(_("media hits"), default=0)
    follow_up = models.TextField(_("cooperation initiatives"), blank=True)

    # Triage (3.4) is a questionnaire (espoo_intl.questionnaires): see EVALUATION.

    # Routing (3.4): the host unit, the units informed, one responsible person.
    host_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("host unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="hosted_requests",
    )
    informed_units = models.ManyToManyField(
        OrgUnit, verbose_name=_("units informed"), blank=True, related_name="informed_requests"
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responsible_requests",
    )

    visit = models.OneToOneField(
        Visit,
        verbose_name=_("visit record"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="visit_request",
    )
    guest_data_erased_at = models.DateTimeField(
        _("guest data erased"), null=True, blank=True, editable=False
    )
    attachments = GenericRelation("espoo_intl.Attachment")

    history = HistoricalRecords(m2m_fields=[themes], excluded_fields=RECORD_HISTORY_EXCLUDED)
    objects = RestrictedQuerySet.as_manager()
    # States, transitions, guards and hooks: visits.workflow (the row's `version` and
    # `is_closed` come from RegisterRecord).
    workflow = lazy_workflow("visits.workflow.REQUEST_WORKFLOW")

    class Meta:
        verbose_name = _("visit request")
        verbose_name_plural = _("visit requests")
        ordering = ["-received_on", "-pk"]
        indexes = [
            models.Index(fields=["state", "proposed_start"]),
            # Issue 12: every filter and default ordering of the list has an index.
            models.Index(fields=["received_on"], name="vreq_received_on_ix"),
            models.Index(fields=["proposed_start"], name="vreq_proposed_start_ix"),
            models.Index(fields=["country"], name="vreq_country_ix"),
            models.Index(fields=["requester_type"], name="vreq_requester_type_ix"),
            models.Index(fields=["dignitary_rank"], name="vreq_dignitary_rank_ix"),
            models.Index(fields=["confidential"], name="vreq_confidential_ix"),
            models.Index(fields=["subject"], name="vreq_subject_ix"),
            models.Index(fields=["proposed_end"], name="vreq_proposed_end_ix"),
        ]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("visits:request_detail", args=[self.pk])

    def clean(self):
        errors = date_and_rank_errors(self, "proposed_start", "proposed_end")
        errors.update(date_range_errors(self, "received_on"))
        errors.update(fee_errors(self, "invoiced_amount"))
        if self.invoiced_amount is not None and self.invoiced_amount < 0:
            errors["invoiced_amount"] = _("The invoiced amount cannot be negative.")
        if (
            "received_on" not in errors
            and self.received_on
            and self.proposed_start
            and self.received_on > self.proposed_start
        ):
            errors["received_on"] = _("A request cannot arrive after its proposed start date.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def notice_days(self) -> int | None:
        """Days between the request's arrival and the proposed start."""
        return days_of_notice(self.received_on, self.proposed_start)

    @property
    def short_notice(self) -> bool:
        days = self.notice_days
        return days is not None and days < settings.REQUEST_MIN_NOTICE_DAYS

    @staticmethod
    def timeline_params(params: dict) -> dict:
        """Timeline values shown with their labels: a protocol party's name."""
        if params.get("party") in ProtocolParty.values:
            params = {**params, "party": ProtocolParty(params["party"]).label}
        return params
