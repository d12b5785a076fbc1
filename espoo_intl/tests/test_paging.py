"""A panel's first rows and how many there are in all (espoo_intl.paging.first_rows)."""

import pytest

from espoo_intl.models import OrgUnit
from espoo_intl.paging import first_rows
from espoo_intl.tests.factories import OrgUnitFactory

pytestmark = pytest.mark.django_db


def _units(n: int) -> None:
    for i in range(n):
        OrgUnitFactory(kind="department", name_fi=f"Paneelitoimiala {i:02}")


def test_first_rows_in_order_with_the_total_in_one_query(django_assert_num_queries):
    _units(7)
    units = OrgUnit.objects.filter(name_fi__startswith="Paneeli").order_by("-name_fi")

    with django_assert_num_queries(1):
        found = first_rows(units, 3)

    assert [u.name_fi for u in found.rows] == [f"Paneelitoimiala {i:02}" for i in (6, 5, 4)]
    assert (found.shown, found.total, found.more) == (3, 7, True)


def test_fewer_rows_than_asked_and_none(django_assert_num_queries):
    _units(2)
    units = OrgUnit.objects.filter(name_fi__startswith="Paneeli").order_by("name_fi")

    assert (first_rows(units, 5).total, first_rows(units, 5).more) == (2, False)
    with django_assert_num_queries(1):
        empty = first_rows(units.filter(name_fi="ei ole"), 5)
    assert (empty.rows, empty.total) == ([], 0)


def test_a_distinct_queryset_counts_its_merged_rows(django_assert_num_queries):
    _units(4)
    # The join repeats each department once per unit under it; distinct merges them again.
    for parent in OrgUnit.objects.filter(name_fi__startswith="Paneeli"):
        OrgUnitFactory(kind="unit", parent=parent)
        OrgUnitFactory(kind="unit", parent=parent)
    departments = (
        OrgUnit.objects.filter(name_fi__startswith="Paneeli", children__isnull=False)
        .distinct()
        .order_by("name_fi")
    )

    with django_assert_num_queries(1):
        found = first_rows(departments, 3)

    assert (found.shown, found.total) == (3, 4)
