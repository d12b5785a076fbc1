"""The metrics this app derives from international projects (metrics-catalogue.csv, "how
derived"): B2.3, C1.2, C1.3 and C2.1. Read by metrics through espoo_intl.registry; each
`records(year)` is every project the figure counts (metrics lists each person only the ones
they may open)."""

from decimal import Decimal

from django.db.models import Sum

from espoo_intl.registry import Indicator

from .choices import ProjectStatus
from .models import Partner, Project
from .selectors import projects_running_in

__all__ = ["INDICATORS"]

SUSTAINABLE_DEVELOPMENT = "sustainable-development"  # theme slug


def _funding(projects) -> Decimal:
    return projects.aggregate(total=Sum("international_funding"))["total"] or Decimal("0")


def _sustainability_projects(year: int):
    running = projects_running_in(year).filter(themes__slug=SUSTAINABLE_DEVELOPMENT)
    return Project.objects.filter(pk__in=running.values("pk"))


def _eu_projects_started(year: int):
    return Project.objects.exclude(status=ProjectStatus.PLANNED).filter(
        eu_funded=True, start_date__year=year
    )


def _with_international_partners(year: int):
    abroad = Partner.objects.exclude(country="FI")
    running = projects_running_in(year).filter(partners__in=abroad)
    return Project.objects.filter(pk__in=running.values("pk"))


INDICATORS = [
    Indicator(
        "B2.3",
        _sustainability_projects,
        _funding,
        rule="international funding of projects with the theme sustainable development "
        "running in the year",
    ),
    Indicator("C1.2", _eu_projects_started, rule="EU-funded projects started in the year"),
    Indicator(
        "C1.3",
        _eu_projects_started,
        _funding,
        rule="international funding of the EU-funded projects started in the year",
    ),
    Indicator(
        "C2.1",
        _with_international_partners,
        rule="projects with a partner outside Finland running in the year",
    ),
]
