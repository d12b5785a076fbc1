"""The partnership register's choices, labelled in the seed's words (DOMAIN.md 3.1, 3.2)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

__all__ = [
    "PartnerKind", "PartnershipKind", "PartnershipLevel", "PartnershipStatus",
    "FundingProgramme", "ProjectStatus", "ASSESSMENT",
]  # fmt: skip

# The question set of the partnership assessment (seeded in migration 0002).
ASSESSMENT = "partnership-assessment"


class PartnerKind(models.TextChoices):
    CITY = "city", _("city")
    NETWORK = "network", _("network or organisation")
    COMPANY = "company", _("company")
    RESEARCH = "research", _("research and innovation actor")
    AUTHORITY = "authority", _("authority")


class PartnershipKind(models.TextChoices):
    TWIN_CITY = "twin_city", _("twin city (ystävyyskaupunki)")
    AGREEMENT = "agreement", _("time-limited cooperation agreement")
    PROJECT = "project", _("project partnership")
    MOU = "mou", _("memorandum of understanding")
    OTHER = "other", _("other")


class PartnershipLevel(models.TextChoices):
    CITY = "city", _("city")
    DEPARTMENT = "department", _("department")
    GROUP = "group", _("city group")


class PartnershipStatus(models.TextChoices):
    PROPOSED = "proposed", pgettext_lazy("partnership status", "proposed")
    ACTIVE = "active", pgettext_lazy("partnership status", "active")
    DORMANT = "dormant", pgettext_lazy("partnership status", "dormant")
    ENDED = "ended", pgettext_lazy("partnership status", "ended")


class FundingProgramme(models.TextChoices):
    HORIZON = "horizon_europe", "Horizon Europe"
    INTERREG = "interreg", "Interreg"
    ERASMUS = "erasmus", "Erasmus+"
    URBACT = "urbact", "URBACT"
    DIGITAL = "digital_europe", "Digital Europe"
    OTHER_EU = "other_eu", _("other EU")
    OTHER_INTERNATIONAL = "other_international", _("other international")


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("project status", "planned")
    RUNNING = "running", pgettext_lazy("project status", "running")
    ENDED = "ended", pgettext_lazy("project status", "ended")
