"""The metrics this app derives from international projects (metrics-catalogue.csv, "how
derived"): B2.3, C1.2, C1.3 and C2.1. Read by metrics through espoo_intl.registry; each
`records(year)` is every project the figure counts (metrics lists each person only the ones
they may open)."""

from decimal import Decimal

from django.db.models import Count, Q, Sum

from espoo_intl.registry import Indicator
from espoo_intl.yearly import Tally, totals_by_year, totals_while_running

from .models import Partner, Project
from .selectors import projects_under_way, running_in

__all__ = ["INDICATORS", "yearly_figures"]

SUSTAINABLE_DEVELOPMENT = "sustainable-development"  # theme slug

# Subqueries PostgreSQL reads once (hashed), not joins: a project counts once.
_SUSTAINABILITY_THEME = Q(
    pk__in=Project.themes.through.objects.filter(theme__slug=SUSTAINABLE_DEVELOPMENT).values(
        "project"
    )
)
_PARTNER_ABROAD = Q(
    pk__in=Project.partners.through.objects.filter(
        partner__in=Partner.objects.exclude(country="FI")
    ).values("project")
)
_EU_FUNDED = Q(eu_funded=True)
# Each rule written once: `records(year)` filters with it, `yearly_figures` counts every
# year with it. Projects running in a year (several years each) and started in a year.
RUNNING = {
    "B2.3": Tally(Sum, "international_funding", _SUSTAINABILITY_THEME),
    "C2.1": Tally(Count, "pk", _PARTNER_ABROAD),
}
STARTED = {
    "C1.2": Tally(Count, "pk", _EU_FUNDED),
    "C1.3": Tally(Sum, "international_funding", _EU_FUNDED),
}


def _funding(projects) -> Decimal:
    return projects.aggregate(total=Sum("international_funding"))["total"] or Decimal("0")


def _running(code: str):
    return lambda year: projects_under_way().filter(running_in(year), RUNNING[code].condition)


def _started(code: str):
    return lambda year: projects_under_way().filter(STARTED[code].condition, start_date__year=year)


def yearly_figures(years) -> dict:
    """Every indicator's figure for every year in `years`, in two queries."""
    return {
        **totals_while_running(
            projects_under_way(),
            start_field="start_date",
            end_field="end_date",
            years=years,
            tallies=RUNNING,
        ),
        **totals_by_year(
            projects_under_way(), date_field="start_date", years=years, tallies=STARTED
        ),
    }


INDICATORS = [
    Indicator(
        "B2.3",
        _running("B2.3"),
        _funding,
        rule="international funding of projects with the theme sustainable development "
        "running in the year",
    ),
    Indicator("C1.2", _started("C1.2"), rule="EU-funded projects started in the year"),
    Indicator(
        "C1.3",
        _started("C1.3"),
        _funding,
        rule="international funding of the EU-funded projects started in the year",
    ),
    Indicator(
        "C2.1",
        _running("C2.1"),
        rule="projects with a partner outside Finland running in the year",
    ),
]
