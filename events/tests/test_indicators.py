"""A held event counts in the metrics (issue 9): A2.2 international conferences, and B2.1
with the theme sustainable development, added to the visits' part of B2.1."""

import datetime

import pytest

from espoo_intl.models import Theme
from events.choices import EventKind, EventState
from events.tests.factories import EventFactory
from metrics.derived import derived_records, derived_value

pytestmark = pytest.mark.django_db


def test_held_conferences_count_in_a2_2_and_planned_or_cancelled_ones_do_not(kv, staff):
    day = datetime.date(2025, 5, 20)
    EventFactory(kind=EventKind.CONFERENCE, state=EventState.HELD, start_date=day)
    EventFactory(kind=EventKind.CONGRESS, state=EventState.REPORTED, start_date=day)
    EventFactory(kind=EventKind.CONFERENCE, state=EventState.CANCELLED, start_date=day)
    EventFactory(kind=EventKind.CONFERENCE, state=EventState.APPROVED, start_date=day)
    EventFactory(kind=EventKind.SEMINAR, state=EventState.HELD, start_date=day)
    EventFactory(kind=EventKind.CONFERENCE, state=EventState.HELD,
                 start_date=datetime.date(2024, 12, 31), end_date=datetime.date(2025, 1, 2))  # fmt: skip
    secret = EventFactory(kind=EventKind.CONFERENCE, state=EventState.HELD, start_date=day,
                          confidential=True)  # fmt: skip

    assert derived_value("A2.2", 2025) == 3
    assert derived_value("A2.2", 2024) == 1
    shown = derived_records("A2.2", 2025, staff)
    assert secret not in shown.visible and shown.hidden == 1
    assert len(derived_records("A2.2", 2025, kv).visible) == 3


def test_held_sustainability_events_add_to_b2_1(kv):
    theme = Theme.objects.get(slug="sustainable-development")
    event = EventFactory(state=EventState.HELD, start_date=datetime.date(2025, 3, 3))
    event.themes.set([theme])
    EventFactory(state=EventState.HELD, start_date=datetime.date(2025, 3, 4))
    assert derived_value("B2.1", 2025) == 1  # no visits that year: the event alone


def test_every_years_figures_in_one_query_equal_the_yearly_counts():
    import random

    from espoo_intl.testing import assert_yearly_figures_match
    from events import indicators

    rng = random.Random(12)
    theme = Theme.objects.get(slug="sustainable-development")
    for _i in range(40):
        event = EventFactory(
            kind=rng.choice(list(EventKind)), state=rng.choice(list(EventState)),
            start_date=datetime.date(rng.randint(2019, 2026), rng.randint(1, 12), 1),
        )  # fmt: skip
        if rng.random() < 0.4:
            event.themes.set([theme])

    assert_yearly_figures_match(indicators, range(2019, 2027), most_queries=1)
