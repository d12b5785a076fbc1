"""`manage.py compile_report --year 2025 --lang fi --out report.pdf [--draft]`: the annual
report as a PDF from the command line (operations, tests), without a worker."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports.gather import LANGUAGES, gather_report_data, input_digest
from reports.render import render_report_html, render_report_pdf


class Command(BaseCommand):
    help = "Compile the annual international activity report of a year as a PDF."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--lang", choices=LANGUAGES, default="fi")
        parser.add_argument("--out", required=True, help="the PDF file to write")
        parser.add_argument("--draft", action="store_true", help="mark every page as a draft")
        parser.add_argument("--html", help="also write the HTML the PDF is printed from")

    def handle(self, *args, year, lang, out, draft, html=None, **options):
        if not 2000 <= year <= 2100:
            raise CommandError("Give a year between 2000 and 2100.")
        started = time.monotonic()
        data = gather_report_data(year)
        gathered = time.monotonic()
        if html:
            Path(html).write_text(render_report_html(data, lang, draft=draft), encoding="utf-8")
        pdf = render_report_pdf(data, lang, draft=draft)
        try:
            Path(out).write_bytes(pdf)
        except OSError as error:
            raise CommandError(f"Cannot write {out}: {error.strerror}") from None
        self.stdout.write(
            f"{out}: {len(pdf)} bytes, year {year}, {lang}{', draft' if draft else ''}, "
            f"inputs {input_digest(data)[:12]}; gathered in {gathered - started:.1f} s, "
            f"printed in {time.monotonic() - gathered:.1f} s"
        )
