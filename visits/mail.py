"""Rendering and sending the request e-mails, and the Celery task that sends them.

notifications.py decides who is told what and enqueues `send_request_email`; this module
imports nothing of notifications, so mail -> notifications -> tasks -> mail is no cycle."""

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation

from espoo_intl.celery import RETRY_TRANSIENT
from espoo_intl.models import User

from .choices import RequestState
from .models import VisitRequest

__all__ = ["send_request_messages", "send_request_email"]


def _render(
    message: str, visit_request: VisitRequest, language: str, context: dict
) -> tuple[str, str]:
    with translation.override(language):
        ctx = {
            "visit_request": visit_request,
            "url": settings.PORTAL_URL.rstrip("/") + visit_request.get_absolute_url(),
            "from_state": RequestState(context["frm"]).label if context.get("frm") else "",
            **context,
        }
        subject = render_to_string(f"visits/email/{message}_subject.txt", ctx).strip()
        body = render_to_string(f"visits/email/{message}.txt", ctx)
    return " ".join(subject.split()), body


def send_request_messages(message, visit_request_id, user_ids, addresses, context) -> int:
    """One e-mail per recipient, in the recipient's language. People who may not see
    the request (a confidential one) get nothing. Returns how many were sent."""
    visit_request = VisitRequest.objects.filter(pk=visit_request_id).first()
    if visit_request is None:
        return 0
    emails = []
    users = User.objects.filter(pk__in=user_ids, is_active=True).exclude(email="")
    for user in users:
        if not VisitRequest.objects.for_user(user).filter(pk=visit_request.pk).exists():
            continue
        subject, body = _render(message, visit_request, user.language or "fi", context)
        emails.append(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]))
    for address in addresses:  # the international@ mailbox reads Finnish
        subject, body = _render(message, visit_request, settings.LANGUAGE_CODE, context)
        emails.append(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address]))
    if emails:
        get_connection().send_messages(emails)
    return len(emails)


# Named as when it lived in tasks.py, so messages already queued still find it.
@shared_task(name="visits.tasks.send_request_email", **RETRY_TRANSIENT)
def send_request_email(message: str, visit_request_id: int, user_ids, addresses, context) -> int:
    return send_request_messages(message, visit_request_id, user_ids, addresses, context)
