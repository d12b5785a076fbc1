"""The three list pages: constant query counts, filters and the CSV/Excel exports."""

import datetime
from decimal import Decimal

import pytest
from django.utils.text import capfirst
from django.utils.translation import gettext, override

from espoo_intl.models import Theme
from espoo_intl.testing import assert_constant_queries, csv_rows, xlsx_rows
from partnerships.choices import PartnershipStatus
from partnerships.tests.factories import PartnerFactory, PartnershipFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def header(name: str) -> str:
    """A column's header as a Finnish-speaking user's export has it."""
    with override("fi"):
        return capfirst(gettext(name))


def _themes():
    return list(Theme.objects.all()[:2])


def test_partner_list_query_count(client_for, kv, staff):
    def grow(n):
        PartnerFactory.create_batch(n, created_by=staff)

    assert_constant_queries(client_for(kv), "/partners/", grow=grow)


def test_partnership_list_query_count(client_for, kv, unit):
    def grow(n):
        for _ in range(n):
            p = PartnershipFactory(owning_unit=unit, partners=[PartnerFactory(), PartnerFactory()])
            p.themes.set(_themes())

    assert_constant_queries(client_for(kv), "/partnerships/", grow=grow)


def test_project_list_query_count(client_for, kv, unit):
    def grow(n):
        for _ in range(n):
            p = ProjectFactory(lead_unit=unit, partners=[PartnerFactory(country="DE")])
            p.themes.set(_themes())

    assert_constant_queries(client_for(kv), "/projects/", grow=grow)


def test_partnership_filters_and_export(client_for, lead, unit):
    twin = PartnershipFactory(
        name="Ystävyyskaupunki Køge",
        kind="twin_city",
        status=PartnershipStatus.DORMANT,
        owning_unit=unit,
        partners=[PartnerFactory(name="Køge", country="DK")],
    )
    PartnershipFactory(name="Tallinna-sopimus", owning_unit=unit, partners=[PartnerFactory(country="EE")])  # fmt: skip
    client = client_for(lead)
    page = client.get("/partnerships/", {"status": "dormant"}).content.decode()
    assert "Ystävyyskaupunki Køge" in page and "Tallinna-sopimus" not in page
    rows = csv_rows(client.get("/partnerships/", {"country": "DK", "_export": "csv"}))
    assert [r[header("name")] for r in rows] == [twin.name]
    assert rows[0][header("partners")] == "Køge"
    rows = xlsx_rows(client.get("/partnerships/", {"q": "køge", "_export": "xlsx"}))
    assert len(rows) == 1


def test_project_filters_and_export(client_for, staff, unit):
    ProjectFactory(
        name="Kestävä Itämeri",
        acronym="SUSBALT",
        programme="interreg",
        lead_unit=unit,
        start_date=datetime.date(2022, 1, 1),
        end_date=datetime.date(2023, 12, 31),
        international_funding=Decimal("12345.50"),
        partners=[PartnerFactory(country="EE"), PartnerFactory(country="SE")],
    )
    ProjectFactory(name="Myöhempi projekti", lead_unit=unit, start_date=datetime.date(2025, 1, 1))  # fmt: skip
    client = client_for(staff)
    page = client.get("/projects/", {"year": "2023"}).content.decode()
    assert "Kestävä Itämeri" in page and "Myöhempi projekti" not in page
    rows = xlsx_rows(client.get("/projects/", {"programme": "interreg", "_export": "xlsx"}))
    assert len(rows) == 1
    assert set(rows[0][header("countries")].split(", ")) == {"Viro", "Ruotsi"}
    rows = csv_rows(client.get("/projects/", {"_export": "csv"}))
    assert len(rows) == 2
