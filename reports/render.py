"""The report document (issue 11): a pure function of the gathered data and the language.

`render_report_html(data, language, draft=...)` gives the HTML; `render_report_pdf(...)` prints
it with WeasyPrint, which may fetch only the project's own files (see `url_fetcher`).
"""

from django.template.loader import render_to_string
from django.utils import translation

__all__ = ["render_report_html", "render_report_pdf"]


def render_report_html(data: dict, language: str, *, draft: bool) -> str:
    with translation.override(language):
        return render_to_string(
            "reports/pdf/report.html", {"data": data, "draft": draft, "language": language}
        )


def render_report_pdf(data: dict, language: str, *, draft: bool) -> bytes:
    from weasyprint import HTML  # imported late: WeasyPrint loads Pango on import

    html = render_report_html(data, language, draft=draft)
    return HTML(string=html).write_pdf()
