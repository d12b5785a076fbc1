"""The report is printed by a child process at the lowest CPU priority (issue 12), so pages
stay quick while it compiles and the worker keeps its own priority: the child's niceness is
read from the kernel while it prints; a child that fails ends the version as failed with the
child's message; the child fetches only the report's own files, as the worker did."""

import logging
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from reports import services
from reports.models import ReportState
from reports.printing import ReportPrintError, print_pdf_in_child
from reports.tasks import compile_report
from reports.tests.factories import period

pytestmark = pytest.mark.django_db


def _printing_child() -> int | None:
    """The pid of this process's printing child (`python -m reports.print_child`), if any."""
    me = os.getpid()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) != me:
                continue
            if b"reports.print_child" in (stat.parent / "cmdline").read_bytes():
                return int(stat.parent.name)
        except (OSError, IndexError, ValueError):
            continue
    return None


class ChildWatch(threading.Thread):
    """Looks for the printing child while the job runs and reads its niceness from the kernel
    until it is `nice`; with `kill`, then SIGKILLs it (as the out-of-memory killer would)."""

    def __init__(self, nice: int, *, kill: bool = False):
        super().__init__(daemon=True)
        self.nice, self.kill, self.seen, self.killed = nice, kill, None, False

    def run(self):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            pid = _printing_child()
            try:
                self.seen = os.getpriority(os.PRIO_PROCESS, pid) if pid else self.seen
            except OSError:  # it ended meanwhile
                continue
            if pid and self.seen == self.nice:
                if self.kill:
                    os.kill(pid, signal.SIGKILL)
                    self.killed = True
                return
            time.sleep(0.005)


def _version(kv):
    period(2025, approved=True, actor=kv)
    version, _ = services.report_request(
        year=2025, language="fi", final=True, actor=kv, enqueue=False
    )
    return version


@pytest.mark.parametrize("nice", [19, 10])
def test_the_report_is_printed_by_a_child_at_the_configured_niceness(kv, settings, caplog, nice):
    settings.REPORT_NICE = nice
    own = os.getpriority(os.PRIO_PROCESS, 0)
    expected = max(nice, own)  # a worker started with nice already is never raised
    version = _version(kv)
    watch = ChildWatch(expected)
    watch.start()
    with caplog.at_level(logging.INFO, logger="reports.printing"):
        assert compile_report.apply(args=[version.pk]).get() == ReportState.DONE
    watch.join(timeout=5)
    assert watch.seen == expected  # the kernel's view of the child
    [printed] = [r.printing for r in caplog.records if hasattr(r, "printing")]
    assert printed["nice"] == expected  # the child's own view of itself
    assert os.getpriority(os.PRIO_PROCESS, 0) == own  # the worker's tasks after it: unchanged
    version.refresh_from_db()
    with version.pdf.open("rb") as handle:
        assert handle.read().startswith(b"%PDF")


def test_a_printing_child_killed_fails_the_version_with_the_reason(kv, settings):
    settings.REPORT_NICE = 19
    version = _version(kv)
    watch = ChildWatch(max(19, os.getpriority(os.PRIO_PROCESS, 0)), kill=True)
    watch.start()
    assert compile_report.apply(args=[version.pk]).get() == ReportState.FAILED
    watch.join(timeout=5)
    assert watch.killed
    version.refresh_from_db()
    assert version.state == ReportState.FAILED and not version.pdf
    assert version.failure_reason == "The printing process was stopped by SIGKILL (out of memory?)."


def test_an_error_in_the_child_comes_back_with_its_message():
    with pytest.raises(ReportPrintError, match=r"^RecursionError: maximum recursion depth"):
        print_pdf_in_child("<div>" * 3000 + "deep", nice=19)  # WeasyPrint's own error


def test_the_child_fetches_only_the_reports_own_files(caplog):
    html = '<html lang="en"><p>Hi</p><img src="file:///etc/passwd"><img src="http://169.254.169.254/"></html>'  # fmt: skip
    with caplog.at_level(logging.WARNING, logger="reports.printing"):
        pdf = print_pdf_in_child(html, nice=19)
    assert pdf.startswith(b"%PDF")
    said = " ".join(r.getMessage() for r in caplog.records)
    assert "not file:///etc/passwd" in said and "not http://169.254.169.254/" in said
