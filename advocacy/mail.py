"""The e-mails to kv-tiimi about advocacy items and the Celery task that sends them.

notifications.py decides when kv-tiimi is told and enqueues `send_item_email` after the
transaction commits; the task takes ids and writes each message in the recipient's
language (the international@ mailbox reads Finnish)."""

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from espoo_intl.celery import RETRY_TRANSIENT
from espoo_intl.models import User
from espoo_intl.roles import Role

from .models import AdvocacyItem

__all__ = ["MESSAGES", "send_item_email", "send_item_messages"]


def _subjects() -> dict:
    return {
        "new_item": _("New advocacy item: %(title)s"),
        "preparing": _("A joint public statement is being prepared: %(title)s"),
        "city_manager": _("A statement needs the city manager's approval: %(title)s"),
        "sent": _("Espoo's answer was sent: %(title)s"),
    }


MESSAGES = ("new_item", "preparing", "city_manager", "sent")


def _render(message: str, item: AdvocacyItem, language: str) -> tuple[str, str]:
    with translation.override(language):
        subject = _subjects()[message] % {"title": item.title}
        lines = [
            render_to_string("email/_greeting.txt"),
            "",
            subject,
            "",
            f"{_('kind').capitalize()}: {item.get_kind_display()}",
            f"{_('who asks').capitalize()}: {item.get_requester_display()} {item.requester_detail}",
            f"{_('deadline').capitalize()}: {item.deadline:%d.%m.%Y}" if item.deadline else "",
            f"{_('state').capitalize()}: {item.get_state_display()}",
        ]
        if message == "city_manager" and item.joining_reasons:
            lines += ["", f"{_('why Espoo should join').capitalize()}:", item.joining_reasons]
        lines += ["", settings.PORTAL_URL.rstrip("/") + item.get_absolute_url()]
        lines += ["", render_to_string("email/_signature.txt")]
    return " ".join(subject.split()), "\n".join(lines) + "\n"


def send_item_messages(message: str, item_id: int) -> int:
    """Tell kv-tiimi (each in their language) and the international@ mailbox."""
    item = AdvocacyItem.objects.filter(pk=item_id).first()
    if item is None or message not in MESSAGES:
        return 0
    team = User.objects.filter(is_active=True, groups__name=Role.KV_TEAM.value).exclude(email="")
    emails = []
    for user in team.distinct():
        subject, body = _render(message, item, user.language or settings.LANGUAGE_CODE)
        emails.append(EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]))
    subject, body = _render(message, item, settings.LANGUAGE_CODE)
    emails.append(
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [settings.INTERNATIONAL_MAILBOX])
    )
    get_connection().send_messages(emails)
    return len(emails)


@shared_task(name="advocacy.tasks.send_item_email", **RETRY_TRANSIENT)
def send_item_email(message: str, item_id: int) -> int:
    return send_item_messages(message, item_id)
