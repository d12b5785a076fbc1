"""Celery tasks of the visits app: take ids, call a service, nothing else."""

import datetime

from celery import shared_task
from django.utils import timezone

from espoo_intl.celery import RETRY_TRANSIENT

__all__ = ["send_request_email", "erase_expired_guest_data", "remind_upcoming_visits"]


@shared_task(**RETRY_TRANSIENT)
def send_request_email(message: str, request_id: int, user_ids, addresses, context) -> int:
    from .mail import send_request_messages

    return send_request_messages(message, request_id, user_ids, addresses, context)


@shared_task
def erase_expired_guest_data() -> int:
    from .services.planning import guest_data_erase_expired

    return guest_data_erase_expired()


@shared_task
def remind_upcoming_visits(today: str | None = None) -> int:
    from .mail import remind_upcoming

    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    return remind_upcoming(day)
