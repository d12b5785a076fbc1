"""The report document from a small database: WeasyPrint loads only the project's own files,
a missing figure reads "missing" (never 0), the same inputs give the same content, and the
PDF is tagged, titled, in the report's language, with its fonts embedded."""

import datetime
import re
import subprocess
import zlib
from decimal import Decimal

import pytest

from metrics.models import Indicator, Provider, ReportingPeriod, Submission, Value
from reports.gather import gather_report_data, input_digest
from reports.render import (
    DRAFT_MARK,
    STATIC_DIR,
    chart_svg,
    project_files_fetcher,
    render_report_html,
    render_report_pdf,
)
from visits.choices import VisitKind
from visits.tests.factories import VisitFactory

from .test_pdf import after_line, indicator_block, pdf_lines

pytestmark = pytest.mark.django_db
YEAR = 2025
METADATA = "http://169.254.169.254/latest/meta-data/"
HOSTILE = (
    "Vierailuja **paljon**. ![x](file:///etc/passwd) [tunnukset](file:///etc/passwd) "
    f'<img src="{METADATA}"> <link rel="stylesheet" href="file:///etc/passwd">'
    f'<style>@import url("{METADATA}");</style>'
)


def pdf_text(pdf: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()  # fmt: skip


def pdf_pages(pdf: bytes) -> list[str]:
    return [page for page in pdf_text(pdf).split("\f") if page.strip()]


@pytest.fixture
def small(department):
    provider = Provider.objects.create(unit=department, name_fi="Testitoimiala")
    period = ReportingPeriod.objects.create(year=YEAR, deadline=datetime.date(YEAR + 1, 2, 28), is_open=False)  # fmt: skip
    submission = Submission.objects.create(
        period=period, provider=provider, state="approved", highlights_fi=HOSTILE
    )
    Value.objects.create(submission=submission, indicator=Indicator.objects.get(code="A2.1"), number=Decimal("4321"))  # fmt: skip
    VisitFactory(kind=VisitKind.MEDIA, start_date=datetime.date(YEAR, 2, 3), host_unit=department)
    return gather_report_data(YEAR)


def test_the_fetcher_serves_the_report_files_and_refuses_everything_else():
    fetcher = project_files_fetcher()
    css = fetcher((STATIC_DIR / "report.css").as_uri())
    assert b"@page" in css.read()
    css.close()
    for url in (
        "file:///etc/passwd",
        METADATA,
        "https://example.org/font.woff2",
        "data:text/css,body{}",
        (STATIC_DIR / ".." / ".." / "gather.py").as_uri(),
        STATIC_DIR.as_uri() + "/../../gather.py",
        "file://169.254.169.254/etc/passwd",
    ):
        with pytest.raises(ValueError):
            fetcher(url)
    assert len(fetcher.refused) == 7


def test_weasyprint_fetches_nothing_a_text_points_to():
    from weasyprint import HTML

    fetcher = project_files_fetcher()
    html = f'<img src="file:///etc/passwd"><img src="{METADATA}"><link rel="stylesheet" href="file:///etc/passwd"><p>x</p>'  # fmt: skip
    pdf = HTML(string=html, base_url=STATIC_DIR.as_uri() + "/", url_fetcher=fetcher).write_pdf()
    assert set(fetcher.refused) == {"file:///etc/passwd", METADATA}
    assert "root:" not in pdf_text(pdf)


def test_a_hostile_highlight_fetches_nothing_and_prints_as_text(small):
    html = render_report_html(small, "fi", draft=False)
    assert "<img" not in html and "<style>@import" not in html and 'href="file:' not in html
    text = pdf_text(render_report_pdf(small, "fi", draft=False))
    assert "Vierailuja paljon." in text
    assert "root:" not in text and "/bin/bash" not in text


def test_missing_reads_missing_not_zero_in_every_language(small):
    lines = pdf_lines(render_report_pdf(small, "en", draft=False))
    assert after_line(indicator_block(lines, "A2.1", "en"), str(YEAR))[0] == "4,321"
    assert after_line(indicator_block(lines, "A3.1", "en"), str(YEAR))[0] == "missing"
    assert after_line(indicator_block(lines, "A2.1", "en"), str(YEAR - 1))[0] == "missing"
    for language, word in (("fi", "puuttuu"), ("sv", "saknas")):
        html = render_report_html(small, language, draft=False)
        assert f'<span class="missing">{word}</span>' in html


def test_the_same_inputs_give_the_same_content(small):
    again = gather_report_data(YEAR)
    assert input_digest(again) == input_digest(small)
    assert render_report_html(again, "sv", draft=True) == render_report_html(small, "sv", draft=True)  # fmt: skip
    assert pdf_text(render_report_pdf(again, "sv", draft=True)) == pdf_text(
        render_report_pdf(small, "sv", draft=True)
    )


def _pdf_objects(pdf: bytes) -> bytes:
    """The PDF's bytes with its compressed streams inflated (object streams hold the catalog)."""
    parts = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", pdf, flags=re.S):
        try:
            parts.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"\n".join(parts)


def test_a_draft_is_tagged_titled_in_its_language_with_fonts_embedded_and_marked_on_every_page(small, tmp_path):  # fmt: skip
    pdf = render_report_pdf(small, "sv", draft=True)
    pages = pdf_pages(pdf)
    assert len(pages) > 10
    assert all(DRAFT_MARK in page for page in pages)
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", path], capture_output=True, check=True, text=True).stdout
    assert re.search(r"^Title:\s+Rapport om den internationella verksamheten 2025$", info, re.M)
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert b"/Lang (sv)" in _pdf_objects(pdf)
    fonts = subprocess.run(["pdffonts", path], capture_output=True, check=True, text=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all("+Fira-Sans" in row for row in rows)
    assert all(row.split()[-5] == "yes" for row in rows)  # the "emb" column
    final = render_report_pdf(small, "sv", draft=False)
    assert DRAFT_MARK not in pdf_text(final)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_rules_of_derived_indicators_read_in_the_reports_language(small, language):
    html = render_report_html(small, language, draft=True)
    derived = Indicator.objects.filter(derived=True)
    assert derived.count() == 13
    for indicator in derived:
        assert indicator.rule_in(language) in html, indicator.code
        assert indicator.rule_en not in html, indicator.code
    assert "vierailut: vuoden kaupunkidelegaatiot" in render_report_html(small, "fi", draft=True)


def test_objectives_are_headings_with_a_capital(small):
    html = render_report_html(small, "fi", draft=True)
    assert '<h2 class="objective">Osaajia</h2>' in html
    assert '<h2 class="objective">osaajia</h2>' not in html


def _axis_labels(svg: str) -> list[str]:
    return [t for t in re.findall(r">([^<]+)</text>", svg) if not t.startswith("20")]


def test_chart_axes_step_in_round_numbers():
    series = [{"year": 2020 + n, "value": v} for n, v in enumerate([3360000, 3360000, 2400000, 1200000])]  # fmt: skip
    assert _axis_labels(chart_svg(series, "eur", "fi")) == ["0", "1\u00a0000\u00a0000", "2\u00a0000\u00a0000", "3\u00a0000\u00a0000", "4\u00a0000\u00a0000"]  # fmt: skip
    visits = [{"year": 2020 + n, "value": v} for n, v in enumerate([0, 2, 1])]
    assert _axis_labels(chart_svg(visits, "count", "fi")) == ["0", "1", "2"]
    scale = [{"year": 2020 + n, "value": v} for n, v in enumerate([2.1, 2.5])]
    assert _axis_labels(chart_svg(scale, "scale", "fi")) == ["0", "1", "2", "3", "4", "5"]


def test_a_rank_is_a_line_with_the_first_place_on_top():
    ranks = [{"year": 2020 + n, "value": v} for n, v in enumerate([10, 11, 14, None, 12])]
    svg = chart_svg(ranks, "rank", "fi")
    assert _axis_labels(svg)[0] == "1" and "15" in _axis_labels(svg)
    assert svg.count("<circle") == 4  # a point for each year with a rank, none for the missing
    assert not re.search(r'<rect[^>]*fill="#0050bb"', svg)  # no bars: a line


def test_unit_notes_and_every_department_read_in_the_reports_language(small):
    html = render_report_html(small, "fi", draft=True)
    assert "lukumäärä (yöpymiset)" in html and "(nights)" not in html
    assert "Tiedon tuottaja: jokainen toimiala" in html
    swedish = render_report_html(small, "sv", draft=True)
    assert "(övernattningar)" in swedish and "Utländska hotellövernattningar" in swedish
