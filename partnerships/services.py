"""Every write to partners, partnerships and projects goes through here."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_noop

from espoo_intl import attachments
from espoo_intl.permissions import can_change
from espoo_intl.questionnaires import Response, questionnaire_answer
from espoo_intl.records import check_open
from espoo_intl.services import record_create, record_delete, record_update
from espoo_intl.timeline import timeline_log

from .choices import ASSESSMENT
from .models import Partner, Partnership, Project

__all__ = [
    "partner_create", "partner_update", "partner_delete",
    "partnership_create", "partnership_update", "partnership_delete",
    "partnership_assess", "partnership_attachment_add",
    "project_create", "project_update", "project_delete",
]  # fmt: skip


def _create(model):
    def create(*, actor, **data):
        return record_create(model, actor=actor, data=data, created_by=actor)

    create.__doc__ = f"Create a {model._meta.model_name} in the actor's reach; all or nothing."
    return create


def _update(instance, *, actor, expected_version: int | None = None, **data):
    """Change a record the actor may edit; refused when someone saved it meanwhile."""
    return record_update(instance, actor=actor, data=data, expected_version=expected_version)


def _delete(instance, *, actor) -> None:
    """Delete a record (kv-tiimi and administrators only); the history keeps it."""
    record_delete(instance, actor=actor)


partner_create = _create(Partner)
partnership_create = _create(Partnership)
project_create = _create(Project)
partner_update = partnership_update = project_update = _update
partner_delete = partnership_delete = project_delete = _delete


def _check_editable(partnership: Partnership, actor) -> None:
    if not can_change(actor, partnership):
        raise PermissionDenied
    check_open(partnership)


@transaction.atomic
def partnership_assess(partnership: Partnership, *, actor, answers: dict, how=None) -> Response:
    """Keep a new dated assessment (the seed's two parts) of a partnership the actor may
    edit; the timeline says who assessed it."""
    _check_editable(partnership, actor)
    response = questionnaire_answer(
        partnership, question_set=ASSESSMENT, actor=actor, answers=answers, how=how
    )
    timeline_log(partnership, actor=actor, summary=gettext_noop("Assessment recorded"))
    return response


@transaction.atomic
def partnership_attachment_add(partnership: Partnership, *, actor, file):
    """Attach an agreement document to a partnership the actor may edit."""
    _check_editable(partnership, actor)
    attachment = attachments.attachment_add(partnership, actor=actor, file=file)
    timeline_log(
        partnership,
        actor=actor,
        summary=gettext_noop("Document attached: %(name)s"),
        params={"name": attachment.original_name},
    )
    return attachment
