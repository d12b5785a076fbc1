from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["VisitKind", "DignitaryRank", "Direction", "Interpretation", "VisitStatus"]


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
