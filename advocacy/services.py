"""Writes of the advocacy app: validate, save and record history in one transaction."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from espoo_intl.attachments import attachment_add
from espoo_intl.records import lock_for_edit
from espoo_intl.services import record_create, record_delete, record_update
from espoo_intl.timeline import timeline_log

from . import notifications
from .models import AdvocacyItem, Decision, DevelopmentItem, ProgressNote, UnitPart
from .rules import edits_development_item, edits_item, may_add_note

__all__ = [
    "item_create", "item_update", "item_delete", "decision_record", "unit_part_record",
    "item_attachment_add", "development_update", "progress_note_add",
]  # fmt: skip


def _data(kwargs: dict) -> dict:
    kwargs.pop("expected_version", None)
    return kwargs


@transaction.atomic
def item_create(*, actor, **data) -> AdvocacyItem:
    """Register an item; kv-tiimi is told once it is saved."""
    item = record_create(AdvocacyItem, actor=actor, data=_data(data), created_by=actor)
    timeline_log(item, actor=actor, summary=gettext_noop("Item registered."))
    notifications.created(item)
    return item


def item_update(item: AdvocacyItem, *, actor, expected_version=None, **data) -> AdvocacyItem:
    return record_update(item, actor=actor, data=_data(data), expected_version=expected_version)


def item_delete(item: AdvocacyItem, *, actor) -> None:
    record_delete(item, actor=actor)


def _check_editor(item, actor) -> None:
    if not edits_item(actor, item):
        raise PermissionDenied
    lock_for_edit(item, None)


@transaction.atomic
def decision_record(
    item: AdvocacyItem, *, actor, decided_by, role, decided_on, reference="", note=""
) -> Decision:
    """The preparer or kv-tiimi records who decided, in which role, when and the reference."""
    _check_editor(item, actor)
    decision = Decision(
        item=item,
        decided_by=decided_by,
        role=role,
        decided_on=decided_on,
        reference=reference,
        note=note,
        recorded_by=actor,
    )
    decision.full_clean()
    decision.save()
    timeline_log(
        item,
        actor=actor,
        summary=gettext_noop("Decision recorded: %(name)s (%(role)s), %(date)s %(reference)s"),
        params={
            "name": decision.decided_by,
            "role": decision.role,
            "date": decision.decided_on.isoformat(),
            "reference": decision.reference,
        },
    )
    return decision


@transaction.atomic
def unit_part_record(item: AdvocacyItem, *, actor, unit, summary) -> UnitPart:
    """One preparing unit's part of a joint answer (again: replaces the earlier text)."""
    _check_editor(item, actor)
    if not item.units.filter(pk=unit.pk).exists():
        raise ValidationError({"unit": _("Choose one of the item's preparing units.")})
    part, _created = UnitPart.objects.update_or_create(
        item=item, unit=unit, defaults={"summary": summary, "recorded_by": actor}
    )
    timeline_log(
        item,
        actor=actor,
        summary=gettext_noop("Part recorded for %(unit)s."),
        params={"unit": str(unit)},
    )
    return part


def item_attachment_add(item: AdvocacyItem, *, actor, file):
    return attachment_add(item, actor=actor, file=file)


def development_update(
    item: DevelopmentItem, *, actor, expected_version=None, **data
) -> DevelopmentItem:
    if not edits_development_item(actor, item):
        raise PermissionDenied
    return record_update(item, actor=actor, data=data, expected_version=expected_version)


@transaction.atomic
def progress_note_add(item: DevelopmentItem, *, actor, noted_on, text) -> ProgressNote:
    """kv-tiimi and the owner unit's department add dated progress notes."""
    if not may_add_note(actor, item):
        raise PermissionDenied
    note = ProgressNote(item=item, noted_on=noted_on, text=text, author=actor)
    note.full_clean()
    note.save()
    timeline_log(item, actor=actor, summary=gettext_noop("Progress note added."))
    return note
