"""A partnership's life cycle on the core workflow engine:
proposed → active → dormant ↔ active → ended (closed: kept as it is).

Becoming active needs, for a partnership in the City of Espoo's name, the official's
decision recorded (`decision_errors`). The owning unit's department and kv-tiimi make
every step."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from espoo_intl.permissions import can_change
from espoo_intl.workflow import Guard, State, Transition, Workflow

from .choices import PartnershipStatus as S
from .models import decision_errors

__all__ = ["PARTNERSHIP_WORKFLOW"]


def _editor(user, obj) -> bool:
    return can_change(user, obj)


def _decision_recorded(obj) -> None:
    errors = decision_errors(obj)
    if errors:
        raise ValidationError(next(iter(errors.values())))


_ACTIVATE = (Guard(_decision_recorded),)

PARTNERSHIP_WORKFLOW = Workflow(
    states=[
        State(S.PROPOSED, S.PROPOSED.label),
        State(S.ACTIVE, S.ACTIVE.label),
        State(S.DORMANT, S.DORMANT.label),
        State(S.ENDED, S.ENDED.label, open=False, closed=True, needs_reason=True),
    ],
    transitions=[
        Transition(S.PROPOSED, S.ACTIVE, _editor, _ACTIVATE),
        Transition(S.ACTIVE, S.DORMANT, _editor),
        Transition(S.DORMANT, S.ACTIVE, _editor, _ACTIVATE),
        Transition(S.PROPOSED, S.ENDED, _editor),
        Transition(S.ACTIVE, S.ENDED, _editor),
        Transition(S.DORMANT, S.ENDED, _editor),
    ],
    state_field="status",
    refused_move=_("A partnership cannot move from “%(from)s” to “%(to)s”."),
)
