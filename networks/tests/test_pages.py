"""The lists, the side-by-side overview, the dashboard panel, the readers for the metrics
and the demo data."""

import datetime
import io

import pytest
from django.core.management import call_command

from espoo_intl.testing import assert_constant_queries, csv_rows, xlsx_rows
from networks import selectors
from networks.choices import NetworkScope
from networks.models import Network, NetworkEvaluation
from networks.tests.factories import EvaluationFactory, NetworkFactory

pytestmark = pytest.mark.django_db

THIS_YEAR = datetime.date.today().year


@pytest.fixture
def reader(lead):
    """Leadership, reading in English (export headers in one known language)."""
    lead.language = "en"
    lead.save()
    return lead


def _grow_networks(unit, contacts):
    def grow(n):
        for _ in range(n):
            network = NetworkFactory(owning_unit=unit, contacts=contacts)
            EvaluationFactory(network=network, year=2022)
            EvaluationFactory(network=network, year=2023, network_class="strategic")

    return grow


@pytest.mark.parametrize(
    "url",
    [
        "/networks/",
        "/networks/?_export=csv",
        "/networks/evaluations/",
        "/networks/evaluations/?_export=xlsx",
        "/networks/evaluations/overview/",
        "/networks/evaluations/overview/?_export=csv",
    ],
)
def test_lists_cost_the_same_queries_with_more_rows(client_for, kv, staff, contact, unit, url):
    assert_constant_queries(client_for(kv), url, grow=_grow_networks(unit, [staff, contact]))


def test_network_list_filters_and_exports(client_for, reader, unit, other_unit, staff):
    NetworkFactory(name="Eurocities", owning_unit=unit, contacts=[staff], membership_fee="16500")
    NetworkFactory(name="WHO Healthy Cities", owning_unit=other_unit, scope=NetworkScope.DEPARTMENT)
    client = client_for(reader)
    rows = csv_rows(client.get("/networks/?scope=city_wide&_export=csv"))
    assert [r["Name"] for r in rows] == ["Eurocities"]
    assert rows[0]["Contact people"] == str(staff)
    assert rows[0]["Membership fee per year (EUR)"] == "16500.00"
    page = client.get("/networks/?q=healthy").content.decode()
    assert "WHO Healthy Cities" in page and "Eurocities" not in page


def test_evaluation_list_filters_by_year_and_class(client_for, reader, unit):
    network = NetworkFactory(name="UBC", owning_unit=unit)
    EvaluationFactory(network=network, year=2022, network_class="thematic")
    EvaluationFactory(
        network=network, year=2023, network_class="passive", decision="sleep",
        decided_by="Johtoryhmä", decided_on=datetime.date(2023, 11, 1),
    )  # fmt: skip
    rows = xlsx_rows(
        client_for(reader).get("/networks/evaluations/?network_class=passive&_export=xlsx")
    )
    assert [(r["Network"], r["Year"], r["Decided by"]) for r in rows] == [
        ("UBC", 2023, "Johtoryhmä")
    ]
    rows = csv_rows(client_for(reader).get("/networks/evaluations/?year=2022&_export=csv"))
    assert [r["Year"] for r in rows] == ["2022"]


def test_overview_shows_years_side_by_side_and_who_is_missing(client_for, reader, unit):
    eurocities = NetworkFactory(name="Eurocities", owning_unit=unit)
    ubc = NetworkFactory(name="Union of Baltic Cities", owning_unit=unit)
    NetworkFactory(name="Aineverkosto", owning_unit=unit, scope=NetworkScope.DEPARTMENT)
    EvaluationFactory(network=eurocities, year=2021, network_class="strategic")
    EvaluationFactory(network=eurocities, year=THIS_YEAR, network_class="strategic")
    EvaluationFactory(network=ubc, year=2022, network_class="thematic")
    client = client_for(reader)

    rows = csv_rows(client.get("/networks/evaluations/overview/?_export=csv"))
    assert [r["Network"] for r in rows] == ["Eurocities", "Union of Baltic Cities"]
    assert list(rows[0])[2:] == [str(y) for y in range(2021, THIS_YEAR + 1)]
    assert rows[0]["2021"] == "strategic" and rows[0][str(THIS_YEAR)] == "strategic"
    assert rows[1]["2022"] == "thematic" and rows[1]["2021"] == ""

    sheet = xlsx_rows(client.get("/networks/evaluations/overview/?_export=xlsx"))
    assert [(r["Network"], r["2022"]) for r in sheet] == [
        ("Eurocities", None), ("Union of Baltic Cities", "thematic")
    ]  # fmt: skip

    page = client.get("/networks/evaluations/overview/").content.decode()
    missing = page.split('id="missing-h"')[1].split("</section>")[0]
    assert "Union of Baltic Cities" in missing and "Eurocities" not in missing
    assert "Aineverkosto" not in page  # department networks are not in the overview


def test_dashboard_panel_lists_city_wide_networks_without_this_years_evaluation(
    client_for, reader, unit
):
    done = NetworkFactory(name="Eurocities", owning_unit=unit)
    EvaluationFactory(network=done, year=THIS_YEAR)
    NetworkFactory(name="Union of Baltic Cities", owning_unit=unit)
    NetworkFactory(name="Eronnut verkosto", owning_unit=unit, left_year=THIS_YEAR - 1)
    page = client_for(reader).get("/dashboard/").content.decode()
    panel = page.split('id="networks-missing-h"')[1].split("</section>")[0]
    assert "Union of Baltic Cities" in panel
    assert "Eurocities" not in panel and "Eronnut verkosto" not in panel


def test_readers_for_the_metrics(unit):
    NetworkFactory(name="A", owning_unit=unit, joined_year=2015)
    NetworkFactory(name="B", owning_unit=unit, joined_year=2023)
    NetworkFactory(name="C", owning_unit=unit, joined_year=2010, left_year=2021)
    NetworkFactory(name="D", owning_unit=unit, membership="support")
    NetworkFactory(name="E", owning_unit=unit, scope=NetworkScope.DEPARTMENT)
    assert {n.name for n in selectors.memberships_in_year(2022)} == {"A", "E"}
    assert {n.name for n in selectors.memberships_in_year(2021, scope="city_wide")} == {"A", "C"}
    a = Network.objects.get(name="A")
    EvaluationFactory(network=a, year=2022, network_class="strategic")
    EvaluationFactory(network=Network.objects.get(name="E"), year=2022, network_class="thematic")
    EvaluationFactory(network=Network.objects.get(name="B"), year=2023, network_class="thematic")
    assert selectors.evaluations_by_class(2022) == {"strategic": 1, "thematic": 1}
    assert selectors.evaluations_by_class(2022, scope="city_wide") == {"strategic": 1}


def test_demo_data_loads_twice_without_duplicates(settings):
    settings.DEBUG = True
    call_command("load_demo", visits=0, stdout=io.StringIO())
    names = set(Network.objects.values_list("name", flat=True))
    assert {"Eurocities", "Union of Baltic Cities (UBC)", "Helsinki EU Office"} <= names
    assert set(NetworkEvaluation.objects.values_list("year", flat=True)) == set(range(2021, 2026))
    count = NetworkEvaluation.objects.count()
    call_command("load_demo", visits=0, stdout=io.StringIO())
    assert NetworkEvaluation.objects.count() == count
