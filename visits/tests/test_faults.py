"""Faults with a real Celery worker, a real redis-server and a real SMTP server (issue 8):
a worker killed mid-task, Redis restarted with tasks queued, a task queued in a rolled-back
transaction, and Redis down while people save. Each ends with every notice of a visit
request delivered exactly once. The harness is espoo_intl/tests/worker.py.

The worker runs in its own process and reads the test's committed rows: PostgreSQL (CI), or
SQLite with a file test database (SQLITE_TEST_FILE=var/test.sqlite3); on the default
in-memory SQLite test database these tests are skipped."""

import json
from collections import Counter

import pytest
from django.conf import settings
from django.db import transaction

from espoo_intl.outbox import OutboxMessage
from espoo_intl.tests.worker import LIMIT, require_worker, wait_until
from visits import notifications
from visits.models import VisitRequest
from visits.tests.test_request_pages import NEW_REQUEST
from visits.tests.test_visit_forms import in_language

from .request_factories import VisitRequestFactory

require_worker()

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("worker_database"),  # skips before starting anything on SQLite
]

# Short limits keep a killed task's wait bounded: the mail server's timeout under the soft
# time limit, under the hard limit, under the broker's visibility timeout (after which a
# worker takes back a task whose worker died); abandoned tasks looked for every second.
WORKER = {
    "EMAIL_TIMEOUT": 5,
    "CELERY_TASK_SOFT_TIME_LIMIT": 8,
    "CELERY_TASK_TIME_LIMIT": 10,
    "CELERY_BROKER_VISIBILITY_TIMEOUT": 12,
    "CELERY_BROKER_RESTORE_INTERVAL": 1,
}
# With beat: the outbox sweep every second, and a message handed over 2 s ago but not done
# counts as lost.
SWEEPING = {**WORKER, "OUTBOX_SWEEP_SECONDS": 1, "OUTBOX_REDELIVER_SECONDS": 2}


def new_request(subject: str) -> dict:
    return {**NEW_REQUEST, "subject": subject}


def expected(kv, *subjects) -> Counter:
    """One message to kv-tiimi and one to the international mailbox per request."""
    return Counter(
        (address, subject)
        for subject in subjects
        for address in (kv.email, settings.INTERNATIONAL_MAILBOX)
    )


def delivered(smtp_server) -> Counter:
    """(recipient, request subject) of every message the SMTP server received."""
    subjects = set(VisitRequest.objects.values_list("subject", flat=True))
    return Counter(
        (recipient, next((s for s in subjects if s in line), line))
        for recipient, line in smtp_server.messages
    )


def all_done() -> bool:
    return not OutboxMessage.objects.filter(done_at__isnull=True).exists()


def test_a_worker_killed_mid_task_sends_the_notice_once_after_its_pool_process_restarts(
    client_for, staff, kv, redis_server, smtp_server, start_worker
):
    worker = start_worker(**WORKER)
    with smtp_server.hold(connections=1):  # the first attempt hangs on the mail server
        response = client_for(staff).post("/requests/new/", new_request("Killed pool process"))
        assert response.status_code == 302
        wait_until(lambda: smtp_server.held, "the worker to reach the mail server")
        worker.kill_pool_process()  # SIGKILL, as the out-of-memory killer would

    wait_until(all_done, "the notice to be sent", timeout=LIMIT)
    worker.stop()

    assert delivered(smtp_server) == expected(kv, "Killed pool process")
    assert redis_server.queued() == 0


def test_a_worker_killed_mid_task_sends_the_notice_once_after_a_new_worker_starts(
    client_for, staff, kv, redis_server, smtp_server, start_worker
):
    worker = start_worker(**WORKER)
    with smtp_server.hold(connections=1):
        response = client_for(staff).post("/requests/new/", new_request("Killed worker"))
        assert response.status_code == 302
        wait_until(lambda: smtp_server.held, "the worker to reach the mail server")
        worker.kill()  # SIGKILL to the whole worker: nothing acknowledged, nothing given back
    assert redis_server.queued() == 1  # still on the broker, taken and not acknowledged

    worker = start_worker(**WORKER)  # takes the task back after the visibility timeout
    wait_until(all_done, "the notice to be sent by the new worker", timeout=LIMIT)
    worker.stop()

    assert delivered(smtp_server) == expected(kv, "Killed worker")
    assert OutboxMessage.objects.get().done_at is not None


@pytest.mark.parametrize(
    "redis_server", [False, True], indirect=True, ids=["no persistence", "append-only file"]
)
def test_notices_queued_when_redis_restarts_all_go_out_once(
    client_for, staff, kv, redis_server, smtp_server, start_worker
):
    client = client_for(staff)
    subjects = [f"Queued across a Redis restart {n}" for n in range(3)]
    for subject in subjects:
        assert client.post("/requests/new/", new_request(subject)).status_code == 302
    assert redis_server.queued() == 3  # handed to Redis, no worker yet
    assert not OutboxMessage.objects.filter(sent_at__isnull=True).exists()

    redis_server.restart()
    # Without persistence Redis has forgotten them; the outbox has not.
    assert redis_server.queued() == (3 if redis_server.persistent else 0)
    worker = start_worker(beat=True, **SWEEPING)
    wait_until(all_done, "every notice to be sent", timeout=LIMIT)
    worker.stop()  # warm: a task in hand (a second hand-over of a message, say) finishes

    assert delivered(smtp_server) == expected(kv, *subjects)


def test_a_task_queued_in_a_rolled_back_transaction_never_runs(
    staff, kv, redis_server, smtp_server, start_worker
):
    worker = start_worker(**WORKER)
    with pytest.raises(RuntimeError), transaction.atomic():
        notifications.new_request(VisitRequestFactory(subject="Rolled back"))
        raise RuntimeError("the save failed")
    assert redis_server.queued() == 0
    assert not OutboxMessage.objects.exists()

    # A request committed after it, in the same queue of the same one-process worker: when
    # its notice is out, anything queued before it would have run.
    with transaction.atomic():
        notifications.new_request(VisitRequestFactory(subject="Committed"))
    wait_until(all_done, "the committed request's notice", timeout=LIMIT)
    worker.stop()

    assert delivered(smtp_server) == expected(kv, "Committed")


def test_while_redis_is_down_saves_succeed_and_the_notices_go_out_once_it_is_back(
    client_for, staff, kv, redis_server, smtp_server, start_worker
):
    redis_server.stop()
    client = in_language(client_for(staff), "en")

    assert client.get("/").status_code == 200
    assert client.get("/requests/").status_code == 200
    response = client.post("/requests/new/", new_request("Saved while Redis was down"))
    assert response.status_code == 302
    visit_request = VisitRequest.objects.get(subject="Saved while Redis was down")
    assert response["Location"] == visit_request.get_absolute_url()
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "The notification is queued" in page.content.decode()
    health = client.get("/healthz")
    assert health.status_code == 503
    assert json.loads(health.content)["outbox_pending"] == 1

    redis_server.start()
    worker = start_worker(beat=True, **SWEEPING)  # the beat sweep hands the notice over
    wait_until(all_done, "the queued notice to be sent", timeout=LIMIT)
    worker.stop()

    assert delivered(smtp_server) == expected(kv, "Saved while Redis was down")
    health = client.get("/healthz")
    assert health.status_code == 200
    assert json.loads(health.content)["outbox_pending"] == 0
