"""The advocacy exports read their own columns from values (issue 12): the same cells as
django-tables2's export gave, in every format; the development list still goes cell by
cell (ten rows, columns drawn from notes and links)."""

import datetime

import pytest
from django.utils.translation import override

from advocacy.choices import Requester
from advocacy.models import AdvocacyItem, DevelopmentItem
from advocacy.tables import DevelopmentTable, ItemTable
from advocacy.tests.factories import make_development, make_item
from espoo_intl.testing import assert_export_unchanged, csv_rows

pytestmark = pytest.mark.django_db


def test_the_item_export_keeps_who_asks_and_the_units(client_for, staff, unit, other_unit):
    # Different deadlines: the list is ordered by deadline, and PostgreSQL orders ties as
    # each query's plan happens to read them.
    make_item(
        units=[unit, other_unit], title="Lausunto", requester=Requester.MINISTRY,
        requester_detail="Ulkoministeriö", deadline=datetime.date(2027, 3, 1),
    )  # fmt: skip
    make_item(
        units=[], title="Ei yksiköitä", requester=Requester.OTHER,
        deadline=datetime.date(2027, 2, 1),
    )  # fmt: skip
    with override("fi"):
        assert_export_unchanged(
            client_for(staff), "/advocacy/", ItemTable, AdvocacyItem.objects.for_user(staff)
        )
        requester = str(Requester.MINISTRY.label)
    rows = {r["Otsikko"]: r for r in csv_rows(client_for(staff).get("/advocacy/?_export=csv"))}
    assert rows["Lausunto"]["pyytäjä"] == requester  # the detail is on the page only
    assert rows["Ei yksiköitä"]["Valmistelevat tulosyksiköt"] == ""


def test_the_development_export_is_unchanged(client_for, kv, unit):
    make_development(owner_unit=unit, link="/visits/")
    make_development(owner_unit=unit)
    with override("fi"):
        assert_export_unchanged(
            client_for(kv), "/development/", DevelopmentTable, DevelopmentItem.objects.all()
        )
