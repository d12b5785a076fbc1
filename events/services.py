"""Writes of the events register: keyword-only, all or nothing, rules checked here and in
events.workflow (nothing in the views)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from espoo_intl.attachments import attachment_store
from espoo_intl.permissions import can_change
from espoo_intl.questionnaires import questionnaire_answer
from espoo_intl.records import check_open
from espoo_intl.services import record_create, record_delete, record_update
from espoo_intl.timeline import timeline_log
from espoo_intl.workflow import workflow_transition

from .choices import AWAITING_DECISION, ChecklistPoint
from .models import IMPACT, BackgroundCheck, Event, EventAgreement, EventChecklistItem

__all__ = [
    "event_create", "event_update", "event_delete", "event_assess", "event_decide",
    "background_check_add", "agreement_add", "checklist_mark",
]  # fmt: skip

FIELDS = (
    "name", "kind", "format", "start_date", "end_date", "organiser", "co_organisers",
    "owning_unit", "themes", "expected_participants", "actual_participants", "city_funding",
    "proposed_by_international_actor", "description", "partnership", "confidential",
)  # fmt: skip


def _data(data: dict) -> dict:
    return {k: v for k, v in data.items() if k in FIELDS}


@transaction.atomic
def event_create(*, actor, **data) -> Event:
    """Propose an event; its checklist of the 3.6 points comes with it."""
    event = record_create(Event, actor=actor, data=_data(data), created_by=actor)
    EventChecklistItem.objects.bulk_create(
        EventChecklistItem(event=event, point=point) for point in ChecklistPoint.values
    )
    return event


@transaction.atomic
def event_update(event: Event, *, actor, expected_version=None, **data) -> Event:
    return record_update(event, actor=actor, data=_data(data), expected_version=expected_version)


def event_delete(event: Event, *, actor) -> None:
    record_delete(event, actor=actor)


def _editable(event: Event, actor) -> None:
    if not can_change(actor, event):
        raise PermissionDenied
    check_open(event)


@transaction.atomic
def event_assess(event: Event, *, actor, answers: dict, how: dict):
    """Keep a new dated impact assessment (the five points) while the event awaits its
    decision."""
    _editable(event, actor)
    if event.state not in AWAITING_DECISION:
        raise ValidationError(_("The impact is assessed before the decision, not after it."))
    response = questionnaire_answer(event, question_set=IMPACT, actor=actor, answers=answers, how=how)  # fmt: skip
    timeline_log(event, actor=actor, summary=gettext_noop("Impact assessed."))
    return response


@transaction.atomic
def event_decide(
    event: Event, *, actor, outcome: str, decided_by: str, decider_role: str,
    decision_reference: str, decision_date,
) -> Event:  # fmt: skip
    """kv-tiimi records the city manager's (or a delegate's) decision and moves the event
    to approved or rejected; refused as a whole when a guard of the step is not met."""
    if not actor.sees_everything:
        raise PermissionDenied(_("Only kv-tiimi records the decision."))
    check_open(event)
    event.decided_by = decided_by.strip()
    event.decider_role = decider_role
    event.decision_reference = decision_reference.strip()
    event.decision_date = decision_date
    event.full_clean()
    event._history_user = actor
    event.save(update_fields=["decided_by", "decider_role", "decision_reference", "decision_date", "updated_at"])  # fmt: skip
    return workflow_transition(event, to=outcome, actor=actor)


@transaction.atomic
def background_check_add(event: Event, *, actor, **data) -> BackgroundCheck:
    """kv-tiimi records the background check of an international actor (with Turva)."""
    if not actor.sees_everything:
        raise PermissionDenied(_("Only kv-tiimi records the background check."))
    check_open(event)
    check = BackgroundCheck(event=event, recorded_by=actor, **data)
    check.full_clean()
    check.save()
    timeline_log(event, actor=actor, summary=gettext_noop("Background check recorded."))
    return check


@transaction.atomic
def agreement_add(event: Event, *, actor, file, **covers) -> EventAgreement:
    """Attach the written agreement, confirmed to cover role, responsibilities, funding
    share and schedule; refused whole (no file kept) if any is not confirmed."""
    _editable(event, actor)
    agreement = EventAgreement(event=event, recorded_by=actor, **covers)
    agreement.clean()  # before the file is stored
    agreement.attachment = attachment_store(event, actor=actor, file=file)
    agreement.full_clean()
    agreement.save()
    timeline_log(event, actor=actor, summary=gettext_noop("Written agreement attached."))
    return agreement


@transaction.atomic
def checklist_mark(item: EventChecklistItem, *, actor, done: bool) -> EventChecklistItem:
    _editable(item.event, actor)
    item.done = done
    item.done_by = actor if done else None
    item.done_at = timezone.now() if done else None
    item.save()
    return item
