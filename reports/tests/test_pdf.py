"""The PDF against the database: on the demo data, every figure the report prints for several
years and in all three languages equals the portal's own figure, and no confidential detail
appears in it. Text is extracted with pdftotext (poppler-utils)."""

import datetime
import io
import subprocess

import pytest
from django.core.management import call_command
from django.db.models import Sum
from django.utils import timezone, translation

from events.choices import EventKind, EventState
from events.models import Event
from metrics.derived import derived_value, is_computed
from metrics.figures import yearly_figures
from metrics.models import Indicator
from partnerships.selectors import international_funding_in
from reports.gather import gather_report_data
from reports.render import format_number, render_report_pdf
from visits.choices import DignitaryRank, Direction, VisitKind, VisitStatus
from visits.models import Visit
from visits.tests.factories import VisitFactory

pytestmark = pytest.mark.django_db
SECRET = "SALAINEN-KONFIDENTIAALI"
SUFFIX = {"eur": " €", "percent": " %"}
HEADERS = {"fi": ("Vuosi", "Arvo"), "en": ("Year", "Value"), "sv": ("År", "Värde")}
MISSING = {"fi": "puuttuu", "en": "missing", "sv": "saknas"}


def pdf_lines(pdf: bytes) -> list[str]:
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    text = out.stdout.decode().replace("\u00a0", " ").replace("\u202f", " ")
    return [line.strip() for line in text.splitlines() if line.strip()]


def indicator_block(lines: list[str], code: str, language: str) -> list[str]:
    """An indicator's part of its chapter: its heading (followed by the table of years) to
    the next indicator's heading."""
    year, value = HEADERS[language]
    start = next(
        i
        for i, line in enumerate(lines)
        if line.startswith(f"{code} ") and year in lines[i + 1 : i + 4]
        and value in lines[i + 1 : i + 5]
    )  # fmt: skip
    end = next(
        (
            i
            for i in range(start + 1, len(lines))
            if lines[i][:1] in "ABC" and lines[i][2:3] == "." and " " in lines[i][:7]
        ),  # fmt: skip
        len(lines),
    )
    return lines[start:end]


def after_line(lines: list[str], line: str) -> list[str]:
    """The lines that follow `line`, without spaces (pdftotext may drop a narrow one)."""
    return [lines[i + 1].replace(" ", "") for i, text in enumerate(lines[:-1]) if text == line]


def shown(value, unit: str, language: str) -> str:
    if value is None:
        return MISSING[language]
    return (
        (format_number(value, language) + SUFFIX.get(unit, ""))
        .replace("\u00a0", "")
        .replace(" ", "")
    )


def portal_figure(indicator: Indicator, year: int):
    """The figure the metrics pages show for the year."""
    if indicator.derived and is_computed(indicator.code):
        return derived_value(indicator.code, year)
    return next((r["value"] for r in yearly_figures(indicator) if r["year"] == year), None)


@pytest.fixture
def demo(settings, department):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    last = timezone.localdate().year - 1
    VisitFactory(
        kind=VisitKind.DIGNITARY, dignitary_rank=DignitaryRank.HEAD_OF_STATE, country="KP",
        title=f"{SECRET} vierailu", visiting_organisation=f"{SECRET} organisaatio",
        confidential=True, start_date=datetime.date(last, 6, 6), host_unit=department,
        status=VisitStatus.COMPLETED,
    )  # fmt: skip
    VisitFactory(
        kind=VisitKind.TECHNICAL, paid=True, invoiced_amount=900, confidential=True,
        title=f"{SECRET} asiantuntijavierailu", start_date=datetime.date(last, 7, 7), host_unit=department,
    )  # fmt: skip
    Event.objects.create(
        name=f"{SECRET} tapahtuma", kind=EventKind.CONFERENCE, state=EventState.HELD,
        start_date=datetime.date(last, 8, 8), end_date=datetime.date(last, 8, 9),
        organiser="Espoo", owning_unit=department, confidential=True, actual_participants=120,
    )  # fmt: skip
    return last


def _check(year: int, language: str) -> None:
    data = gather_report_data(year)
    lines = pdf_lines(render_report_pdf(data, language, draft=False))
    assert not any(SECRET in line for line in lines), f"confidential text in {year} {language}"
    checked = 0
    for indicator in Indicator.objects.all():
        if indicator.unit == "text" or not indicator.is_active_in(year):
            continue
        block = indicator_block(lines, indicator.code, language)
        for y in (year, year - 1):
            expected = shown(portal_figure(indicator, y), indicator.unit, language)
            assert expected in after_line(block, str(y)), (indicator.code, y, language, block[:20])
            checked += 1
    assert checked > 60
    counted = Visit.objects.filter(start_date__year=year, direction=Direction.INCOMING).exclude(
        status=VisitStatus.CANCELLED
    )
    with translation.override(language):
        in_all = translation.gettext("In all")
    previous = counted.model.objects.filter(
        start_date__year=year - 1, direction=Direction.INCOMING
    ).exclude(status=VisitStatus.CANCELLED)
    assert [shown(previous.count(), "", language), shown(counted.count(), "", language)] in [
        [cell.replace(" ", "") for cell in lines[i + 1 : i + 3]]
        for i, line in enumerate(lines)
        if line == in_all
    ]
    technical = counted.filter(kind=VisitKind.TECHNICAL)
    income = technical.aggregate(total=Sum("invoiced_amount"))["total"] or 0
    assert any(shown(income, "eur", language) in line.replace(" ", "") for line in lines)
    funding = international_funding_in(year)
    assert any(shown(funding, "eur", language) in line.replace(" ", "") for line in lines)
    public = counted.filter(kind=VisitKind.DIGNITARY, confidential=False)
    for visit in public:  # listed by date (titles may wrap in the table)
        assert f"{visit.start_date.day}.{visit.start_date.month}.{year}" in lines


def test_every_figure_in_the_pdf_is_the_portals_figure_in_every_language(demo):
    for year, language in ((demo, "fi"), (demo, "en"), (demo, "sv"), (demo - 1, "fi"), (demo - 2, "sv")):  # fmt: skip
        _check(year, language)


def test_compile_report_writes_the_pdf_of_the_last_complete_demo_year(demo, tmp_path):
    out = tmp_path / "report.pdf"
    log = io.StringIO()
    call_command("compile_report", year=demo, lang="en", out=str(out), draft=True, stdout=log)
    assert out.read_bytes().startswith(b"%PDF")
    assert f"year {demo}, en, draft" in log.getvalue()
    lines = pdf_lines(out.read_bytes())
    assert f"International activity report {demo}" in lines
    assert not any(SECRET in line for line in lines)
