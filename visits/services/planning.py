"""Writes to a request's planning records: protocol notices, checklist, guests, gifts,
attachments, and the erasure of guest data after the visit."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from espoo_intl import attachments
from espoo_intl.attachments import Attachment
from espoo_intl.permissions import can_change, sees_confidential_parts
from espoo_intl.timeline import timeline_log

from ..choices import ItemStatus, VisitKind
from ..models import (
    ChecklistItem,
    ChecklistTemplate,
    Gift,
    Guest,
    ProtocolNotice,
    ProtocolRule,
    Visit,
    VisitRequest,
)

__all__ = [
    "required_parties", "protocol_mark_informed", "checklist_generate", "visit_checklist_add",
    "checklist_item_update", "checklist_items_mark_done", "guest_save",
    "guest_delete", "gift_add", "attachment_add", "attachment_store", "guest_data_erase_expired",
]  # fmt: skip


def required_parties(record: VisitRequest | Visit) -> list[str]:
    """The protocol parties a request's or a visit's dignitary rank requires (3.3), from
    the editable matrix."""
    return ProtocolRule.parties_for(record.dignitary_rank)


def _require_change(actor, record: VisitRequest | Visit) -> None:
    if not can_change(actor, record):
        raise PermissionDenied
    if record.is_closed:
        raise ValidationError(_("This request is closed: its records are kept as they are."))


def checklist_generate(record: VisitRequest | Visit) -> int:
    """Copy the active checklist templates onto a request or a visit (once): every item
    for a dignitary visit (the planning checklist of 3.3), the general visit checklist of
    3.4 (the items not only for dignitary visits) for the others. Returns the count."""
    if record.checklist.exists():
        return 0
    templates = ChecklistTemplate.objects.filter(is_active=True)
    if record.kind != VisitKind.DIGNITARY:
        templates = templates.filter(dignitary_only=False)
    owner = "visit" if isinstance(record, Visit) else "visit_request"
    items = ChecklistItem.objects.bulk_create(
        ChecklistItem(
            **{owner: record},
            template=t,
            phase=t.phase,
            title=t.name_fi,
            required=t.required,
            order=t.order,
        )
        for t in templates
    )
    return len(items)


@transaction.atomic
def visit_checklist_add(visit: Visit, *, actor) -> int:
    """Give a visit logged directly its checklist (its editors may). A visit made from a
    request keeps its checklist on the request. Returns how many items were added."""
    _require_change(actor, visit)
    Visit.objects.select_for_update().filter(pk=visit.pk).first()  # two clicks add one list
    if VisitRequest.objects.filter(visit=visit).exists():
        raise ValidationError(_("This visit's checklist is on its visit request."))
    if visit.checklist.exists():
        raise ValidationError(_("This visit already has its checklist."))
    added = checklist_generate(visit)
    if not added:
        raise ValidationError(_("The checklist template has no active items."))
    timeline_log(
        visit,
        actor=actor,
        summary=gettext_noop("Checklist added: %(n)s items"),
        params={"n": added},
    )
    return added


@transaction.atomic
def protocol_mark_informed(visit_request: VisitRequest, *, party: str, actor) -> ProtocolNotice:
    """Mark a required party informed (once; who and when are kept)."""
    _require_change(actor, visit_request)
    if party not in required_parties(visit_request):
        raise ValidationError(_("This party is not required for the visitor's rank."))
    notice, created = ProtocolNotice.objects.get_or_create(
        visit_request=visit_request, party=party, defaults={"informed_by": actor}
    )
    if created:
        timeline_log(
            visit_request,
            actor=actor,
            summary=gettext_noop("Informed: %(party)s"),
            params={"party": party},
        )
    return notice


@transaction.atomic
def checklist_item_update(item: ChecklistItem, *, actor, **data) -> ChecklistItem:
    """Set an item's status (done / not needed / open), owner, due date and note."""
    _require_change(actor, item.record)
    for name in ("status", "owner", "note", "due_date"):
        if name in data:
            setattr(item, name, data[name])
    item.full_clean()
    item._history_user = actor
    item.save()
    return item


