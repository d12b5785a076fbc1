"""The report's printing in a child process at a low CPU priority (issue 12: the web pages'
p95 within 2x while the report compiles).

WeasyPrint is about 91 % of a compile and holds a core for up to a minute. The parent
(a Celery pool process, or `manage.py compile_report`) keeps its own priority for the tasks
that follow; it starts `python -m reports.print_child NICE PARENT_PID`, which lowers its
own priority first, reads the HTML on stdin and answers one JSON line (its niceness, time
and peak memory, or the error) followed by the PDF bytes on stdout. A pure boundary: HTML
in, PDF bytes out, nothing of Django's settings or the database in the child; the child
prints with reports.render.print_pdf, so it fetches only the project's own report files.

No hung or orphaned child: the parent waits at most CELERY_TASK_TIME_LIMIT seconds and kills
the child on any exception (the task's soft time limit included); the child exits when its
parent dies (a worker killed with SIGKILL), and it stays in the parent's process group.
"""

import json
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

__all__ = ["ReportPrintError", "print_pdf_in_child"]

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parent.parent  # the project: `-m reports.print_child` from here


class ReportPrintError(Exception):
    """The printing child failed; the message says why (the child's own error when it had
    one). Not transient: the version is recorded as failed with this message."""


def print_pdf_in_child(html: str, *, nice: int, timeout: float | None = None) -> bytes:
    """`html` printed to PDF bytes by a child process at niceness `nice` (or the parent's own,
    if that is lower priority already). Raises ReportPrintError with the child's error, or
    saying how it ended (killed, timed out)."""
    if timeout is None:
        from django.conf import settings

        timeout = settings.CELERY_TASK_TIME_LIMIT
    command = [sys.executable, "-m", "reports.print_child", str(nice), str(os.getpid())]
    try:
        done = subprocess.run(
            command,
            input=html.encode("utf-8"),
            capture_output=True,
            cwd=ROOT,
            timeout=timeout,
            check=False,
        )  # on any exception (a soft time limit too) run() kills the child and waits for it
    except subprocess.TimeoutExpired:
        raise ReportPrintError(f"The printing took longer than {timeout:g} s.") from None
    header, _, pdf = done.stdout.partition(b"\n")
    try:
        status = json.loads(header)
    except ValueError:
        status = {}
    said = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode or "error" in status or not pdf.startswith(b"%PDF"):
        raise ReportPrintError(status.get("error") or _how_it_ended(done.returncode, said))
    if said:  # WeasyPrint's warnings (a refused URL, a missing glyph)
        log.warning("reports: the printing process said: %s", said[-2000:])
    log.info(
        "reports: printed %s bytes in a child process at nice %s in %.1f s, peak %.0f MB",
        len(pdf), status.get("nice"), status.get("seconds", 0), status.get("peak_mb", 0),
        extra={"printing": status},
    )  # fmt: skip
    return pdf


def _how_it_ended(returncode: int, said: str) -> str:
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        hint = " (out of memory?)" if name == "SIGKILL" else ""
        return f"The printing process was stopped by {name}{hint}."
    last = said.splitlines()[-1] if said else "no output"
    return f"The printing process ended with exit code {returncode}: {last[:500]}"
