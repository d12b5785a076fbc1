"""International projects feed the metrics (issue 9): B2.3, C1.2, C1.3 and C2.1, as the
metrics catalogue counts them."""

import datetime
from decimal import Decimal

import pytest

from espoo_intl.models import Theme
from metrics.derived import derived_value
from partnerships.choices import ProjectStatus
from partnerships.tests.factories import PartnerFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_projects_feed_b2_3_c1_2_c1_3_and_c2_1(unit):
    theme = Theme.objects.get(slug="sustainable-development")
    abroad, home = PartnerFactory(country="SE"), PartnerFactory(country="FI")
    green = ProjectFactory(lead_unit=unit, start_date=datetime.date(2024, 3, 1), end_date=datetime.date(2026, 2, 28),
                           international_funding=Decimal("150000"), partners=[abroad])  # fmt: skip
    green.themes.set([theme])
    ProjectFactory(lead_unit=unit, start_date=datetime.date(2025, 6, 1), end_date=datetime.date(2027, 5, 31),
                   international_funding=Decimal("40000"), partners=[home])  # fmt: skip
    ProjectFactory(lead_unit=unit, start_date=datetime.date(2025, 9, 1), eu_funded=False,
                   international_funding=Decimal("7000"), partners=[abroad])  # fmt: skip
    ProjectFactory(lead_unit=unit, start_date=datetime.date(2025, 1, 1), status=ProjectStatus.PLANNED,
                   international_funding=Decimal("999999"))  # fmt: skip

    assert derived_value("B2.3", 2025) == Decimal("150000")  # the sustainability project only
    assert derived_value("C1.2", 2025) == 1  # EU-funded, started in 2025, not merely planned
    assert derived_value("C1.3", 2025) == Decimal("40000")
    assert derived_value("C2.1", 2025) == 2  # running in 2025 with a partner abroad
    assert derived_value("C1.2", 2024) == 1


def test_every_years_figures_in_two_queries_equal_the_yearly_counts(unit):
    import random

    from espoo_intl.testing import assert_yearly_figures_match
    from partnerships import indicators

    rng = random.Random(7)
    theme = Theme.objects.get(slug="sustainable-development")
    abroad, home = PartnerFactory(country="SE"), PartnerFactory(country="FI")
    for _i in range(40):
        start = datetime.date(rng.randint(2017, 2026), rng.randint(1, 12), 1)
        end = start + datetime.timedelta(days=rng.randint(30, 1500)) if rng.random() < 0.8 else None
        project = ProjectFactory(
            lead_unit=unit, start_date=start, end_date=end, eu_funded=rng.random() < 0.6,
            status=rng.choice(list(ProjectStatus)),
            international_funding=Decimal(rng.randint(0, 90000)),
            partners=rng.choice([[abroad], [home], [abroad, home], []]),
        )  # fmt: skip
        if rng.random() < 0.4:
            project.themes.set([theme])

    assert_yearly_figures_match(indicators, range(2019, 2027), most_queries=2)
