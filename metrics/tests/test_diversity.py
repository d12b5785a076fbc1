"""Staff diversity (2.3): units below the city average, against the residents' share."""

from decimal import Decimal

import pytest

from espoo_intl.tests.factories import OrgUnitFactory
from metrics.diversity import city_share
from metrics.models import StaffDiversity
from metrics.tests.conftest import finnish

pytestmark = pytest.mark.django_db


def test_units_below_the_city_average_are_marked(client_for, lead, department):
    low = OrgUnitFactory(kind="unit", parent=department, name_fi="Matala yksikkö")
    high = OrgUnitFactory(kind="unit", parent=department, name_fi="Korkea yksikkö")
    StaffDiversity.objects.create(year=2024, unit=low, share=Decimal("1.0"), staff=300)
    StaffDiversity.objects.create(year=2024, unit=high, share=Decimal("18.8"), staff=100)
    StaffDiversity.objects.create(year=2023, unit=low, share=Decimal("0.5"), staff=300)
    figures = list(StaffDiversity.objects.filter(year=2024))
    assert city_share(figures) == Decimal("5.5")  # (300 × 1.0 + 100 × 18.8) / 400 = 5.45
    response = client_for(lead).get("/metrics/diversity/?year=2024")
    rows = {r["figure"].unit.name_fi: r["below"] for r in response.context["rows"]}
    assert rows == {"Matala yksikkö": True, "Korkea yksikkö": False}
    assert finnish("below the city average") in response.content.decode()
    assert client_for(lead).get("/metrics/diversity/?year=x").status_code == 200


def test_a_share_over_100_is_refused(department):
    unit = OrgUnitFactory(kind="unit", parent=department, name_fi="Yksikkö")
    figure = StaffDiversity(year=2024, unit=unit, share=Decimal("120"))
    with pytest.raises(Exception, match="100"):
        figure.full_clean()
