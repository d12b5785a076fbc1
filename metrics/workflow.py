"""The submission's life cycle on the core workflow engine: draft → submitted → returned
(with kv-tiimi's comment) → submitted → approved; kv-tiimi reopens an approved one. Once
kv-tiimi closes the reporting period, nothing more is submitted (kv-tiimi may override)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from espoo_intl.permissions import can_change
from espoo_intl.workflow import KV, Guard, State, Transition, Workflow

from . import notifications
from .models import SubmissionState as S
from .rules import CLOSED_PERIOD

__all__ = ["SUBMISSION_WORKFLOW"]


def _editor(user, submission) -> bool:
    """The provider's department (its staff and international contact), or kv-tiimi."""
    return user.sees_everything or can_change(user, submission)


def _answered(submission) -> None:
    """Every value is filled in, or its comment says why not."""
    missing = [
        v.indicator.code
        for v in submission.values.select_related("indicator")
        if not v.is_filled and not v.comment.strip()
    ]
    if missing:
        raise ValidationError(
            _("Fill in these values or say in the comment why they are missing: %(codes)s"),
            params={"codes": ", ".join(missing)},
        )


def _period_open(submission) -> None:
    """A closed period takes no more submissions (kv-tiimi may override with a reason)."""
    if not submission.period.is_open:
        raise ValidationError(CLOSED_PERIOD)


_SUBMIT_GUARDS = (Guard(_answered), Guard(_period_open, overridable=True))


def _notify(submission, *, actor, frm) -> None:
    notifications.state_changed(submission)


SUBMISSION_WORKFLOW = Workflow(
    states=[
        State(S.DRAFT, S.DRAFT.label),
        State(S.SUBMITTED, S.SUBMITTED.label, editable=False),
        State(S.RETURNED, S.RETURNED.label, needs_reason=True),
        State(S.APPROVED, S.APPROVED.label, open=False, closed=True),
    ],
    transitions=[
        Transition(S.DRAFT, S.SUBMITTED, _editor, guards=_SUBMIT_GUARDS),
        Transition(S.RETURNED, S.SUBMITTED, _editor, guards=_SUBMIT_GUARDS),
        Transition(S.SUBMITTED, S.RETURNED, KV),
        Transition(S.SUBMITTED, S.APPROVED, KV),
        Transition(S.APPROVED, S.DRAFT, KV),  # reopened for a correction
    ],
    after_commit=[_notify],
    refused_move=gettext_lazy("A submission cannot move from “%(from)s” to “%(to)s”."),
)
