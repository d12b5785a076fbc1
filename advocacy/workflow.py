"""Each kind of advocacy item follows its own path (DOMAIN.md 2.4), on one workflow of the
core engine: every transition names the kinds it belongs to, so an item is only ever
offered the steps of its own path.

- comment or consultation: received → assessed (the expert judges it relevant) → decided
  (the unit or department director's decision, recorded) → sent (each unit's part recorded
  when several departments prepare it) → filed;
- joint public statement: received → preparing (kv-tiimi told) → assessed (the units'
  assessment; from outside the city also the effects of joining) → [with the city manager
  (reasons to join; kv-tiimi told) → decided by kv-tiimi] or decided → sent (communication
  agreed with Viestintä) → filed;
- Espoo's own statement: received → preparing (planned with kv-tiimi and Viestintä) → sent
  (communication agreed) → filed;
- official statement: received → preparing → given (body and reference) → filed.
Any open item may be declined, with a reason.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from espoo_intl.workflow import Guard, State, Transition, Workflow

from . import notifications
from .choices import DecisionRole, Kind
from .choices import State as S
from .rules import edits_item

__all__ = ["ADVOCACY_WORKFLOW"]

CONSULT, JOINT, OWN, OFFICIAL = Kind.CONSULTATION, Kind.JOINT, Kind.OWN, Kind.OFFICIAL


def editor(*kinds):
    """The item's editors (advocacy.rules.edits_item), on the paths of these kinds."""

    def who(user, item) -> bool:
        return item.kind in kinds and edits_item(user, item)

    return who


def kv_team(*kinds):
    """kv-tiimi (and administrators), on the paths of these kinds."""

    def who(user, item) -> bool:
        return item.kind in kinds and user.sees_everything

    return who


def _require(check, message):
    def run(item) -> None:
        if not check(item):
            raise ValidationError(message)

    return Guard(run)


EXPERT_ASSESSED = _require(
    lambda i: i.expert_id and i.relevance.strip(),
    gettext_lazy(
        "Name the responsible expert and write their assessment of whether the item is "
        "relevant to Espoo and worth answering."
    ),
)
DIRECTOR_DECIDED = _require(
    lambda i: i.decisions.filter(
        role__in=[DecisionRole.UNIT_DIRECTOR, DecisionRole.DEPARTMENT_DIRECTOR]
    ).exists(),
    gettext_lazy(
        "Record the decision of the result unit's director (one unit) or the department "
        "director (the whole department): who decided, when and the reference."
    ),
)
CITY_MANAGER_DECIDED = _require(
    lambda i: i.decisions.filter(role=DecisionRole.CITY_MANAGER).exists(),
    gettext_lazy("Record the city manager's decision: who decided, when and the reference."),
)
CONTENT_ASSESSED = _require(
    lambda i: i.content_assessment.strip(),
    gettext_lazy("Write the responsible units' assessment of the content."),
)
EFFECTS_ASSESSED = _require(
    lambda i: not i.from_outside or i.effects_assessment.strip(),
    gettext_lazy(
        "A request from outside the city needs the experts' assessment of the effects of joining."
    ),
)
NEEDS_CITY_MANAGER = _require(
    lambda i: i.needs_top_management,
    gettext_lazy("Only a statement top management must approve goes to the city manager."),
)
NO_CITY_MANAGER_NEEDED = _require(
    lambda i: not i.needs_top_management,
    gettext_lazy(
        "Top management must approve this statement: send it through kv-tiimi to the city "
        "manager first."
    ),
)
REASONS_GIVEN = _require(
    lambda i: i.joining_reasons.strip(),
    gettext_lazy("Write the reasons why Espoo should join before it goes to the city manager."),
)
COMMUNICATION_AGREED = _require(
    lambda i: i.communication_agreed,
    gettext_lazy("Agree the communication in the city's channels with Viestintä first."),
)
PLANNED_TOGETHER = _require(
    lambda i: i.planned_with_kv and i.planned_with_communications,
    gettext_lazy("Espoo's own statement is planned with kv-tiimi and Viestintä: tick both."),
)
FINAL_TEXT = _require(
    lambda i: i.final_text.strip(), gettext_lazy("Add the final text before it is sent.")
)
BODY_AND_REFERENCE = _require(
    lambda i: i.body and i.decision_reference.strip(),
    gettext_lazy(
        "Record the body that gives the statement and its reference in the decision-making system."
    ),
)


