"""Celery tasks of the advocacy app (listed here for the worker's autodiscovery)."""

from .mail import send_item_email

__all__ = ["send_item_email"]
