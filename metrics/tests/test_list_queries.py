"""The metrics lists (periods, submissions) cost the same queries however many rows
(issue 12), at most espoo_intl.testing.MAX_LIST_QUERIES."""

import itertools

import pytest

from espoo_intl.testing import assert_constant_queries
from metrics.models import Provider
from metrics.services import period_open

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/metrics/periods/", "/metrics/submissions/"])
def test_metrics_lists_cost_the_same_queries_with_more_rows(client_for, kv, department, deadline, url):  # fmt: skip
    years = itertools.count(2000)
    names = itertools.count()

    def grow(n):
        for _ in range(n):
            Provider.objects.create(unit=department, name_fi=f"Tuottaja {next(names)}")
        period_open(year=next(years), deadline=deadline, actor=kv)

    assert_constant_queries(client_for(kv), url, grow=grow)
