"""The metrics this app derives from international events (metrics-catalogue.csv): A2.2 and
the events' part of B2.1 (visits declare theirs; declarations of one code add up). A held
event counts in the year it started."""

from django.db.models import Count

from espoo_intl.registry import Indicator
from espoo_intl.yearly import Tally, totals_by_year

from .selectors import (
    CONFERENCES,
    WITH_SUSTAINABILITY_THEME,
    every_held_event,
    international_conferences_held,
    sustainability_events_held,
)

__all__ = ["INDICATORS", "yearly_figures"]

# The same conditions `records(year)` filters with (events/selectors.py).
TALLIES = {
    "A2.2": Tally(Count, "pk", CONFERENCES),
    "B2.1": Tally(Count, "pk", WITH_SUSTAINABILITY_THEME),
}


def yearly_figures(years) -> dict:
    """Both indicators' figures for every year in `years`, in one query."""
    return totals_by_year(every_held_event(), date_field="start_date", years=years, tallies=TALLIES)


INDICATORS = [
    Indicator(
        "A2.2",
        international_conferences_held,
        rule="international conferences and congresses held in Espoo",
    ),
    Indicator(
        "B2.1",
        sustainability_events_held,
        rule="held events with the theme sustainable development",
    ),
]
