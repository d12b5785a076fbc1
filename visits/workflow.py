"""The visit request's life cycle (DOMAIN.md 3.3, 3.4) as a workflow of the core engine:
its states, the transitions and who may make each, the guards, and the hooks (checklist on
acceptance, visit record on completion, notifications after commit)."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from espoo_intl.questionnaires import latest_response
from espoo_intl.workflow import KV, OWNER, Guard, State, Transition, Workflow

from . import notifications
from .choices import ChecklistPhase, ItemStatus
from .choices import RequestState as S
from .models.request import CLOSED_STATES, EVALUATION, OPEN_STATES
from .services.requests import checklist_generate, visit_from_request

__all__ = ["REQUEST_WORKFLOW"]


def _responsible_named(visit_request) -> None:
    if visit_request.responsible_id is None:
        raise ValidationError(_("Name the responsible person before planning starts."))


def _evaluation_recorded(visit_request) -> None:
    """3.4: a request is accepted only after its evaluation is recorded."""
    if latest_response(visit_request, EVALUATION) is None:
        raise ValidationError(_("Record the evaluation before accepting the request."))


EVALUATION_RECORDED = Guard(
    _evaluation_recorded,
    overridable=True,
    override_by=KV,
    override_label=gettext_lazy("Accept without an evaluation"),
    override_note=gettext_lazy("Accepted without a recorded evaluation: %(reason)s"),
)


def _visit_started(visit_request) -> None:
    """A request is completed only once its visit has started."""
    if visit_request.proposed_start > timezone.localdate():
        raise ValidationError(
            _("The visit has not started yet: it can be completed from %(date)s on."),
            params={"date": visit_request.proposed_start.strftime("%d.%m.%Y")},
        )


def _checklist_closed(*phases):
    """A guard: the required checklist items of these phases are done or not needed."""

    def check(visit_request) -> None:
        items = visit_request.checklist.filter(
            phase__in=phases, required=True, status=ItemStatus.OPEN
        )
        open_items = list(items.select_related("template").order_by("order", "pk"))
        if not open_items:
            return
        names = "; ".join(i.label for i in open_items[:5])
        if len(open_items) > 5:
            names += " " + _("…and %(more)s more") % {"more": len(open_items) - 5}
        raise ValidationError(
            _("%(n)s required checklist items are still open: %(items)s"),
            params={"n": len(open_items), "items": names},
        )

    return Guard(
        check,
        overridable=True,
        override_by=KV,
        override_label=gettext_lazy("Override open checklist items"),
        override_note=gettext_lazy("Overridden with %(n)s open items: %(reason)s"),
    )


def _complete(visit_request, *, actor) -> None:
    """A completed request becomes (or updates) its visit record, so metrics count it once."""
    if visit_request.host_unit_id is None:
        raise ValidationError(_("Choose the host unit before completing the request."))
    visit_request.visit = visit_from_request(visit_request, actor)


def _generate_checklist(visit_request, *, actor) -> None:
    checklist_generate(visit_request)


def _notify(visit_request, *, actor, frm) -> None:
    notifications.state_changed(visit_request, actor=actor, frm=frm)


_CANCELLABLE = (S.RECEIVED, S.UNDER_REVIEW, S.ACCEPTED, S.PLANNING, S.CONFIRMED)

REQUEST_WORKFLOW = Workflow(
    states=[
        State(
            code,
            label,
            open=code in OPEN_STATES,
            closed=code in CLOSED_STATES,
            needs_reason=code in (S.DECLINED, S.CANCELLED),
        )
        for code, label in S.choices
    ],
    transitions=[
        Transition(S.RECEIVED, S.UNDER_REVIEW, KV),
        Transition(S.UNDER_REVIEW, S.ACCEPTED, KV, guards=(EVALUATION_RECORDED,)),
        Transition(S.UNDER_REVIEW, S.DECLINED, KV),
        Transition(S.ACCEPTED, S.PLANNING, OWNER, guards=(Guard(_responsible_named),)),
        Transition(
            S.PLANNING,
            S.CONFIRMED,
            OWNER,
            guards=(_checklist_closed(ChecklistPhase.PLANNING, ChecklistPhase.INTERNAL),),
        ),
        Transition(S.CONFIRMED, S.COMPLETED, OWNER, guards=(Guard(_visit_started),)),
        Transition(
            S.COMPLETED, S.DEBRIEFED, OWNER, guards=(_checklist_closed(ChecklistPhase.AFTER),)
        ),
        *[Transition(state, S.CANCELLED, OWNER) for state in _CANCELLABLE],
    ],
    before_save={S.ACCEPTED: [_generate_checklist], S.COMPLETED: [_complete]},
    after_commit=[_notify],
    refused_move=gettext_lazy("A request cannot move from “%(from)s” to “%(to)s”."),
)
