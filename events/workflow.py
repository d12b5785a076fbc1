"""The event's decision path (DOMAIN.md 3.6) on the core workflow engine: proposed →
impact assessed → approved or rejected (the city manager or a delegate decides; kv-tiimi
records it) → agreement signed → held → reported; cancelled from any open state with a
reason. Every rule a step depends on is a guard here, and only here."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from espoo_intl.permissions import can_change
from espoo_intl.questionnaires import latest_response
from espoo_intl.workflow import KV, Guard, State, Transition, Workflow

from .choices import CLOSED_STATES, OPEN_STATES
from .choices import EventState as S
from .models import IMPACT

__all__ = ["EVENT_WORKFLOW", "EDITOR"]


def EDITOR(user, event) -> bool:  # noqa: N802 - used like the engine's role tokens
    """The owning department's people and kv-tiimi (the record rules' editors)."""
    return can_change(user, event)


def _assessed(event) -> None:
    if latest_response(event, IMPACT) is None:
        raise ValidationError(_("Assess the event's impact first (the five points)."))


def _background_checked(event) -> None:
    if event.proposed_by_international_actor and not event.background_checks.exists():
        raise ValidationError(
            _(
                "The proposal comes from an international actor: record the background check "
                "by kv-tiimi and Turva before the decision."
            )
        )


def _decision_recorded(event) -> None:
    if not event.decision_recorded:
        raise ValidationError(
            _("Record the decision: who decided, their role, the decision reference and date.")
        )


def _agreement_attached(event) -> None:
    if event.is_co_organised and not event.agreements.exists():
        raise ValidationError(
            _(
                "A co-organised event needs its written agreement (the city's role, "
                "responsibilities, funding share and schedule) attached first."
            )
        )


def _agreement_signed_first(event) -> None:
    if event.is_co_organised:
        raise ValidationError(_("A co-organised event is held only after its agreement is signed."))


def _participants_given(event) -> None:
    if event.actual_participants is None:
        raise ValidationError(
            _("Give the actual number of international participants before reporting.")
        )


DECISION = (Guard(_assessed), Guard(_background_checked), Guard(_decision_recorded))

EVENT_WORKFLOW = Workflow(
    states=[
        State(
            code,
            label,
            open=code in OPEN_STATES,
            closed=code in CLOSED_STATES,
            needs_reason=code == S.CANCELLED,
        )
        for code, label in S.choices
    ],
    transitions=[
        Transition(S.PROPOSED, S.ASSESSED, EDITOR, guards=(Guard(_assessed),)),
        # Made through the decision form (events.services.event_decide), not a bare button.
        Transition(S.ASSESSED, S.APPROVED, KV, guards=DECISION),
        Transition(S.ASSESSED, S.REJECTED, KV, guards=DECISION),
        Transition(S.APPROVED, S.AGREEMENT_SIGNED, EDITOR, guards=(Guard(_agreement_attached),)),
        Transition(S.APPROVED, S.HELD, EDITOR, guards=(Guard(_agreement_signed_first),)),
        Transition(S.AGREEMENT_SIGNED, S.HELD, EDITOR),
        Transition(S.HELD, S.REPORTED, EDITOR, guards=(Guard(_participants_given),)),
        *[Transition(state, S.CANCELLED, EDITOR) for state in OPEN_STATES],
    ],
    refused_move=gettext_lazy("An event cannot move from “%(from)s” to “%(to)s”."),
)
