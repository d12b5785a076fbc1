"""Who is told what about a visit request. Each message is stored in the core outbox with
the change and sent by a Celery task after the transaction commits, in the recipient's own
language; a broker outage leaves it queued, never lost."""

import datetime

from django.conf import settings

from espoo_intl.models import User
from espoo_intl.outbox import outbox_enqueue
from espoo_intl.roles import Role

from .choices import ItemStatus, RequestState
from .mail import send_request_email, send_visit_email
from .models import VisitRequest

__all__ = [
    "new_request",
    "routed",
    "informed_contacts",
    "state_changed",
    "reminder",
    "remind_upcoming",
    "dignitary_visit_logged",
]


def _kv_team_ids() -> list[int]:
    return list(
        User.objects.filter(is_active=True, groups__name=Role.KV_TEAM.value).values_list(
            "pk", flat=True
        )
    )


def _contacts_of(units) -> list[int]:
    departments = {u.department_id for u in units if u is not None and u.department_id}
    return list(
        User.objects.filter(
            is_active=True,
            groups__name=Role.CONTACT.value,
            unit__department__in=departments,
        ).values_list("pk", flat=True)
    )


def _send(message: str, visit_request_id: int, user_ids, extra_addresses=(), **context) -> None:
    user_ids = sorted(set(user_ids))
    if not user_ids and not extra_addresses:
        return
    # Stored with the save; handed to the broker when it commits (espoo_intl/outbox.py).
    outbox_enqueue(
        send_request_email.name,
        message,
        visit_request_id,
        user_ids,
        list(extra_addresses),
        context,
    )


def new_request(visit_request) -> None:
    """A new request: kv-tiimi and the international@ mailbox."""
    _send("new_request", visit_request.pk, _kv_team_ids(), [settings.INTERNATIONAL_MAILBOX])


def informed_contacts(visit_request) -> dict:
    """Each informed unit and the people told of the routing in it: its department's
    international contacts (kv-yhteyshenkilöt) who may see the request."""
    readable = VisitRequest.objects.filter(pk=visit_request.pk)
    told = {}
    for unit in visit_request.informed_units.all():
        people = User.objects.filter(pk__in=_contacts_of([unit])).order_by("last_name", "pk")
        told[unit] = [u for u in people if readable.for_user(u).exists()]
    return told


def routed(visit_request, *, new_responsible: bool) -> None:
    """Routing confirmed: the responsible person (assignment) and the units concerned."""
    if new_responsible and visit_request.responsible_id:
        _send("assigned", visit_request.pk, [visit_request.responsible_id])
    units = [visit_request.host_unit, *visit_request.informed_units.all()]
    _send("routed", visit_request.pk, set(_contacts_of(units)) - {visit_request.responsible_id})


def involved(visit_request) -> set[int]:
    ids = set(_kv_team_ids())
    ids |= {i for i in (visit_request.responsible_id, visit_request.created_by_id) if i}
    return ids


def state_changed(visit_request, *, actor, frm: str) -> None:
    """A state change: everyone involved except the person who made it."""
    _send(
        "state_changed",
        visit_request.pk,
        involved(visit_request) - {actor.pk},
        frm=frm,
        actor=str(actor),
    )


def reminder(visit_request, open_items: int) -> None:
    """A confirmed visit is near and items are still open: the responsible person and kv-tiimi."""
    ids = set(_kv_team_ids()) | (
        {visit_request.responsible_id} if visit_request.responsible_id else set()
    )
    _send("reminder", visit_request.pk, ids, open_items=open_items)


def remind_upcoming(today: datetime.date) -> int:
    """Remind about confirmed visits starting in REMINDER_DAYS_BEFORE days with open items."""
    day = today + datetime.timedelta(days=settings.REMINDER_DAYS_BEFORE)
    sent = 0
    for visit_request in VisitRequest.objects.filter(
        state=RequestState.CONFIRMED, proposed_start=day
    ):
        open_items = visit_request.checklist.filter(status=ItemStatus.OPEN).count()
        if open_items:
            reminder(visit_request, open_items)
            sent += 1
    return sent


def dignitary_visit_logged(visit, *, actor) -> None:
    """A dignitary visit logged directly in the visit log (3.3: kv-tiimi is always
    informed): kv-tiimi and the international@ mailbox, with the protocol parties its rank
    requires."""
    outbox_enqueue(
        send_visit_email.name,
        "dignitary_visit",
        visit.pk,
        sorted(set(_kv_team_ids()) - {actor.pk}),
        [settings.INTERNATIONAL_MAILBOX],
        {"actor": str(actor)},
    )
