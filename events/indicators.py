"""The metrics this app derives from international events (metrics-catalogue.csv): A2.2 and
the events' part of B2.1 (visits declare theirs; declarations of one code add up). A held
event counts in the year it started."""

from espoo_intl.registry import Indicator

from .selectors import international_conferences_held, sustainability_events_held

__all__ = ["INDICATORS"]

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
