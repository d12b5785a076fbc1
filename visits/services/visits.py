"""Every write to visits goes through here."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_noop

from espoo_intl.services import record_create, record_delete, record_update
from espoo_intl.timeline import timeline_for, timeline_log

from .. import notifications
from ..choices import VisitKind
from ..models import Visit, VisitRequest
from ..rules import RESPONSIBLE_OUTSIDE, may_name_responsible

__all__ = ["visit_create", "visit_update", "visit_delete", "kv_team_told", "KV_TEAM_TOLD"]

# The timeline's record that kv-tiimi was told of a dignitary visit logged directly.
KV_TEAM_TOLD = gettext_noop("kv-tiimi told of the dignitary visit by e-mail (%(address)s)")


@transaction.atomic
def visit_create(*, actor, **data) -> Visit:
    """Create a visit in the actor's reach, validated and logged; all or nothing. A
    dignitary visit tells kv-tiimi (3.3)."""
    _check_responsible(actor, data)
    visit = record_create(Visit, actor=actor, data=data, created_by=actor)
    _tell_kv_team(visit, actor)
    return visit


@transaction.atomic
def visit_update(visit: Visit, *, actor, expected_version: int | None = None, **data) -> Visit:
    """Change a visit the actor may edit (own department, or kv-tiimi); all or nothing.
    Refused if someone else saved it since `expected_version`. A visit that becomes a
    dignitary visit tells kv-tiimi, unless it was told before."""
    keep = Visit.objects.filter(pk=visit.pk).values_list("responsible", flat=True).first()
    _check_responsible(actor, data, keep=keep)
    visit = record_update(visit, actor=actor, data=data, expected_version=expected_version)
    _tell_kv_team(visit, actor)
    return visit


def visit_delete(visit: Visit, *, actor) -> None:
    """Delete a visit (kv-tiimi and administrators only); the history keeps it."""
    record_delete(visit, actor=actor)


def _check_responsible(actor, data: dict, *, keep=None) -> None:
    """A kv-yhteyshenkilö (as other staff) names someone of their own department."""
    if "responsible" in data and not may_name_responsible(actor, data["responsible"], keep=keep):
        raise ValidationError({"responsible": RESPONSIBLE_OUTSIDE})


def kv_team_told(visit: Visit):
    """The timeline entry recording that kv-tiimi was told of this visit, or None."""
    return timeline_for(visit).filter(summary=KV_TEAM_TOLD).order_by("at", "pk").first()


def _tell_kv_team(visit: Visit, actor) -> None:
    """3.3: kv-tiimi is always informed of a dignitary visit. One logged directly (a
    request's visit was told through the request) tells kv-tiimi and the international@
    mailbox once, with the save (the outbox); the timeline keeps who and when."""
    if visit.kind != VisitKind.DIGNITARY or kv_team_told(visit) is not None:
        return
    if VisitRequest.objects.filter(visit=visit).exists():
        return
    notifications.dignitary_visit_logged(visit, actor=actor)
    timeline_log(
        visit,
        actor=actor,
        summary=KV_TEAM_TOLD,
        params={"address": settings.INTERNATIONAL_MAILBOX},
    )
