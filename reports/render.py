"""The report document (issue 11): a pure function of the gathered data and the language.

`render_report_html(data, language, draft=...)` gives the HTML; `render_report_pdf(...)` prints
it with WeasyPrint as a tagged PDF (PDF/UA-1: document title, language, structure tags, fonts
embedded), in a child process at low CPU priority (reports/printing.py, REPORT_NICE). WeasyPrint may fetch only the project's own report files (`ProjectFilesFetcher`):
a text in the data that points to file:///etc/passwd or http://169.254.169.254/ fetches nothing.
"""

import logging
import math
from decimal import Decimal
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import pygal
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from .printing import print_pdf_in_child

__all__ = [
    "render_report_html",
    "render_report_pdf",
    "print_pdf",
    "project_files_fetcher",
    "format_number",
    "localise",
    "STATIC_DIR",
    "DRAFT_MARK",
]

STATIC_DIR = (Path(__file__).resolve().parent / "static" / "reports").resolve()
DRAFT_MARK = "LUONNOS / UTKAST / DRAFT"
ESPOO_BLUE = "#0050bb"
LANGUAGES = ("fi", "en", "sv")
# WeasyPrint's page-by-page progress and fontTools' subsetting notes are not worth a log line.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
logging.getLogger("fontTools").setLevel(logging.WARNING)


# --- numbers and languages ------------------------------------------------------------------


def format_number(
    value, language: str, *, signed: bool = False, decimals: int | None = None
) -> str:
    """A number as the language writes it: 1 234 567,5 (fi, sv) or 1,234,567.5 (en);
    `signed` puts + before a positive change. None is not a number: the caller says "missing"."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        value = float(value)
    if decimals is None:
        text = f"{abs(value):,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{abs(value):,.{decimals}f}"
    grouped = text if language == "en" else text.replace(",", "\u00a0").replace(".", ",")
    sign = "\u2212" if value < 0 else ("+" if signed and value > 0 else "")
    return f"{sign}{grouped}"


def localise(value, language: str):
    """The data with every {"fi", "en", "sv"} dict replaced by its text in `language`
    (the Finnish text where that one is empty)."""
    if isinstance(value, dict):
        if set(value) == set(LANGUAGES):
            return value.get(language) or value.get("fi") or ""
        return {k: localise(v, language) for k, v in value.items()}
    if isinstance(value, list):
        return [localise(v, language) for v in value]
    return value


# --- charts ---------------------------------------------------------------------------------


_SVG = "http://www.w3.org/2000/svg"
_GREY, _GUIDE = "#5c6670", "#d0d7e2"


def _paper_svg(svg: str) -> str:
    """pygal's SVG for paper: its stylesheet, scripts, tooltips and random id out, colours and
    fonts as attributes. (WeasyPrint applies every <style> of the page, those inside inline
    SVG too, to the whole document: 40 charts' stylesheets cost more than the charts.)"""
    ElementTree.register_namespace("", _SVG)
    root = ElementTree.fromstring(svg)
    parents = {child: parent for parent in root.iter() for child in parent}
    for element in list(root.iter()):
        tag, classes = element.tag.split("}")[-1], element.get("class", "").split()
        overlay = {"tooltip-overlay", "overlay", "text-overlay"} & set(classes)
        dots = overlay and any(e.tag.endswith("}circle") for e in element.iter())  # a line's points
        if tag in ("defs", "title", "desc", "script") or (overlay and not dots):
            parents[element].remove(element)
            continue
        if tag == "rect":
            element.set("fill", "white" if "background" in classes else ESPOO_BLUE)
        elif tag == "path" and "nofill" in classes:  # a line chart's line (ranks)
            element.attrib.update(fill="none", stroke=ESPOO_BLUE, **{"stroke-width": "2.5"})
        elif tag == "circle":
            element.attrib.update(fill=ESPOO_BLUE, r="4")
        elif tag == "path" and "line" in classes:
            element.attrib.update(fill="none", stroke=_GUIDE if "guide" in classes else _GREY, **{"stroke-width": "1"})  # fmt: skip
        elif tag == "text":
            axis = parents[parents[element]].get("class", "") if parents.get(parents.get(element)) is not None else ""  # fmt: skip
            anchor = "end" if "axis y" in axis else "middle"
            element.attrib.update({"font-family": "Fira Sans", "font-size": "13", "fill": "#333333", "text-anchor": anchor})  # fmt: skip
    for element in root.iter():
        for name in ("class", "id"):
            element.attrib.pop(name, None)
    root.set("role", "img")
    return ElementTree.tostring(root, encoding="unicode")


def _ticks(low, high, *, whole: bool, rank: bool = False) -> list:
    """Round steps for a chart's axis (1, 2, 2.5 or 5 times a power of ten), from 0 (1 for a
    rank) or below the lowest value to at least the highest, about four of them; whole
    numbers for counts."""
    low, high = float(min(low, 0)), float(max(high, 0))
    rough = (high - low) / 4 or 1
    magnitude = 10 ** math.floor(math.log10(rough))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= rough)
    if whole:
        step = max(1, math.ceil(step))
    first = math.floor(low / step) * step
    last = math.ceil(high / step) * step
    ticks = [first + n * step for n in range(round((last - first) / step) + 1)]
    ticks = [int(t) if float(t).is_integer() else round(t, 10) for t in ticks]
    if rank:
        ticks = [1] + [t for t in ticks if t > 1]
    return ticks


