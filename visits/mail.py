"""Rendering and sending the visit and request e-mails, and the Celery tasks that send them.

notifications.py decides who is told what and enqueues `send_request_email` or
`send_visit_email`; this module imports nothing of notifications, so mail -> notifications
-> tasks -> mail is no cycle."""

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation

from espoo_intl.celery import RETRY_TRANSIENT
from espoo_intl.models import User

from .choices import ProtocolParty, RequestState
from .models import ProtocolRule, Visit, VisitRequest

__all__ = ["send_request_messages", "send_request_email", "send_visit_messages", "send_visit_email"]


def _render(message: str, record, name: str, language: str, context: dict) -> tuple[str, str]:
    with translation.override(language):
        ctx = {
            name: record,
            "url": settings.PORTAL_URL.rstrip("/") + record.get_absolute_url(),
            "from_state": RequestState(context["frm"]).label if context.get("frm") else "",
            **context,
        }
        subject = render_to_string(f"visits/email/{message}_subject.txt", ctx).strip()
        body = render_to_string(f"visits/email/{message}.txt", ctx)
    return " ".join(subject.split()), body


def _deliver(message: str, record, name: str, user_ids, addresses, context) -> int:
    """One e-mail per recipient, in the recipient's language. People who may not see the
    record (a confidential one) get nothing. Returns how many were sent."""
    readable = type(record).objects.filter(pk=record.pk)
    emails = []
    users = User.objects.filter(pk__in=user_ids, is_active=True).exclude(email="")
    for user in users:
        if not readable.for_user(user).exists():
            continue
        subject, body = _render(message, record, name, user.language or "fi", context)
        emails.append(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]))
    for address in addresses:  # the international@ mailbox reads Finnish
        subject, body = _render(message, record, name, settings.LANGUAGE_CODE, context)
        emails.append(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address]))
    if emails:
        get_connection().send_messages(emails)
    return len(emails)


def send_request_messages(message, visit_request_id, user_ids, addresses, context) -> int:
    visit_request = VisitRequest.objects.filter(pk=visit_request_id).first()
    if visit_request is None:
        return 0
    return _deliver(message, visit_request, "visit_request", user_ids, addresses, context)


def send_visit_messages(message, visit_id, user_ids, addresses, context) -> int:
    """A visit's e-mail; it names the protocol parties the visit's rank requires (the
    matrix as it stands when the e-mail is sent)."""
    visit = Visit.objects.select_related("host_unit__parent", "responsible").filter(pk=visit_id)
    visit = visit.first()
    if visit is None:
        return 0
    parties = [ProtocolParty(p).label for p in ProtocolRule.parties_for(visit.dignitary_rank)]
    context = {**context, "parties": parties}
    return _deliver(message, visit, "visit", user_ids, addresses, context)


# Named as when it lived in tasks.py, so messages already queued still find it.
@shared_task(name="visits.tasks.send_request_email", **RETRY_TRANSIENT)
def send_request_email(message: str, visit_request_id: int, user_ids, addresses, context) -> int:
    return send_request_messages(message, visit_request_id, user_ids, addresses, context)


@shared_task(name="visits.tasks.send_visit_email", **RETRY_TRANSIENT)
def send_visit_email(message: str, visit_id: int, user_ids, addresses, context) -> int:
    return send_visit_messages(message, visit_id, user_ids, addresses, context)
