"""Celery application: Redis when REDIS_URL is set, otherwise kombu's filesystem
transport under var/broker so the demo needs no running service."""

import os
import smtplib

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "espoo_intl.settings")

app = Celery("espoo_intl")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

__all__ = ["app", "RETRY_TRANSIENT"]

# Options for a task that talks to another server (SMTP): a refused connection, a timeout or
# a temporary SMTP error is retried with exponential backoff and jitter; a refused address or
# bad credentials are not transient and fail at once.
RETRY_TRANSIENT = {
    "autoretry_for": (smtplib.SMTPException, ConnectionError, TimeoutError, OSError),
    "dont_autoretry_for": (
        smtplib.SMTPRecipientsRefused,
        smtplib.SMTPSenderRefused,
        smtplib.SMTPAuthenticationError,
    ),
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 6,
}
