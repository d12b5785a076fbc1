"""The compile job survives a worker killed mid-compile (issue 11), with a real Celery worker
and a real redis-server: kill -9 the worker (its whole process group) while the job prints
the PDF, start another, and the version ends done with exactly one PDF.

Needs PostgreSQL (the worker is another process and must share the test database; SQLite's
test database lives in this process's memory) and Redis: its own redis-server on
127.0.0.1:$REPORT_WORKER_REDIS_PORT (6392), or REDIS_URL when redis-server is not installed.
CI (CI=true) has both; elsewhere the test skips, saying why.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from espoo_intl import celery_app
from metrics.models import Submission, SubmissionState
from reports import services
from reports.models import ReportState, ReportVersion, report_storage
from reports.tests.factories import PDF, period

ROOT = Path(__file__).resolve().parents[2]
PORT = int(os.environ.get("REPORT_WORKER_REDIS_PORT", "6392"))
DELAY = 8  # seconds the worker spends "rendering": time enough to kill it
WAIT = 120  # seconds at most for any one step (worker start, redelivery, finishing)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _missing() -> str:
    if connection.vendor != "postgresql":
        return (
            "the worker test needs PostgreSQL (DATABASE_URL): a worker process cannot reach "
            "SQLite's in-memory test database"
        )
    if not shutil.which("redis-server") and not os.environ.get("REDIS_URL"):
        return "the worker test needs redis-server (or REDIS_URL)"
    return ""


@pytest.fixture
def redis_url(tmp_path):
    """This test's own redis-server (stopped afterwards), or REDIS_URL without one."""
    if missing := _missing():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true: {missing}", pytrace=False)
        pytest.skip(missing)
    if not shutil.which("redis-server"):
        yield os.environ["REDIS_URL"]
        return
    server = subprocess.Popen(
        ["redis-server", "--port", str(PORT), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        _until(lambda: _answers(PORT), "redis-server to answer")
        yield f"redis://127.0.0.1:{PORT}/0"
    finally:
        server.terminate()
        server.wait(timeout=30)


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _until(condition, what: str, timeout: float = WAIT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.3)
    pytest.fail(f"waited {timeout} s for {what}")


@contextmanager
def _broker(url: str):
    """Tasks from this process go to the real broker (no eager mode) inside the block."""
    conf = celery_app.conf
    saved = (conf.broker_url, conf.broker_transport_options, conf.task_always_eager)
    conf.broker_url, conf.broker_transport_options, conf.task_always_eager = url, {}, False
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    try:
        yield
    finally:
        conf.broker_url, conf.broker_transport_options, conf.task_always_eager = saved
        celery_app._pool = None
        celery_app.amqp._producer_pool = None


def _start_worker(redis_url: str, log: Path) -> subprocess.Popen:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("CELERY_TASK_ALWAYS_EAGER", "DJANGO_SETTINGS_MODULE")
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "reports.tests.worker_settings",
        "REPORT_WORKER_DB_NAME": connection.settings_dict["NAME"],
        "REPORT_TEST_DELAY": str(DELAY),
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),  # this test's own folder (conftest.py)
    }
    command = [
        sys.executable, "-m", "celery", "-A", "espoo_intl", "worker", "--pool=prefork",
        "--concurrency=1", "--loglevel=INFO", "--without-gossip", "--without-mingle",
        "--without-heartbeat", "-n", f"reportjob-{uuid.uuid4().hex[:8]}@%h",
    ]  # fmt: skip
    with log.open("ab") as out:
        # Its own process group: kill -9 takes the pool's child process too, as a lost machine would.
        return subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def _kill(worker: subprocess.Popen, sig=signal.SIGKILL) -> None:
    try:
        os.killpg(worker.pid, sig)
    except ProcessLookupError:
        return
    worker.wait(timeout=60)


def _state(pk: int) -> str:
    return ReportVersion.objects.get(pk=pk).state


def test_a_worker_killed_mid_compile_does_not_lose_the_report(kv, redis_url, tmp_path):
    period(2025, approved=True, actor=kv)
    log = tmp_path / "worker.log"
    first = _start_worker(redis_url, log)
    second = None
    try:
        with _broker(redis_url):
            version, created = services.report_request(
                year=2025, language="fi", final=True, actor=kv
            )  # enqueued when the request's transaction commits
        assert created
        _until(lambda: _state(version.pk) == ReportState.RENDERING, "the job to start printing")
        _kill(first)
        version.refresh_from_db()
        assert version.state == ReportState.RENDERING and not version.pdf  # cut off mid-job

        second = _start_worker(redis_url, log)
        _until(
            lambda: _state(version.pk) in (ReportState.DONE, ReportState.FAILED), "the job to end"
        )
    finally:
        for worker in (first, second):
            if worker is not None:
                _kill(worker, signal.SIGTERM)
    version.refresh_from_db()
    assert version.state == ReportState.DONE, log.read_text()[-3000:]
    assert version.attempts == 2 and version.final
    files = list((Path(report_storage.location) / "2025" / "fi").glob(f"report-{version.pk}*"))
    assert [f.name for f in files] == [f"report-{version.pk}.pdf"]
    with version.pdf.open("rb") as handle:
        content = handle.read()
    assert content.startswith(b"%PDF") and content != PDF
    assert Submission.objects.filter(state=SubmissionState.APPROVED).exists()
