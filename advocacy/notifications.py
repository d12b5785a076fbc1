"""When kv-tiimi is told about an advocacy item: when it is created, when a joint statement's
preparation starts, when a statement needs the city manager's approval and when an answer
is sent. Each message is sent by a Celery task after the transaction commits."""

from django.db import transaction

from .choices import Kind, State
from .mail import send_item_email

__all__ = ["created", "state_changed"]


def _send(message: str, item_id: int) -> None:
    transaction.on_commit(lambda: send_item_email.delay(message, item_id))


def created(item) -> None:
    _send("new_item", item.pk)


def state_changed(item, *, frm: str) -> None:
    """Called after the move is committed (the workflow's after-commit hook)."""
    if item.state == State.PREPARING and item.kind == Kind.JOINT:
        _send("preparing", item.pk)
    elif item.state == State.CITY_MANAGER:
        _send("city_manager", item.pk)
    elif item.state in (State.SENT, State.GIVEN):
        _send("sent", item.pk)
