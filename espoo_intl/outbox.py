"""Transactional outbox: what must be sent after a save is stored with the save.

`outbox_enqueue("app.tasks.x", *args)` inside the writing transaction adds an OutboxMessage
row; when the transaction commits, the row is handed to the broker (as the core task
`espoo_intl.outbox.deliver`). When the broker does not answer, the save still stands: the
row stays pending, the page says the notice is queued (`held_messages`), and the beat task
`espoo_intl.outbox.sweep` hands pending rows over once the broker is back, and hands over
again a row the broker took but that is still not done long after (a Redis restarted without
persistence forgets its queue). `deliver` runs the
named task in the worker and marks the row done under a row lock, so a message handed over
twice (the commit hook and a sweep) is still sent once. A rolled-back transaction leaves no
row and hands nothing over.
"""

import contextvars
import datetime
import logging
from contextlib import contextmanager

from celery import shared_task
from django.conf import settings
from django.contrib import messages
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .celery import RETRY_TRANSIENT
from .celery import app as celery_app

__all__ = [
    "OutboxMessage", "outbox_enqueue", "outbox_send", "outbox_pending", "held_messages",
    "tell_if_queued", "deliver", "sweep", "SWEEP_TASK",
]  # fmt: skip

log = logging.getLogger(__name__)

SWEEP_TASK = "espoo_intl.outbox.sweep"
DELIVER_TASK = "espoo_intl.outbox.deliver"
# Publishing from a web request: one quick retry, then leave the row to the sweep.
KEEP_DELIVERED = datetime.timedelta(days=7)
_PUBLISH_RETRY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}


class OutboxMessage(models.Model):
    task_name = models.CharField(_("task"), max_length=200)
    args = models.JSONField(_("arguments"), default=list, blank=True)
    created = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("handed to the broker"), null=True, blank=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        ordering = ["created", "pk"]
        indexes = [models.Index(fields=["sent_at", "created"], name="outbox_pending_idx")]

    def __str__(self):
        return f"{self.task_name} #{self.pk}"


_held: contextvars.ContextVar[list | None] = contextvars.ContextVar("outbox_held", default=None)


@contextmanager
def held_messages():
    """Collects the rows this block could not hand to the broker: a view wraps its service
    call in it and tells the user the notice is queued when the list is not empty."""
    token = _held.set([])
    try:
        yield _held.get()
    finally:
        _held.reset(token)


def tell_if_queued(request, held: list) -> None:
    """After a save whose notice could not reach the broker: say it is queued (no error)."""
    if held:
        messages.info(
            request,
            gettext(
                "The notification is queued: it will be sent as soon as the message service "
                "answers again."
            ),
        )


def outbox_send(message: OutboxMessage) -> bool:
    """Hand one row to the broker; on failure record the error and keep it pending."""
    try:
        deliver.apply_async(args=[message.pk], retry=True, retry_policy=_PUBLISH_RETRY)
    except Exception as error:  # any broker failure: the row stays pending for the sweep
        OutboxMessage.objects.filter(pk=message.pk).update(
            attempts=models.F("attempts") + 1, last_error=f"{type(error).__name__}: {error}"[:2000]
        )
        log.warning("outbox: broker unavailable, message %s stays pending", message.pk)
        held = _held.get()
        if held is not None:
            held.append(message.pk)
        return False
    # sent_at is the latest hand-over: the sweep hands a message over again only long after it.
    OutboxMessage.objects.filter(pk=message.pk, done_at__isnull=True).update(
        sent_at=timezone.now(), attempts=models.F("attempts") + 1, last_error=""
    )
    return True


def outbox_enqueue(task_name: str, *args) -> OutboxMessage:
    """Store a task call with the current transaction; hand it over once it commits."""
    message = OutboxMessage.objects.create(task_name=task_name, args=list(args))
    transaction.on_commit(lambda: outbox_send(message))
    return message


def outbox_pending() -> dict:
    """How many rows wait for the broker and how old the oldest is (seconds)."""
    pending = OutboxMessage.objects.filter(sent_at__isnull=True)
    oldest = pending.order_by("created").values_list("created", flat=True).first()
    age = int((timezone.now() - oldest).total_seconds()) if oldest else 0
    return {"outbox_pending": pending.count(), "outbox_oldest_seconds": age}


@shared_task(name=DELIVER_TASK, **RETRY_TRANSIENT)
def deliver(message_id: int):
    """Run the stored task once: the row is locked while it runs and marked done after."""
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.done_at is not None:
            return None
        result = celery_app.tasks[message.task_name].run(*message.args)
        message.done_at = timezone.now()
        message.sent_at = message.sent_at or message.done_at
        message.save(update_fields=["done_at", "sent_at"])
    return result


def _due(now, older_than_seconds: int, redeliver_after_seconds: int | None):
    """Rows never handed over, and rows handed over long ago but still not done: Redis
    without persistence forgets its queue when it restarts, so a message it held is handed
    over again (at most settings.OUTBOX_MAX_ATTEMPTS times in all)."""
    if redeliver_after_seconds is None:
        redeliver_after_seconds = settings.OUTBOX_REDELIVER_SECONDS
    never_sent = models.Q(sent_at__isnull=True)
    lost = models.Q(
        sent_at__lte=now - datetime.timedelta(seconds=redeliver_after_seconds),
        attempts__lt=settings.OUTBOX_MAX_ATTEMPTS,
    )
    return OutboxMessage.objects.filter(
        never_sent | lost,
        done_at__isnull=True,
        created__lte=now - datetime.timedelta(seconds=older_than_seconds),
    )


@shared_task(name=SWEEP_TASK)
def sweep(older_than_seconds: int = 0, redeliver_after_seconds: int | None = None) -> int:
    """Hand pending rows to the broker again (beat runs this every OUTBOX_SWEEP_SECONDS);
    forget rows delivered more than KEEP_DELIVERED ago (their arguments name recipients)."""
    now = timezone.now()
    OutboxMessage.objects.filter(done_at__lt=now - KEEP_DELIVERED).delete()
    sent = 0
    for message in _due(now, older_than_seconds, redeliver_after_seconds):
        if not outbox_send(message):
            break  # the broker is still away: try again at the next sweep
        sent += 1
    return sent