def _every_unit_part(item) -> None:
    """Several departments prepare together: each unit's part is recorded."""
    units = list(item.units.all())
    if len({u.department_id for u in units}) < 2:
        return
    done = set(item.parts.values_list("unit_id", flat=True))
    missing = [str(u) for u in units if u.pk not in done]
    if missing:
        raise ValidationError(
            _("Several departments prepare this together: record the part of %(units)s.")
            % {"units": ", ".join(missing)}
        )


PARTS_RECORDED = Guard(_every_unit_part)


def only(kinds, guard: Guard) -> Guard:
    """A guard that applies on the paths of these kinds (one transition, several paths)."""

    def check(item) -> None:
        if item.kind in kinds:
            guard.check(item)

    return Guard(check)


def _set_outcome_date(item, *, actor) -> None:
    if item.outcome_date is None:
        item.outcome_date = timezone.localdate()


def _notify(item, *, actor, frm) -> None:
    notifications.state_changed(item, frm=frm)


T = Transition
_DECLINABLE = (S.RECEIVED, S.PREPARING, S.ASSESSED, S.CITY_MANAGER, S.DECIDED)

ADVOCACY_WORKFLOW = Workflow(
    states=[
        State(S.RECEIVED, S.RECEIVED.label),
        State(S.PREPARING, S.PREPARING.label),
        State(S.ASSESSED, S.ASSESSED.label),
        State(S.CITY_MANAGER, S.CITY_MANAGER.label),
        State(S.DECIDED, S.DECIDED.label),
        State(S.SENT, S.SENT.label, open=False),
        State(S.GIVEN, S.GIVEN.label, open=False),
        State(S.FILED, S.FILED.label, open=False, closed=True),
        State(S.DECLINED, S.DECLINED.label, open=False, closed=True, needs_reason=True),
    ],
    transitions=[
        # comment or consultation
        T(S.RECEIVED, S.ASSESSED, editor(CONSULT), guards=(EXPERT_ASSESSED,)),
        # joint, own and official statements start with their preparation (kv-tiimi told)
        T(S.RECEIVED, S.PREPARING, editor(JOINT, OWN, OFFICIAL)),
        # joint public statement
        T(S.PREPARING, S.ASSESSED, editor(JOINT), guards=(CONTENT_ASSESSED, EFFECTS_ASSESSED)),
        T(S.ASSESSED, S.CITY_MANAGER, editor(JOINT), guards=(NEEDS_CITY_MANAGER, REASONS_GIVEN)),
        T(S.CITY_MANAGER, S.DECIDED, kv_team(JOINT), guards=(CITY_MANAGER_DECIDED,)),
        # the decision: a director's for a consultation; a joint statement without the city manager
        T(
            S.ASSESSED,
            S.DECIDED,
            editor(CONSULT, JOINT),
            guards=(
                only((CONSULT,), DIRECTOR_DECIDED),
                only((JOINT,), NO_CITY_MANAGER_NEEDED),
            ),
        ),
        # sent: consultations with every unit's part, statements with Viestintä's agreement
        T(
            S.DECIDED,
            S.SENT,
            editor(CONSULT, JOINT),
            guards=(
                only((CONSULT,), PARTS_RECORDED),
                only((JOINT,), COMMUNICATION_AGREED),
                FINAL_TEXT,
            ),
        ),
        T(
            S.PREPARING,
            S.SENT,
            editor(OWN),
            guards=(PLANNED_TOGETHER, COMMUNICATION_AGREED, FINAL_TEXT),
        ),
        # official statement
        T(S.PREPARING, S.GIVEN, editor(OFFICIAL), guards=(BODY_AND_REFERENCE,)),
        # the answer filed
        T(S.SENT, S.FILED, editor(CONSULT, JOINT, OWN)),
        T(S.GIVEN, S.FILED, editor(OFFICIAL)),
        *[T(state, S.DECLINED, editor(CONSULT, JOINT, OWN, OFFICIAL)) for state in _DECLINABLE],
    ],  # fmt: skip
    before_save={
        S.SENT: [_set_outcome_date],
        S.GIVEN: [_set_outcome_date],
        S.DECLINED: [_set_outcome_date],
    },
    after_commit=[_notify],
    refused_move=gettext_lazy("An advocacy item cannot move from “%(from)s” to “%(to)s”."),
)
