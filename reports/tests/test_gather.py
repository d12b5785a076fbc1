"""What the annual report is built from: plain JSON, the portal's own figures, missing as None,
confidential records counted but never described."""

import datetime
import json
from decimal import Decimal

import pytest

from metrics.derived import derived_value
from metrics.figures import yearly_figures
from metrics.models import Indicator, Provider, ReportingPeriod, Submission, Value
from reports.gather import gather_report_data, input_digest, report_figures
from visits.choices import DignitaryRank, VisitKind, VisitStatus
from visits.tests.factories import VisitFactory

pytestmark = pytest.mark.django_db
YEAR = 2025
SECRET = "SALAINEN-VALTIOVIERAILU"


@pytest.fixture
def records(department):
    VisitFactory(
        kind=VisitKind.DIGNITARY, dignitary_rank=DignitaryRank.AMBASSADOR, country="JP",
        title="Suurlähettilään vierailu", start_date=datetime.date(YEAR, 3, 2), host_unit=department,
    )  # fmt: skip
    VisitFactory(
        kind=VisitKind.DIGNITARY, dignitary_rank=DignitaryRank.HEAD_OF_STATE, country="KP",
        title=SECRET, visiting_organisation=f"{SECRET} delegaatio", confidential=True,
        start_date=datetime.date(YEAR, 4, 1), host_unit=department,
    )  # fmt: skip
    VisitFactory(
        kind=VisitKind.TECHNICAL, paid=True, invoiced_amount=Decimal("1500.50"),
        start_date=datetime.date(YEAR, 5, 1), host_unit=department,
    )  # fmt: skip
    VisitFactory(kind=VisitKind.TECHNICAL, start_date=datetime.date(YEAR - 1, 5, 1), host_unit=department)  # fmt: skip
    VisitFactory(kind=VisitKind.MEDIA, status=VisitStatus.CANCELLED, start_date=datetime.date(YEAR, 6, 1), host_unit=department)  # fmt: skip


@pytest.fixture
def approved_value(department, kv):
    """An approved submission with A2.1 (hotel nights) for the year, with a source and a break."""
    provider = Provider.objects.create(unit=department, name_fi="Testitoimiala")
    period = ReportingPeriod.objects.create(year=YEAR, deadline=datetime.date(YEAR + 1, 2, 28), is_open=False)  # fmt: skip
    submission = Submission.objects.create(
        period=period, provider=provider, state="approved", highlights_fi="Uusi **kumppanuus**"
    )
    return Value.objects.create(
        submission=submission, indicator=Indicator.objects.get(code="A2.1"), number=Decimal("1234"),
        source="Tilastokeskus", comparability_break=True, break_explanation="Uusi laskentatapa",
    )  # fmt: skip


def _indicators(data):
    return {
        ind["code"]: ind
        for goal in data["goals"]
        for objective in goal["objectives"]
        for ind in objective["indicators"]
    }


def test_the_data_is_plain_json_and_the_same_database_gives_the_same_digest(records):
    data = gather_report_data(YEAR)
    assert json.loads(json.dumps(data)) == data
    assert input_digest(gather_report_data(YEAR)) == input_digest(data)
    VisitFactory(kind=VisitKind.OTHER, start_date=datetime.date(YEAR, 9, 9))
    assert input_digest(gather_report_data(YEAR)) != input_digest(data)


def test_visits_count_confidential_ones_but_never_describe_them(records):
    data = gather_report_data(YEAR)
    visits = data["visits"]
    assert visits["total"] == 3  # the cancelled one does not count
    assert visits["previous_total"] == 1
    assert visits["confidential"] == 1
    kinds = {row["code"]: row["count"] for row in visits["by_kind"]}
    assert kinds["dignitary"] == 2 and kinds["technical"] == 1 and kinds["media"] == 0
    assert [v["title"] for v in visits["dignitary"]] == ["Suurlähettilään vierailu"]
    assert "KP" not in {row["code"] for row in visits["by_country"]}
    assert visits["technical"] == {
        "count": 1,
        "income": 1500.5,
        "paid": [visits["technical"]["paid"][0]],
    }
    assert SECRET not in json.dumps(data, ensure_ascii=False)


def test_indicators_are_the_portal_figures_and_missing_is_none_not_zero(records, approved_value):
    data = gather_report_data(YEAR)
    indicators = _indicators(data)
    dignitaries = indicators["A2.3"]
    assert dignitaries["value"] == derived_value("A2.3", YEAR) == 2
    assert dignitaries["derived"] and dignitaries["rule"]
    assert [p["year"] for p in dignitaries["series"]] == list(range(2020, YEAR + 1))
    hotel = indicators["A2.1"]
    expected = next(r["value"] for r in yearly_figures(approved_value.indicator) if r["year"] == YEAR)  # fmt: skip
    assert hotel["value"] == expected == 1234
    assert hotel["previous"] is None and hotel["change"] is None
    assert hotel["sources"] == ["Tilastokeskus"]
    assert hotel["breaks"] == [{"year": YEAR, "text": "Uusi laskentatapa"}]
    assert indicators["A3.1"]["value"] is None  # nobody gave it: missing, not 0
    missing = {row["code"] for row in data["summary"]["missing"]}
    assert "A3.1" in missing and "A2.1" not in missing and "A2.3" not in missing


def test_texts_and_names_come_in_three_languages(records, approved_value):
    data = gather_report_data(YEAR)
    assert set(data["goals"][0]["name"]) == {"fi", "en", "sv"}
    kinds = {row["code"]: row["label"] for row in data["visits"]["by_kind"]}
    assert kinds["dignitary"]["sv"] != kinds["dignitary"]["en"]
    [department] = data["departments"]
    assert department["highlights"]["fi"] == "Uusi **kumppanuus**"


def test_report_figures_are_flat_with_stable_keys(records, approved_value):
    figures = report_figures(gather_report_data(YEAR))
    assert figures["indicator.A2.3"] == {"label": figures["indicator.A2.3"]["label"], "value": 2}
    assert figures["indicator.A3.1"]["value"] is None
    assert figures["visits.total"]["value"] == 3
    assert figures["visits.technical.income"]["value"] == 1500.5
    assert all(set(f) == {"label", "value"} for f in figures.values())
    VisitFactory(kind=VisitKind.DIGNITARY, dignitary_rank=DignitaryRank.MINISTER, start_date=datetime.date(YEAR, 10, 1))  # fmt: skip
    again = report_figures(gather_report_data(YEAR))
    assert again.keys() == figures.keys()
    assert again["indicator.A2.3"]["value"] == 3