def chart_svg(series: list[dict], unit: str, language: str) -> str:
    """A small bar chart (pygal) of an indicator's yearly values, oldest first, as inline SVG;
    a missing year is an empty slot, not a zero bar. "" when there is nothing to draw.
    The same data gives the same SVG (no random id, no date)."""
    values = [s["value"] if isinstance(s["value"], int | float) else None for s in series]
    if all(v is None for v in values):
        return ""
    style = pygal.style.Style(
        background="white",
        plot_background="white",
        colors=(ESPOO_BLUE,),
        font_family="Fira Sans, sans-serif",
        label_font_size=13,
        major_label_font_size=13,
    )
    numbers = [v for v in values if v is not None]
    rank = unit == "rank"
    ticks = (
        [0, 1, 2, 3, 4, 5]  # a scale 1–5 is drawn whole
        if unit == "scale" and min(numbers) >= 0 and max(numbers) <= 5
        else _ticks(
            min(numbers), max(numbers), whole=unit in ("count", "persons", "rank"), rank=rank
        )
    )
    # A rank is a place (1 at the top): a line through the years, not bars hanging down.
    chart = (pygal.Line if rank else pygal.Bar)(
        js=[],
        width=520,
        height=200,
        style=style,
        show_legend=False,
        show_x_guides=False,
        print_values=False,
        margin=6,
        margin_top=12,
        spacing=8,
        y_labels_major_every=1,
        disable_xml_declaration=True,
        explicit_size=False,
        value_formatter=lambda v: format_number(v, language),
        inverse_y_axis=rank,
        range=(ticks[0], ticks[-1]),
        dots_size=4,
        allow_interruptions=True,
    )
    chart.y_labels = ticks
    chart.x_labels = [str(s["year"]) for s in series]
    chart.add("", values)
    return _paper_svg(chart.render(is_unicode=True))


# --- the document ---------------------------------------------------------------------------


def _context(data: dict, language: str, draft: bool) -> dict:
    local = localise(data, language)
    for goal in local.get("goals", []):
        for objective in goal["objectives"]:
            for indicator in objective["indicators"]:
                indicator["chart"] = (
                    mark_safe(chart_svg(indicator["series"], indicator["unit"], language))  # noqa: S308 - pygal's SVG of our numbers
                    if indicator["unit"] != "text"
                    else ""
                )
    return {"data": local, "draft": draft, "language": language, "draft_mark": DRAFT_MARK}


def render_report_html(data: dict, language: str, *, draft: bool) -> str:
    with translation.override(language):
        return render_to_string("reports/pdf/report.html", _context(data, language, draft))


_FETCHER_CLASS = []  # built on first use: WeasyPrint loads Pango when it is imported


def project_files_fetcher():
    """A WeasyPrint URL fetcher that serves only the files under reports/static/reports/ and
    refuses every other URL (other files, http(s), data:, ftp ...); `.refused` lists what it
    refused."""
    if not _FETCHER_CLASS:
        from weasyprint.urls import URLFetcher, URLFetcherResponse

        class ProjectFilesFetcher(URLFetcher):
            def __init__(self):
                super().__init__(allowed_protocols={"file"})
                self.refused = []

            def fetch(self, url, headers=None):
                path = _allowed_path(url)
                if path is None:
                    self.refused.append(url)
                    raise ValueError(f"The report loads only its own files, not {url[:200]}")
                return URLFetcherResponse(
                    path.as_uri(), body=path.read_bytes(), headers={"Content-Type": _mime(path)}
                )

        _FETCHER_CLASS.append(ProjectFilesFetcher)
    return _FETCHER_CLASS[0]()


def _allowed_path(url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    try:
        path = Path(unquote(parts.path)).resolve()
    except (OSError, ValueError):
        return None
    if not path.is_relative_to(STATIC_DIR) or not path.is_file():
        return None
    return path


_MIME = {".css": "text/css", ".woff2": "font/woff2", ".svg": "image/svg+xml", ".png": "image/png"}


def _mime(path: Path) -> str:
    return _MIME.get(path.suffix, "application/octet-stream")


def print_pdf(html: str) -> bytes:
    """The report's HTML printed by WeasyPrint in this process (tagged PDF/UA-1), fetching
    only the project's own report files."""
    from weasyprint import HTML  # imported late: WeasyPrint loads Pango on import

    document = HTML(
        string=html, base_url=STATIC_DIR.as_uri() + "/", url_fetcher=project_files_fetcher()
    )
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True, uncompressed_pdf=False)


def render_report_pdf(data: dict, language: str, *, draft: bool) -> bytes:
    """The report as PDF bytes. The printing (WeasyPrint, most of the time) runs in a child
    process at niceness settings.REPORT_NICE (19 by default), so web pages keep the CPU they
    need meanwhile (issue 12); REPORT_NICE=0 prints in this process."""
    from django.conf import settings

    html = render_report_html(data, language, draft=draft)
    nice = settings.REPORT_NICE
    return print_pdf_in_child(html, nice=nice) if nice else print_pdf(html)
