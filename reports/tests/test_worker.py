"""The compile job survives a worker killed mid-compile (issue 11), with a real Celery worker
and a real redis-server (the shared harness, espoo_intl/tests/worker.py): kill -9 the worker
(its whole process group, the printing child included) while the job prints the PDF, start
another, and the version ends done with exactly one PDF, printed by the worker's child
process at low priority.

The worker runs in its own process and reads the test's committed rows: PostgreSQL (CI), or
SQLite with a file test database (SQLITE_TEST_FILE=var/test.sqlite3); skipped otherwise.
"""

from pathlib import Path

import pytest
from django.conf import settings

from espoo_intl.tests.worker import LIMIT, require_worker, wait_until
from metrics.models import Submission, SubmissionState
from reports import services
from reports.models import ReportState, ReportVersion, report_storage
from reports.tests.factories import PDF, period

require_worker()

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("worker_database"),  # skips before starting anything on SQLite
]

DELAY = 5  # seconds the job waits before printing: time to kill the worker mid-compile
# The job's limits under the broker's visibility timeout, which is short so Redis gives a dead
# worker's unacknowledged job to the next worker within seconds instead of an hour.
WORKER = {
    "DJANGO_SETTINGS_MODULE": "reports.tests.worker_settings",
    "REPORT_TEST_DELAY": DELAY,
    "CELERY_TASK_SOFT_TIME_LIMIT": 22,
    "CELERY_TASK_TIME_LIMIT": 25,
    "CELERY_BROKER_VISIBILITY_TIMEOUT": 28,
    "CELERY_BROKER_RESTORE_INTERVAL": 1,
}


def _state(pk: int) -> str:
    return ReportVersion.objects.get(pk=pk).state


def test_a_worker_killed_mid_compile_does_not_lose_the_report(kv, start_worker):
    period(2025, approved=True, actor=kv)
    first = start_worker(MEDIA_ROOT=settings.MEDIA_ROOT, **WORKER)  # this test's own folder
    # enqueued on the harness's Redis when the request's transaction commits
    version, created = services.report_request(year=2025, language="fi", final=True, actor=kv)
    assert created
    wait_until(lambda: _state(version.pk) == ReportState.RENDERING, "the job to start printing")
    first.kill()
    version.refresh_from_db()
    assert version.state == ReportState.RENDERING and not version.pdf  # cut off mid-job

    second = start_worker(MEDIA_ROOT=settings.MEDIA_ROOT, **WORKER)
    ended = (ReportState.DONE, ReportState.FAILED)
    wait_until(lambda: _state(version.pk) in ended, "the job to end", timeout=LIMIT)
    second.stop()
    version.refresh_from_db()
    assert version.state == ReportState.DONE, version.failure_reason or second.log()[-3000:]
    assert version.attempts == 2 and version.final
    assert "printed" in second.log() and "in a child process at nice 19" in second.log()
    files = list((Path(report_storage.location) / "2025" / "fi").glob(f"report-{version.pk}*"))
    assert [f.name for f in files] == [f"report-{version.pk}.pdf"]
    with version.pdf.open("rb") as handle:
        content = handle.read()
    assert content.startswith(b"%PDF") and content != PDF
    assert Submission.objects.filter(state=SubmissionState.APPROVED).exists()
