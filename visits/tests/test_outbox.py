"""A broker outage never turns a committed save into an error: the notice waits in the
outbox (espoo_intl/outbox.py) and is sent once when the broker is back."""

import json
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.utils import timezone

from espoo_intl.outbox import OutboxMessage, outbox_enqueue, sweep
from espoo_intl.testing import broker_unreachable
from visits.mail import send_request_email
from visits.models import VisitRequest
from visits.tests.test_request_pages import NEW_REQUEST, SUBJECT


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_request_saved_while_the_broker_is_down_is_kept_and_its_notice_queued(
    client_for, staff, kv
):
    client = client_for(staff)
    client.cookies["django_language"] = "en"

    with broker_unreachable():  # commits for real: the notice is handed over in the view
        response = client.post("/requests/new/", NEW_REQUEST)

    assert response.status_code == 302
    visit_request = VisitRequest.objects.get(subject=SUBJECT)
    assert response["Location"] == visit_request.get_absolute_url()
    [pending] = OutboxMessage.objects.filter(sent_at__isnull=True)
    assert pending.task_name == send_request_email.name
    assert pending.attempts == 1 and pending.last_error
    assert mail.outbox == []
    html = client.get(response["Location"]).content.decode()
    assert "The notification is queued" in html
    health = client.get("/healthz")
    assert health.status_code == 200
    assert json.loads(health.content)["outbox_pending"] == 1

    # The broker is back: the beat sweep hands it over, and it is sent once.
    assert sweep() == 1, OutboxMessage.objects.get().last_error
    assert recipients() == sorted([kv.email, settings.INTERNATIONAL_MAILBOX])
    assert sweep() == 0
    assert len(mail.outbox) == 2
    pending.refresh_from_db()
    assert pending.sent_at and pending.done_at
    assert json.loads(client.get("/healthz").content)["outbox_pending"] == 0


def test_healthz_says_the_broker_is_down_and_how_many_messages_wait(
    client, django_capture_on_commit_callbacks, staff, kv
):
    with broker_unreachable():
        with django_capture_on_commit_callbacks(execute=True):
            outbox_enqueue(send_request_email.name, "new_request", 0, [kv.pk], [], {})
        response = client.get("/healthz")

    body = json.loads(response.content)
    assert response.status_code == 503
    assert body["broker"] == "error"
    assert body["outbox_pending"] == 1
    assert body["outbox_oldest_seconds"] >= 0


def test_a_message_handed_over_twice_is_sent_once(django_capture_on_commit_callbacks, staff, kv):
    from visits.tests.request_factories import VisitRequestFactory

    visit_request = VisitRequestFactory()
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox_enqueue(
            send_request_email.name, "new_request", visit_request.pk, [kv.pk], [], {}
        )
    assert recipients() == [kv.email]

    OutboxMessage.objects.filter(pk=message.pk).update(sent_at=None)  # as if never handed over
    sweep()

    assert recipients() == [kv.email]


def test_delivered_messages_are_deleted_after_a_week(kv):
    OutboxMessage.objects.create(task_name="x", done_at=timezone.now() - timedelta(days=8))
    kept = OutboxMessage.objects.create(task_name="x", done_at=timezone.now() - timedelta(days=6))

    sweep()

    assert list(OutboxMessage.objects.all()) == [kept]


def test_a_task_queued_in_a_rolled_back_transaction_never_runs(
    django_capture_on_commit_callbacks, kv
):
    from visits.tests.request_factories import VisitRequestFactory

    visit_request = VisitRequestFactory()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        outbox_enqueue(send_request_email.name, "new_request", visit_request.pk, [kv.pk], [], {})
        raise RuntimeError("the save failed")

    assert callbacks == []
    assert not OutboxMessage.objects.exists()
    assert sweep() == 0
    assert mail.outbox == []


def test_a_message_the_broker_lost_is_handed_over_again_and_sent_once(
    django_capture_on_commit_callbacks, settings, kv
):
    """Redis restarted without persistence forgets what it held: a row handed over long ago
    and still not done goes again; one handed over just now is left to the broker."""
    from visits.tests.request_factories import VisitRequestFactory

    visit_request = VisitRequestFactory()
    with broker_unreachable(), django_capture_on_commit_callbacks(execute=True):
        lost = outbox_enqueue(send_request_email.name, "new_request", visit_request.pk, [kv.pk], [], {})  # fmt: skip
    long_ago = timezone.now() - timedelta(seconds=settings.OUTBOX_REDELIVER_SECONDS + 1)
    OutboxMessage.objects.filter(pk=lost.pk).update(sent_at=long_ago)
    recent = OutboxMessage.objects.create(
        task_name=send_request_email.name,
        args=["new_request", visit_request.pk, [kv.pk], [], {}],
        sent_at=timezone.now(),
    )

    assert sweep() == 1
    assert recipients() == [kv.email]
    lost.refresh_from_db()
    assert lost.done_at is not None
    recent.refresh_from_db()
    assert recent.done_at is None

    settings.OUTBOX_MAX_ATTEMPTS = recent.attempts  # given up on after that many hand-overs
    assert sweep(redeliver_after_seconds=0) == 0
    assert recipients() == [kv.email]
