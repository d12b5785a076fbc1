"""Celery application: Redis when REDIS_URL is set, otherwise kombu's filesystem
transport under var/broker so the demo needs no running service."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "espoo_intl.settings")

app = Celery("espoo_intl")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
