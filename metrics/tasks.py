"""Celery tasks of metrics: take plain arguments, call a service."""

import datetime

from celery import shared_task
from django.utils import timezone

from .mail import send_submission_email
from .services import remind_due

__all__ = ["send_submission_email", "remind_deadlines"]


@shared_task
def remind_deadlines(today: str | None = None) -> int:
    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    return remind_due(day)
