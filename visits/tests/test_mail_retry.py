"""A refused SMTP connection is retried, not lost (issue 8: Celery reliability)."""

import smtplib

import pytest
from django.conf import settings
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from espoo_intl import celery_app
from visits.tasks import send_request_email

from .request_factories import VisitRequestFactory

pytestmark = pytest.mark.django_db


class FailsFirstBackend(EmailBackend):
    """Test-only: the first `failures` sends raise the given error, later ones deliver."""

    failures: list = []

    def send_messages(self, messages):
        if FailsFirstBackend.failures:
            raise FailsFirstBackend.failures.pop(0)
        return super().send_messages(messages)


@pytest.fixture
def flaky_smtp(settings):
    """The failing backend, and eager tasks that report their failure in the result instead
    of raising at once: Celery re-runs an eager task's retries only when it does not raise."""
    settings.EMAIL_BACKEND = f"{__name__}.FailsFirstBackend"
    propagates = celery_app.conf.task_eager_propagates
    celery_app.conf.task_eager_propagates = False
    yield FailsFirstBackend.failures
    celery_app.conf.task_eager_propagates = propagates
    FailsFirstBackend.failures.clear()


def send(visit_request):
    return send_request_email.delay(
        "new_request", visit_request.pk, [], [settings.INTERNATIONAL_MAILBOX], {}
    ).get()


def test_a_refused_connection_is_retried_and_the_email_goes_out(flaky_smtp):
    flaky_smtp.append(ConnectionRefusedError(111, "Connection refused"))
    visit_request = VisitRequestFactory(subject="Retried request")

    assert send(visit_request) == 1

    assert [m.to for m in mail.outbox] == [[settings.INTERNATIONAL_MAILBOX]]
    assert "Retried request" in mail.outbox[0].subject
    assert flaky_smtp == []


def test_a_temporary_smtp_error_and_a_timeout_are_retried_too(flaky_smtp):
    flaky_smtp.extend([smtplib.SMTPServerDisconnected("gone"), TimeoutError("timed out")])
    assert send(VisitRequestFactory()) == 1
    assert len(mail.outbox) == 1


def test_a_refused_recipient_is_not_retried(flaky_smtp):
    refused = smtplib.SMTPRecipientsRefused({"x@example.org": (550, b"no such user")})
    flaky_smtp.append(refused)
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        send(VisitRequestFactory())
    assert mail.outbox == []


def test_the_email_task_retries_transient_errors_with_backoff_and_jitter():
    assert ConnectionError in send_request_email.autoretry_for
    assert TimeoutError in send_request_email.autoretry_for
    assert send_request_email.retry_backoff is True
    assert send_request_email.retry_jitter is True
    assert 0 < send_request_email.max_retries < 20
