"""Celery tasks of the visits app: take ids, call a service, nothing else.

`send_request_email` is defined next to the mail it sends (visits/mail.py) so that
notifications can enqueue it without importing this module (which imports the services,
which notify); it is listed here so the worker's autodiscovery registers it."""

import datetime

from celery import shared_task
from django.utils import timezone

from .mail import send_request_email
from .notifications import remind_upcoming
from .services.erasure import personal_data_erase_expired

__all__ = ["send_request_email", "erase_expired_guest_data", "remind_upcoming_visits"]


@shared_task
def erase_expired_guest_data() -> int:
    """Daily: a finished visit's personal data (guests, attachments, gift parties, message)."""
    return personal_data_erase_expired()


@shared_task
def remind_upcoming_visits(today: str | None = None) -> int:
    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    return remind_upcoming(day)
