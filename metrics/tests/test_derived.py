"""Derived figures equal counts made directly from the records (visits/indicators.py read
through the registry), and the click-through list follows the record rules."""

import csv
import datetime
import io
import random
from decimal import Decimal

import pytest
from django.apps import apps

from espoo_intl.models import Theme
from metrics.derived import derived_records, derived_value
from metrics.tests.conftest import finnish

pytestmark = pytest.mark.django_db

KINDS = ["dignitary", "city_delegation", "twin_city", "media", "technical", "business", "international_org", "other"]  # fmt: skip
STATUSES = ["planned", "confirmed", "completed", "cancelled"]
KINDS_BY_CODE = {
    "A2.3": {"dignitary", "international_org"},
    "A2.4": {"city_delegation"},
    "A2.5": {"twin_city"},
    "A5.2": {"media"},
    "C1.5": {"technical"},
}
DELEGATION = "city_delegation"


def Visit():  # noqa: N802 - the model class
    return apps.get_model("visits", "Visit")


def VisitFactory(**fields):  # noqa: N802 - reads like the factory it stands for
    fields.setdefault("end_date", fields["start_date"])
    return Visit().objects.create(
        **{"title": "Vierailu", "visiting_organisation": "Stockholms stad", "country": "SE"}
        | fields
    )


def _generate(unit, other_unit, n=120):
    rng = random.Random(10)
    sustainable, _new = Theme.objects.get_or_create(
        slug="sustainable-development", defaults={"name_fi": "kestävä kehitys"}
    )
    for _i in range(n):
        start = datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randrange(3 * 365))
        kind = rng.choice(KINDS)
        visit = VisitFactory(
            host_unit=rng.choice([unit, other_unit]),
            kind=kind,
            dignitary_rank="ambassador" if kind == "dignitary" else "",
            start_date=start,
            end_date=start + datetime.timedelta(days=rng.randrange(5)),
            status=rng.choice(STATUSES),
            direction=rng.choice(["incoming", "outgoing"]),
            confidential=rng.random() < 0.2,
            invoiced_amount=Decimal(rng.randrange(0, 5000)) if kind == "technical" else None,
        )
        if rng.random() < 0.3:
            visit.themes.add(sustainable)


def _counts(visit, year) -> bool:
    return (
        visit.start_date.year == year
        and visit.status != "cancelled"
        and visit.direction == "incoming"
    )


def test_derived_figures_equal_direct_counts(unit, other_unit):
    _generate(unit, other_unit)
    visits = list(Visit().objects.prefetch_related("themes"))
    for year in (2023, 2024, 2025):
        counted = [v for v in visits if _counts(v, year)]
        for code, kinds in KINDS_BY_CODE.items():
            assert derived_value(code, year) == sum(v.kind in kinds for v in counted), code
        invoiced = sum(
            (v.invoiced_amount or 0 for v in counted if v.kind == "technical"), Decimal(0)
        )
        assert derived_value("C1.6", year) == invoiced
        themed = [
            v for v in counted if any(t.slug == "sustainable-development" for t in v.themes.all())
        ]
        assert derived_value("B2.1", year) == len(themed)


def test_edge_cases_new_year_cancelled_outgoing(unit):
    delegation = {"host_unit": unit, "kind": DELEGATION}
    VisitFactory(
        start_date=datetime.date(2024, 12, 30), end_date=datetime.date(2025, 1, 2), **delegation
    )
    VisitFactory(start_date=datetime.date(2024, 6, 1), status="cancelled", **delegation)
    VisitFactory(start_date=datetime.date(2024, 6, 1), direction="outgoing", **delegation)
    VisitFactory(start_date=datetime.date(2024, 6, 1), status="completed", **delegation)
    assert derived_value("A2.4", 2024) == 2  # the New Year visit and the completed one
    assert derived_value("A2.4", 2025) == 0  # counted in the year it started, only
    assert derived_value("A1.1", 2024) is None  # nobody derives it


