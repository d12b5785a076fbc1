"""Networks (verkostot, DOMAIN.md 3.5): the register of networks Espoo belongs to and the
yearly evaluation of each (from 2021), with the seed's classification criteria as a
questionnaire (the question set CLASSIFICATION, seeded by migration 0002)."""

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.models import HistoricalRecords

from espoo_intl.models import OrgUnit
from espoo_intl.permissions import RestrictedQuerySet
from espoo_intl.records import RECORD_HISTORY_EXCLUDED, RegisterRecord

from .choices import FIRST_EVALUATION_YEAR, Membership, NetworkClass, NetworkScope, PassiveDecision

__all__ = ["CLASSIFICATION", "Network", "NetworkEvaluation"]

# The question set of the yearly classification (espoo_intl.questionnaires).
CLASSIFICATION = "network-classification"
DECISION_FIELDS = ("decision", "decided_by", "decided_on")


class Network(RegisterRecord):
    """A network Espoo belongs to: city-wide (coordinated by konsernihallinto) or a
    department's subject network. The owning unit's department and the contacts edit it."""

    unit_field = "owning_unit"
    responsible_field = "contacts"
    responsible_may_edit = True

    name = models.CharField(gettext_lazy("name"), max_length=200)
    scope = models.CharField(gettext_lazy("scope"), max_length=20, choices=NetworkScope.choices)
    membership = models.CharField(
        gettext_lazy("Espoo's membership"),
        max_length=20,
        choices=Membership.choices,
        default=Membership.MEMBER,
        help_text=gettext_lazy("A support organisation (e.g. Helsinki EU Office) is not a membership."),
    )  # fmt: skip
    owning_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=gettext_lazy("owning unit"),
        on_delete=models.PROTECT,
        related_name="networks",
    )
    contacts = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("contact people"),
        blank=True,
        related_name="networks",
        help_text=gettext_lazy("The contact people may edit the network and evaluate it."),
    )
    membership_fee = models.DecimalField(
        gettext_lazy("membership fee per year (EUR)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(
                Decimal("0"), message=gettext_lazy("The membership fee cannot be negative.")
            )
        ],
    )
    url = models.URLField(gettext_lazy("website"), blank=True)
    joined_year = models.PositiveSmallIntegerField(gettext_lazy("member since"), null=True, blank=True)  # fmt: skip
    left_year = models.PositiveSmallIntegerField(
        gettext_lazy("membership ended"), null=True, blank=True,
        help_text=gettext_lazy("The last year Espoo was a member; empty while a member."),
    )  # fmt: skip
    espoo_roles = models.TextField(
        gettext_lazy("Espoo's roles"),
        blank=True,
        help_text=gettext_lazy("Working groups, board seats and other roles, one a line."),
    )
    goals = models.TextField(gettext_lazy("goals"), blank=True)

    history = HistoricalRecords(m2m_fields=[contacts], excluded_fields=RECORD_HISTORY_EXCLUDED)
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = gettext_lazy("network")
        verbose_name_plural = gettext_lazy("networks")
        ordering = ["name", "pk"]
        # Issue 12: every filter and default ordering of the list has an index.
        indexes = [
            models.Index(fields=["name"], name="network_name_ix"),
            models.Index(fields=["scope"], name="network_scope_ix"),
            models.Index(fields=["membership"], name="network_membership_ix"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(membership_fee__isnull=True) | models.Q(membership_fee__gte=0),
                name="network_fee_not_negative",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("networks:network_detail", args=[self.pk])

    @staticmethod
    def timeline_params(params: dict) -> dict:
        """The class code of a logged evaluation as its label, in the reader's language."""
        labels = dict(NetworkClass.choices)
        return params | {"class": labels.get(params.get("class"), params.get("class", ""))}

    @property
    def is_city_wide(self) -> bool:
        return self.scope == NetworkScope.CITY_WIDE

    def clean(self):
        errors = {}
        # A negative fee is refused by the field's validator (and the database's check).
        if self.joined_year and self.left_year and self.left_year < self.joined_year:
            errors["left_year"] = _("The membership cannot end before it began.")
        if errors:
            raise ValidationError(errors)


class NetworkEvaluation(RegisterRecord):
    """One network's evaluation for one year: its class, the year's goals and results and,
    for a passive network, the decision and who made it. One per network and year."""

    unit_field = "network__owning_unit"
    responsible_field = "network__contacts"
    responsible_may_edit = True

    network = models.ForeignKey(
        Network,
        verbose_name=gettext_lazy("network"),
        on_delete=models.CASCADE,
        related_name="evaluations",
    )
    year = models.PositiveSmallIntegerField(gettext_lazy("year"))
    network_class = models.CharField(
        gettext_lazy("class"), max_length=20, choices=NetworkClass.choices
    )
    goals = models.TextField(gettext_lazy("goals of the year"), blank=True)
    results = models.TextField(gettext_lazy("results of the year"), blank=True)
    decision = models.CharField(
        gettext_lazy("decision"),
        max_length=20,
        choices=PassiveDecision.choices,
        blank=True,
        help_text=gettext_lazy("Only for a passive network."),
    )
    decided_by = models.CharField(
        gettext_lazy("decided by"),
        max_length=200,
        blank=True,
        help_text=gettext_lazy("Name and role, e.g. the management group (johtoryhmä)."),
    )
    decided_on = models.DateField(gettext_lazy("decided on"), null=True, blank=True)
    # The criteria's dated answers go with the evaluation when it is deleted.
    responses = GenericRelation("espoo_intl.Response")

    history = HistoricalRecords(excluded_fields=RECORD_HISTORY_EXCLUDED)
    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = gettext_lazy("network evaluation")
        verbose_name_plural = gettext_lazy("network evaluations")
        ordering = ["-year", "network__name", "pk"]
        # Issue 12: every filter and default ordering of the list has an index.
        indexes = [
            models.Index(fields=["year"], name="neteval_year_ix"),
            models.Index(fields=["network_class"], name="neteval_network_class_ix"),
            models.Index(fields=["decision"], name="neteval_decision_ix"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["network", "year"], name="network_evaluation_once_a_year")
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.network} {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("networks:evaluation_detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.year is not None:
            if self.year < FIRST_EVALUATION_YEAR:
                errors["year"] = _("Networks are evaluated from %(first)s on.") % {
                    "first": FIRST_EVALUATION_YEAR
                }
            elif self.year > timezone.localdate().year:
                errors["year"] = _("A year that has not begun cannot be evaluated yet.")
        if self.network_class == NetworkClass.PASSIVE:
            required = {
                "decision": _("A passive network needs a decision: leave, reactivate or let sleep."),
                "decided_by": _("Say who decided (name and role)."),
                "decided_on": _("Say when it was decided."),
            }  # fmt: skip
            errors |= {name: text for name, text in required.items() if not getattr(self, name)}
        elif self.network_class:
            text = _("Only a passive network gets a decision: leave this empty.")
            errors |= {name: text for name in DECISION_FIELDS if getattr(self, name)}
        if errors:
            raise ValidationError(errors)

    timeline_params = staticmethod(Network.timeline_params)

    def unique_error_message(self, model_class, unique_check):
        """A second evaluation for the same year points to the first, to be edited."""
        if tuple(unique_check) == ("network", "year"):
            first = NetworkEvaluation.objects.filter(
                network_id=self.network_id, year=self.year
            ).first()
            if first is not None:
                url = reverse("networks:evaluation_edit", args=[first.pk])
                message = format_html(
                    _('{network} already has an evaluation for {year}: <a href="{url}">edit it</a>.'),
                    network=first.network, year=first.year, url=url,
                )  # fmt: skip
                return ValidationError(message, code="unique_together")
        return super().unique_error_message(model_class, unique_check)
