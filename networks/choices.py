from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["NetworkScope", "Membership", "NetworkClass", "PassiveDecision", "FIRST_EVALUATION_YEAR"]

# The management group evaluates the city-wide networks yearly from 2021 (DOMAIN.md 3.5).
FIRST_EVALUATION_YEAR = 2021


class NetworkScope(models.TextChoices):
    CITY_WIDE = "city_wide", _("city-wide network (coordinated by konsernihallinto)")
    DEPARTMENT = "department", _("department's subject network")


class Membership(models.TextChoices):
    MEMBER = "member", _("member")
    SUPPORT = "support", _("support organisation")


class NetworkClass(models.TextChoices):
    STRATEGIC = "strategic", _("strategic")
    THEMATIC = "thematic", _("thematic")
    PASSIVE = "passive", _("passive")


class PassiveDecision(models.TextChoices):
    LEAVE = "leave", _("leave the network")
    REACTIVATE = "reactivate", _("reactivate")
    SLEEP = "sleep", _("let it sleep")
