"""The events register's choices (DOMAIN.md 3.6)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = [
    "EventKind", "EventFormat", "EventState", "DeciderRole", "CheckOutcome", "ChecklistPoint",
    "OPEN_STATES", "CLOSED_STATES", "DECIDED_STATES", "HELD_STATES", "AWAITING_DECISION",
]  # fmt: skip


class EventKind(models.TextChoices):
    CONFERENCE = "conference", _("conference")
    CONGRESS = "congress", _("congress")
    SEMINAR = "seminar", _("seminar")
    CULTURAL = "cultural", _("cultural event")
    SPORTS = "sports", _("sports event")
    OTHER = "other", _("other")


class EventFormat(models.TextChoices):
    PHYSICAL = "physical", _("physical")
    HYBRID = "hybrid", _("hybrid")
    VIRTUAL = "virtual", _("virtual")


class EventState(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    ASSESSED = "assessed", _("impact assessed")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")
    AGREEMENT_SIGNED = "agreement_signed", _("agreement signed")
    HELD = "held", _("held")
    REPORTED = "reported", _("reported")
    CANCELLED = "cancelled", _("cancelled")


S = EventState
OPEN_STATES = (S.PROPOSED, S.ASSESSED, S.APPROVED, S.AGREEMENT_SIGNED)
CLOSED_STATES = (S.REJECTED, S.REPORTED, S.CANCELLED)
DECIDED_STATES = (S.APPROVED, S.REJECTED)
HELD_STATES = (S.HELD, S.REPORTED)
AWAITING_DECISION = (S.PROPOSED, S.ASSESSED)


class DeciderRole(models.TextChoices):
    CITY_MANAGER = "city_manager", _("city manager")
    DELEGATE = "delegate", _("delegate of the city manager")


class CheckOutcome(models.TextChoices):
    NO_CONCERNS = "no_concerns", _("no concerns")
    CONCERNS = "concerns", _("concerns noted")
    NOT_RECOMMENDED = "not_recommended", _("cooperation not recommended")


class ChecklistPoint(models.TextChoices):
    ENOUGH_TIME = "enough_time", _("enough time reserved for organising the event")
    INTERNAL_COMMUNICATION = "internal_communication", _("the event communicated internally")
    PROCUREMENT = "procurement", _("procurement law and the city's procurement instructions followed")  # fmt: skip
    SPONSOR_VISIBILITY = "sponsor_visibility", _("partners' and sponsors' visibility agreed in writing")  # fmt: skip
    OFFICIALS_INFORMED = "officials_informed", _("elected officials kept informed")
