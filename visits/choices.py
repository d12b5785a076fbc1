from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = [
    "VisitKind", "DignitaryRank", "Direction", "Interpretation", "VisitStatus", "RequesterType",
    "RequestState", "ProtocolParty", "ChecklistPhase", "ItemStatus", "GuestRole", "GiftDirection",
]  # fmt: skip


class VisitKind(models.TextChoices):
    DIGNITARY = "dignitary", _("dignitary visit (arvovierailu)")
    CITY_DELEGATION = "city_delegation", _("city delegation")
    TWIN_CITY = "twin_city", _("twin or partner city delegation")
    MEDIA = "media", _("international media visit")
    TECHNICAL = "technical", _("technical / expert visit")
    BUSINESS = "business", _("business or investor delegation")
    INTERNATIONAL_ORG = "international_org", _("international organisation")
    OTHER = "other", _("other visit")


class DignitaryRank(models.TextChoices):
    ROYALTY = "royalty", _("royalty")
    HEAD_OF_STATE = "head_of_state", _("head of state")
    AMBASSADOR = "ambassador", _("ambassador")
    MINISTER = "minister", _("minister")
    INTERNATIONAL_ORG = (
        "international_org",
        _("high representative of an international organisation"),
    )
    OTHER = "other", _("other dignitary")


class Direction(models.TextChoices):
    INCOMING = "incoming", _("incoming visit to Espoo")
    OUTGOING = "outgoing", _("outgoing study visit")


class Interpretation(models.TextChoices):
    NONE = "none", _("no interpretation")
    CONSECUTIVE = "consecutive", _("consecutive interpretation")
    SIMULTANEOUS = "simultaneous", _("simultaneous interpretation")


class VisitStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    CONFIRMED = "confirmed", _("confirmed")
    COMPLETED = "completed", _("completed")
    CANCELLED = "cancelled", _("cancelled")


class RequesterType(models.TextChoices):
    TPK = "tpk", _("Office of the President of the Republic (TPK)")
    UM_PROTOCOL = "um_protocol", _("Ministry for Foreign Affairs, protocol department")
    MINISTRY = "ministry", _("a ministry")
    EMBASSY = "embassy", _("an embassy")
    CITY_UNIT = "city_unit", _("a city unit")
    OTHER = "other", _("other")


class RequestState(models.TextChoices):
    RECEIVED = "received", _("received")
    UNDER_REVIEW = "under_review", _("under review")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    PLANNING = "planning", _("planning")
    CONFIRMED = "confirmed", _("confirmed")
    COMPLETED = "completed", _("completed")
    DEBRIEFED = "debriefed", _("debriefed")
    CANCELLED = "cancelled", _("cancelled")


class ProtocolParty(models.TextChoices):
    CITY_MANAGER = "kj", _("city manager (KJ)")
    COMMUNICATIONS = "viestinta", _("communications (Viestintä)")
    PRESIDIUM = "kajo_kh", _("city board presidium (KAJO/KH)")
    KV_TEAM = "kv", _("international affairs team (Kv-tiimi)")
    SECURITY = "turva", _("security (Turva)")


class ChecklistPhase(models.TextChoices):
    PLANNING = "planning", _("planning with the visitors")
    INTERNAL = "internal", _("agreed internally")
    AFTER = "after", _("after the visit")


class ItemStatus(models.TextChoices):
    OPEN = "open", _("open")
    DONE = "done", _("done")
    NOT_NEEDED = "not_needed", _("not needed")


class GuestRole(models.TextChoices):
    HEAD = "head", _("head of delegation")
    SPOUSE = "spouse", _("spouse")
    MEMBER = "member", _("member")


class GiftDirection(models.TextChoices):
    GIVEN = "given", _("given by the city")
    RECEIVED = "received", _("received by the city")
