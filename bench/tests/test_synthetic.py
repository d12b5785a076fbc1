"""generate_synthetic's data set (bench/synthetic.py): every register filled, the sizes
follow the scale, the records are valid for the pages that show them, and the same seed
gives the same data."""

import random
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.test.utils import override_settings

from bench.synthetic import SCALE_1, generate, visits_and_requests
from espoo_intl.models import User
from events.models import Event
from metrics.models import Value
from networks.models import NetworkEvaluation
from visits.choices import RequestState
from visits.models import Visit, VisitRequest

SCALE = 0.01


def _quiet(_text):
    pass


@pytest.mark.django_db
def test_every_register_gets_rows_in_proportion_to_the_scale():
    sizes = generate(SCALE, log=_quiet)
    for name in ("visits", "requests", "partnerships", "projects", "networks", "events"):
        assert sizes[name] >= round(SCALE_1[name] * SCALE), name
    for name in ("guests", "checklist_items", "network_evaluations", "event_checklist_items"):
        assert sizes[name] > 0, name
    # every indicator of every provider and year: no value of a closed year left empty
    assert not Value.objects.filter(
        submission__period__is_open=False, number__isnull=True, text=""
    ).exists()
    # the records are as their forms would accept them
    for model in (Visit, VisitRequest, Event, NetworkEvaluation):
        for record in model.objects.order_by("-pk")[:20]:
            record.full_clean(exclude=["themes", "partners"])


@pytest.mark.django_db
def test_requests_follow_their_dates_and_guest_lists_are_erased_after_the_visit():
    generate(SCALE, log=_quiet)
    erased = VisitRequest.objects.filter(guest_data_erased_at__isnull=False)
    assert erased.exists()
    assert not erased.filter(guests__isnull=False).exists()
    assert set(erased.values_list("state", flat=True)) == {RequestState.DEBRIEFED}


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_data():
    with override_settings(DEBUG=True):  # load_demo refuses otherwise; the test runner sets False
        call_command("load_demo", visits=0, stdout=StringIO())
    users = {u.username: u for u in User.objects.select_related("unit")}
    for _run in range(2):
        visits_and_requests(30, 5, random.Random(7), users, date(2017, 1, 1))
    rows = list(
        Visit.objects.order_by("pk").values_list("title", "start_date", "country", "host_unit")
    )[-60:]
    assert rows[:30] == rows[30:]
