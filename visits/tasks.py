"""Celery tasks of the visits app: take ids, call a service, nothing else.

`send_request_email` and `send_visit_email` are defined next to the mail they send
(visits/mail.py) so that notifications can enqueue them without importing this module (which
imports the services, which notify); they are listed here so the worker's autodiscovery
registers them."""

import datetime

from celery import shared_task
from django.utils import timezone

from .mail import send_request_email, send_visit_email
from .notifications import remind_upcoming
from .services.erasure import personal_data_erase_expired

__all__ = [
    "send_request_email",
    "send_visit_email",
    "erase_expired_guest_data",
    "remind_upcoming_visits",
]


@shared_task
def erase_expired_guest_data() -> int:
    """Daily: a finished visit's personal data (guests, attachments, gift parties, message)."""
    return personal_data_erase_expired()


@shared_task
def remind_upcoming_visits(today: str | None = None) -> int:
    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    return remind_upcoming(day)
