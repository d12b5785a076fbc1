"""C6.3 (staff diversity ratio) is computed as C6.1 / C6.2 wherever figures are shown: the
indicator page, the overview and its exports, and the annual report's selector. It is
missing, never 0 or an error, when either figure is missing or the divisor is 0."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest

from metrics.figures import indicator_value, report_indicators
from metrics.models import Provider, ReportingPeriod, Submission, Value

pytestmark = pytest.mark.django_db


def approved(code: str, year: int, number, *, source: str = "", explanation: str = ""):
    """An approved value of `code` for `year` from the indicator's own provider."""
    period, _new = ReportingPeriod.objects.get_or_create(
        year=year, defaults={"deadline": datetime.date(year + 1, 2, 28), "is_open": False}
    )
    provider = Provider.objects.get(indicators__code=code)
    submission, _new = Submission.objects.get_or_create(
        period=period, provider=provider, defaults={"state": "approved"}
    )
    return Value.objects.create(
        submission=submission, indicator_id=provider.indicators.get(code=code).pk,
        number=None if number is None else Decimal(str(number)), source=source,
        comparability_break=bool(explanation), break_explanation=explanation,
    )  # fmt: skip


@pytest.fixture
def diversity_figures():
    approved("C6.1", 2020, "6.5", source="HR:n henkilöstöraportti")
    approved("C6.2", 2020, "18")
    approved("C6.1", 2023, "9", explanation="Uusi kielitieto")
    approved("C6.2", 2023, "20")
    approved("C6.1", 2024, "10")  # no C6.2 for 2024
    approved("C6.1", 2025, "11")
    approved("C6.2", 2025, "0")  # a divisor of 0


def test_the_ratio_is_computed_and_missing_where_it_cannot_be(diversity_figures):
    assert indicator_value("C6.3", 2020) == Decimal("0.36")  # 6.5 / 18
    assert indicator_value("C6.3", 2023) == Decimal("0.45")
    assert indicator_value("C6.3", 2024) is None  # C6.2 missing
    assert indicator_value("C6.3", 2025) is None  # divided by 0
    assert indicator_value("C6.3", 2021) is None  # both missing
    hr = Provider.objects.get(source="hr")
    assert indicator_value("C6.1", 2023, hr) == Decimal(9)
    assert indicator_value("C6.3", 2023, hr) is None  # HR does not give the residents' share


def test_indicator_page_shows_the_ratio_its_inputs_and_their_breaks(
    diversity_figures, client_for, lead
):
    response = client_for(lead).get("/metrics/indicators/C6.3/")
    rows = {r["year"]: r for r in response.context["rows"]}
    assert rows[2020]["value"] == Decimal("0.36") and rows[2023]["value"] == Decimal("0.45")
    assert rows[2023]["change"] is None  # 2022 is missing
    assert rows[2024]["value"] is None and rows[2025]["value"] is None
    page = response.content.decode()
    assert (
        "0,36" in page
        and "/metrics/indicators/C6.1/" in page
        and "/metrics/indicators/C6.2/" in page
    )
    assert "C6.1: Uusi kielitieto" in page  # the input's break is the ratio's too
    assert "alert-warning" not in page  # not "no register derives this yet"
    assert client_for(lead).get("/metrics/indicators/C6.3/chart.svg").status_code == 200


def test_overview_and_its_exports_show_the_ratio(diversity_figures, client_for, lead):
    response = client_for(lead).get("/metrics/overview/")
    row = next(
        r
        for rows in response.context["goals"].values()
        for r in rows
        if r["indicator"].code == "C6.3"
    )
    assert row["latest"]["value"] == Decimal("0.45") and 2024 in row["missing"]
    text = client_for(lead).get("/metrics/overview/?export=csv").content.decode()
    c63 = {r[1]: r for r in csv.reader(io.StringIO(text))}["C6.3"]
    assert c63[4:8] == ["0.36", "", "", "0.45"] and c63[8:10] == ["", ""]
    book = openpyxl.load_workbook(
        io.BytesIO(client_for(lead).get("/metrics/overview/?export=xlsx").content)
    )
    sheet_rows = {r[1]: r for r in book.active.iter_rows(values_only=True)}
    assert sheet_rows["C6.3"][4] == 0.36 and sheet_rows["C6.3"][5] is None


def test_report_selector_gives_every_indicator_for_the_year(diversity_figures):
    rows = {r["code"]: r for r in report_indicators(2023)}
    assert len(rows) == 46
    c63 = rows["C6.3"]
    assert c63["value"] == Decimal("0.45") and c63["first"] == Decimal("0.36")
    assert c63["change_from_first"] == Decimal("0.09") and c63["previous"] is None
    assert c63["change"] is None and c63["origin"] == "computed" and c63["unit"] == "ratio"
    assert c63["breaks"] == ["C6.1: Uusi kielitieto"]
    assert [v["year"] for v in c63["values"]] == [2020, 2021, 2022, 2023]
    c61 = rows["C6.1"]
    assert (
        c61["value"] == Decimal(9) and c61["first"] == Decimal("6.5") and c61["origin"] == "entered"
    )
    assert c61["providers"][0]["fi"] == Provider.objects.get(source="hr").name_fi
    assert rows["C6.1"]["breaks"] == ["Uusi kielitieto"]
    assert rows["A1.1"]["value"] is None and rows["A1.1"]["first"] is None  # missing, not 0
    assert rows["A2.4"]["origin"] == "derived" and rows["A2.4"]["value"] == 0  # counted: none
    assert rows["C6.1"]["sdg"] == [] and rows["B1.1"]["names"]["en"].startswith("Voluntary")
    assert report_indicators(2020)[0]["sources"] == [] and rows["C6.1"]["sources"] == []
    assert {r["code"]: r for r in report_indicators(2020)}["C6.1"]["sources"] == [
        "HR:n henkilöstöraportti"
    ]


def test_the_overview_and_indicator_page_write_figures_as_the_reader_does(client_for, lead):
    """An entered 1267 is stored as 1267.000: the pages show "1267", and 7.5 as "7,5" in
    Finnish, not the database's trailing zeros."""
    approved("A1.1", 2024, Decimal("1267.000"))
    approved("C6.1", 2024, Decimal("7.500"))
    client = client_for(lead)

    overview = client.get("/metrics/overview/", HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    a11 = client.get("/metrics/indicators/A1.1/", HTTP_ACCEPT_LANGUAGE="fi").content.decode()

    assert ">1267 <" in overview and "7,5 <" in overview
    assert "1267.000" not in overview and "7.500" not in overview
    assert ">1267<" in a11 and "1267.000" not in a11
