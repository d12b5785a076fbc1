"""Rendering and sending the submission e-mails, and the Celery task that sends them."""

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation

from espoo_intl.celery import RETRY_TRANSIENT
from espoo_intl.models import User

from .models import Submission

__all__ = ["send_submission_email"]


def _render(message: str, submission: Submission, language: str) -> tuple[str, str]:
    with translation.override(language):
        ctx = {
            "submission": submission,
            "period": submission.period,
            "url": settings.PORTAL_URL.rstrip("/") + submission.get_absolute_url(),
        }
        subject = render_to_string(f"metrics/email/{message}_subject.txt", ctx).strip()
        body = render_to_string(f"metrics/email/{message}.txt", ctx)
    return " ".join(subject.split()), body


@shared_task(name="metrics.tasks.send_submission_email", **RETRY_TRANSIENT)
def send_submission_email(message: str, submission_id: int, user_ids) -> int:
    """One e-mail per recipient, in the recipient's language; returns how many were sent."""
    submission = (
        Submission.objects.select_related("period", "provider").filter(pk=submission_id).first()
    )
    if submission is None:
        return 0
    emails = []
    for user in User.objects.filter(pk__in=user_ids, is_active=True).exclude(email=""):
        subject, body = _render(message, submission, user.language or "fi")
        emails.append(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]))
    if emails:
        get_connection().send_messages(emails)
    return len(emails)