def test_confidential_visits_are_counted_but_not_listed(unit, other_unit, staff, kv, client_for):
    delegation = {"kind": DELEGATION, "start_date": datetime.date(2024, 3, 3)}
    VisitFactory(host_unit=unit, title="Avoin delegaatio", **delegation)
    VisitFactory(host_unit=other_unit, title="Salainen delegaatio", confidential=True, **delegation)
    assert derived_value("A2.4", 2024) == 2

    seen = derived_records("A2.4", 2024, staff)
    assert [v.title for v in seen.visible] == ["Avoin delegaatio"] and seen.hidden == 1
    page = client_for(staff).get("/metrics/indicators/A2.4/2024/records/").content.decode()
    assert "Avoin delegaatio" in page and "Salainen delegaatio" not in page
    assert (
        finnish("%(hidden)s confidential record is counted but not listed for you.", hidden=1)
        in page
    )

    everything = derived_records("A2.4", 2024, kv)
    assert everything.hidden == 0 and len(everything.visible) == 2
    page = client_for(kv).get("/metrics/indicators/A2.4/2024/records/").content.decode()
    assert "Salainen delegaatio" in page and "alert-info" not in page


def test_indicator_page_shows_yearly_figures_and_change(unit, client_for, lead):
    for day in (datetime.date(2023, 2, 1), datetime.date(2024, 2, 1), datetime.date(2024, 3, 1)):
        VisitFactory(host_unit=unit, kind="twin_city", start_date=day)
    response = client_for(lead).get("/metrics/indicators/A2.5/")
    rows = {row["year"]: row for row in response.context["rows"]}
    assert rows[2024]["value"] == 2 and rows[2024]["change"] == 1
    assert rows[2023]["value"] == 1
    assert "/metrics/indicators/A2.5/2024/records/" in response.content.decode()


def test_entered_figures_breaks_chart_and_overview(submission, client_for, kv, lead):
    """Approved values only; a break is shown with its explanation; the chart is SVG."""
    value = submission.values.get(indicator__code="C6.1")
    value.number, value.comparability_break, value.break_explanation = 7.5, True, "Uusi lähde"
    value.save()
    page = client_for(lead).get("/metrics/indicators/C6.1/")
    assert {r["year"]: r["value"] for r in page.context["rows"]}[2025] is None  # a draft
    submission.state = "approved"
    submission.save()
    page = client_for(lead).get("/metrics/indicators/C6.1/")
    assert {r["year"]: r["value"] for r in page.context["rows"]}[2025] == 7.5
    assert "Uusi lähde" in page.content.decode()
    chart = client_for(lead).get("/metrics/indicators/C6.1/chart.svg")
    assert chart["Content-Type"] == "image/svg+xml" and b"<svg" in chart.content
    overview = client_for(lead).get("/metrics/overview/?export=csv")
    rows = {r[1]: r for r in csv.reader(io.StringIO(overview.content.decode()))}
    assert rows["C6.1"][4 + 2025 - 2020] == "7.5"


def test_all_years_at_once_give_the_figures_counted_year_by_year(unit, other_unit):
    """The overview and the report count every derived indicator for every year in a query
    or two per app (derived_figures); each figure equals the one counted for its year."""
    from metrics.derived import derived_figures

    _generate(unit, other_unit)
    years = list(range(2021, 2027))
    table = derived_figures(years)
    assert {"A2.3", "A2.4", "A2.5", "A5.2", "B2.1", "C1.5", "C1.6"} <= set(table)
    for code, by_year in table.items():
        for year in years:
            expected = derived_value(code, year)
            assert (by_year[year], type(by_year[year])) == (expected, type(expected)), code


def test_the_overview_shows_the_derived_figures_in_a_constant_number_of_queries(
    unit, other_unit, client_for, lead
):
    from espoo_intl.testing import assert_constant_queries

    years = iter(range(2030, 2100))

    def grow(n):
        start = datetime.date(2020 + n % 6, 3, 1)
        for _i in range(n):
            VisitFactory(host_unit=unit, kind="media", start_date=start)
        # A later year the page does not show yet must not change the count either.
        VisitFactory(host_unit=unit, kind="media", start_date=datetime.date(next(years), 1, 1))

    client = client_for(lead)
    assert_constant_queries(client, "/metrics/overview/", grow=grow)
    page = client.get("/metrics/overview/").content.decode()
    assert 'href="/metrics/indicators/A5.2/"' in page
