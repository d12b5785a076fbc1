"""Rendering and sending the request e-mails (called from Celery tasks)."""

import datetime

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation

from espoo_intl.models import User

from .choices import ItemStatus, RequestState
from .models import VisitRequest

__all__ = ["send_request_messages", "remind_upcoming"]


def _render(message: str, request: VisitRequest, language: str, context: dict) -> tuple[str, str]:
    with translation.override(language):
        ctx = {
            "request": request,
            "url": settings.PORTAL_URL.rstrip("/") + request.get_absolute_url(),
            "from_state": RequestState(context["frm"]).label if context.get("frm") else "",
            **context,
        }
        subject = render_to_string(f"visits/email/{message}_subject.txt", ctx).strip()
        body = render_to_string(f"visits/email/{message}.txt", ctx)
    return " ".join(subject.split()), body


def send_request_messages(message, request_id, user_ids, addresses, context) -> int:
    """One e-mail per recipient, in the recipient's language. People who may not see
    the request (a confidential one) get nothing. Returns how many were sent."""
    request = VisitRequest.objects.filter(pk=request_id).first()
    if request is None:
        return 0
    emails = []
    users = User.objects.filter(pk__in=user_ids, is_active=True).exclude(email="")
    for user in users:
        if not VisitRequest.objects.for_user(user).filter(pk=request.pk).exists():
            continue
        subject, body = _render(message, request, user.language or "fi", context)
        emails.append(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]))
    for address in addresses:  # the international@ mailbox reads Finnish
        subject, body = _render(message, request, settings.LANGUAGE_CODE, context)
        emails.append(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address]))
    if emails:
        get_connection().send_messages(emails)
    return len(emails)


def remind_upcoming(today: datetime.date) -> int:
    """Remind about confirmed visits starting in REMINDER_DAYS_BEFORE days with open items."""
    from . import notifications

    day = today + datetime.timedelta(days=settings.REMINDER_DAYS_BEFORE)
    sent = 0
    for request in VisitRequest.objects.filter(state=RequestState.CONFIRMED, proposed_start=day):
        open_items = request.checklist.filter(status=ItemStatus.OPEN).count()
        if open_items:
            notifications.reminder(request, open_items)
            sent += 1
    return sent