@transaction.atomic
def checklist_items_mark_done(record: VisitRequest | Visit, *, actor, item_ids) -> int:
    """Mark several of a request's or a visit's checklist items done at once (items of
    other records are ignored); returns how many changed. Refused on a closed request."""
    _require_change(actor, record)
    ids = {int(i) for i in item_ids}
    if not ids:
        raise ValidationError(_("Select the items to mark done."))
    changed = 0
    for item in record.checklist.filter(pk__in=ids).exclude(status=ItemStatus.DONE):
        item.status = ItemStatus.DONE
        item._history_user = actor
        item.save()
        changed += 1
    if changed:
        timeline_log(
            record,
            actor=actor,
            summary=gettext_noop("Checklist items marked done: %(n)s"),
            params={"n": changed},
        )
    return changed


def _require_guest_access(actor, visit_request: VisitRequest) -> None:
    if not sees_confidential_parts(actor, visit_request):
        raise PermissionDenied
    _require_change(actor, visit_request)


@transaction.atomic
def guest_save(visit_request: VisitRequest, *, actor, guest: Guest | None = None, **data) -> Guest:
    """Add or change a guest; only people allowed to see confidential data may."""
    _require_guest_access(actor, visit_request)
    if visit_request.guest_data_erased_at:
        raise ValidationError(_("The guest data of this visit has been erased."))
    guest = guest or Guest(visit_request=visit_request)
    for name, value in data.items():
        setattr(guest, name, value)
    guest.full_clean()
    guest._history_user = actor
    guest.save()
    return guest


@transaction.atomic
def guest_delete(guest: Guest, *, actor) -> None:
    _require_guest_access(actor, guest.visit_request)
    guest._history_user = actor
    guest.delete()


@transaction.atomic
def gift_add(visit_request: VisitRequest, *, actor, **data) -> Gift:
    """Record a gift; a gift received is recorded as city property."""
    _require_change(actor, visit_request)
    gift = Gift(visit_request=visit_request, **data)
    gift.full_clean()
    gift._history_user = actor
    gift.save()
    timeline_log(
        visit_request,
        actor=actor,
        summary=gettext_noop("Gift recorded: %(gift)s"),
        params={"gift": str(gift)},
    )
    return gift


@transaction.atomic
def attachment_add(visit_request: VisitRequest, *, actor, file) -> Attachment:
    """Store an uploaded file on a request the actor may change (the core's checks)."""
    _require_change(actor, visit_request)
    return _logged(
        visit_request, attachments.attachment_store(visit_request, actor=actor, file=file), actor
    )


def attachment_store(visit_request: VisitRequest, *, actor, file) -> Attachment:
    """Store the letter sent with a new request (no permission check), logged."""
    return _logged(
        visit_request, attachments.attachment_store(visit_request, actor=actor, file=file), actor
    )


def _logged(visit_request: VisitRequest, attachment: Attachment, actor) -> Attachment:
    timeline_log(
        visit_request,
        actor=actor,
        summary=gettext_noop("Attachment added: %(name)s"),
        params={"name": attachment.original_name},
    )
    return attachment


@transaction.atomic
def guest_data_erase_expired(*, today: datetime.date | None = None, actor=None) -> int:
    """Erase the guest lists of visits that ended more than GUEST_DATA_RETENTION_DAYS ago,
    history included; keep the group size; log each erasure. Returns requests erased."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=settings.GUEST_DATA_RETENTION_DAYS)
    # Guests removed before the visit still sit in the history table: they count too.
    with_guests = Q(guests__isnull=False) | Q(pk__in=Guest.history.values("visit_request_id"))
    requests = VisitRequest.objects.filter(
        with_guests, proposed_end__lt=cutoff, guest_data_erased_at__isnull=True
    ).distinct()
    erased = 0
    for visit_request in requests:
        guests = list(visit_request.guests.all())
        ids = [g.pk for g in guests]
        if visit_request.group_size < len(guests):
            visit_request.group_size = len(guests)
        Guest.objects.filter(pk__in=ids).delete()
        # The history table would otherwise keep every name and diet: remove it too.
        Guest.history.filter(visit_request_id=visit_request.pk).delete()
        visit_request.guest_data_erased_at = timezone.now()
        visit_request.version += 1  # an edit opened before this is now stale
        visit_request.save(update_fields=["guest_data_erased_at", "group_size", "version"])
        timeline_log(
            visit_request,
            actor=actor,
            summary=gettext_noop("Guest data erased (%(n)s guests); group size kept: %(size)s"),
            params={"n": len(ids), "size": visit_request.group_size},
        )
        erased += 1
    return erased
