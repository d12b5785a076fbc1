"""The workflow engine: a record's states, the transitions between them, who may make
each and which guards apply; one service that applies a transition.

An app describes its life cycle as data and names it on the model:

    REQUEST_WORKFLOW = Workflow(
        states=[State("received", _("received")), State("declined", _("declined"),
                open=False, closed=True, needs_reason=True), ...],
        transitions=[Transition("received", "declined", KV), ...],
        before_save={"accepted": [checklist_generate]},   # hook(obj, *, actor)
        after_commit=[notify_state_changed],              # hook(obj, *, actor, frm)
    )
    class VisitRequest(RegisterRecord):
        workflow = lazy_workflow("visits.workflow.REQUEST_WORKFLOW")

`workflow_transition(obj, to=..., actor=...)` then locks the row, checks the table, the
actor and the guards, runs the hooks, bumps the version, saves, writes the timeline entry
and queues the after-commit hooks (notifications). The page offers the buttons with
`{% include "workflow/_transitions.html" %}` (context from `Workflow.buttons`), posted to
one `espoo_intl.views.TransitionView` the app mounts at "<app>:<prefix>_transition".
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .permissions import is_responsible
from .timeline import timeline_log

__all__ = [
    "KV", "OWNER", "State", "Guard", "Transition", "Workflow", "lazy_workflow",
    "workflow_transition", "may",
]  # fmt: skip

KV = "kv"  # kv-tiimi (and administrators)
OWNER = "owner"  # the record's responsible people, or kv-tiimi

Who = str | Callable  # a role token above, or callable(user, obj) -> bool


def may(user, obj, who: Who) -> bool:
    """kv-tiimi (and administrators) make every step; the responsible people the owner's;
    a callable decides for itself."""
    if callable(who):
        return bool(who(user, obj))
    if user.sees_everything:
        return True
    return who == OWNER and is_responsible(user, obj)


@dataclass(frozen=True)
class State:
    """A state and what it means: `open` (work under way), `closed` (read-only
    everywhere), `editable` (the details may be edited), `needs_reason` (moving here
    needs a reason, e.g. declined)."""

    code: str
    label: object
    open: bool = True
    closed: bool = False
    needs_reason: bool = False
    editable: bool | None = None  # default: not closed

    @property
    def is_editable(self) -> bool:
        return not self.closed if self.editable is None else self.editable


@dataclass(frozen=True)
class Guard:
    """A precondition of a transition: `check(obj)` raises ValidationError when it is not
    met. An `overridable` guard may be overridden with a reason by `override_by` (kv-tiimi);
    the timeline keeps `override_note` % (the error's params + reason)."""

    check: Callable
    overridable: bool = False
    override_by: Who = KV
    override_label: object = gettext_lazy("Override, with a reason")
    override_note: object = gettext_lazy("Overridden: %(reason)s")


@dataclass(frozen=True)
class Transition:
    frm: str
    to: str
    who: Who
    guards: tuple = ()


@dataclass
class Workflow:
    states: Iterable[State]
    transitions: Iterable[Transition]
    state_field: str = "state"
    before_save: dict = field(default_factory=dict)  # to -> [hook(obj, *, actor)]
    after_commit: list = field(default_factory=list)  # [hook(obj, *, actor, frm)]
    # The refusal of a move not in the table; an app may name its record ("A request …").
    refused_move: object = gettext_lazy("A record cannot move from “%(from)s” to “%(to)s”.")

    def __post_init__(self):
        self.states = {s.code: s for s in self.states}
        self.table = {(t.frm, t.to): t for t in self.transitions}
        self.transitions = list(self.table.values())

    def state(self, code: str) -> State:
        return self.states[code]

    def state_of(self, obj) -> State:
        return self.states[getattr(obj, self.state_field)]

    def is_closed(self, obj) -> bool:
        return self.state_of(obj).closed

    def targets(self, frm: str) -> list[str]:
        """Where a record in state `frm` can go, whoever asks."""
        return [t.to for t in self.transitions if t.frm == frm]

    def transitions_for(self, user, obj) -> list[Transition]:
        """The transitions this user may make on this record now."""
        frm = getattr(obj, self.state_field)
        return [t for t in self.transitions if t.frm == frm and may(user, obj, t.who)]

    def buttons(self, user, obj) -> list[dict]:
        """What `workflow/_transitions.html` shows: one form per allowed transition."""
        buttons = []
        for t in self.transitions_for(user, obj):
            target = self.state(t.to)
            overridable = [g for g in t.guards if g.overridable and may(user, obj, g.override_by)]
            buttons.append(
                {
                    "to": t.to,
                    "label": target.label,
                    "needs_reason": target.needs_reason,
                    "override_label": overridable[0].override_label if overridable else "",
                    "danger": target.needs_reason,
                }
            )
        return buttons


class lazy_workflow:  # noqa: N801 - used like a field on the model
    """`workflow = lazy_workflow("app.workflow.NAME")` on a model: the definition is
    imported on first use, so it may import the app's models and services."""

    def __init__(self, dotted: str):
        self.dotted = dotted
        self.value = None

    def __get__(self, instance, owner):
        if self.value is None:
            self.value = import_string(self.dotted)
        return self.value


def _run_guards(transition: Transition, obj, actor, override_reason: str) -> list[str]:
    notes = []
    for guard in transition.guards:
        try:
            guard.check(obj)
        except ValidationError as error:
            if not (guard.overridable and override_reason and may(actor, obj, guard.override_by)):
                raise
            params = getattr(error, "params", None) or {}
            notes.append(str(guard.override_note) % {**params, "reason": override_reason})
    return notes


@transaction.atomic
def workflow_transition(
    obj: models.Model, *, to: str, actor, reason: str = "", override_reason: str = ""
) -> models.Model:
    """Move a record to state `to`, if its workflow's table allows it, the actor may make
    it and its guards pass (or are overridden with a reason). Records who, when and why
    on the timeline; nothing is half-changed; the after-commit hooks run once it is saved."""
    workflow = type(obj).workflow
    type(obj)._default_manager.select_for_update().filter(pk=obj.pk).first()
    obj.refresh_from_db()  # a step never saves over another one made meanwhile
    frm = getattr(obj, workflow.state_field)
    transition = workflow.table.get((frm, to))
    if transition is None:
        labels = {code: str(s.label) for code, s in workflow.states.items()}
        raise ValidationError(
            str(workflow.refused_move) % {"from": labels.get(frm, frm), "to": labels.get(to, to)}
        )
    if not may(actor, obj, transition.who):
        raise PermissionDenied(_("You may not make this change."))
    if workflow.state(to).needs_reason and not reason.strip():
        raise ValidationError({"reason": _("Give a reason.")})
    notes = _run_guards(transition, obj, actor, override_reason)
    for hook in workflow.before_save.get(to, ()):
        hook(obj, actor=actor)
    setattr(obj, workflow.state_field, to)
    obj.version += 1
    obj._history_user = actor
    obj.save()
    timeline_log(obj, actor=actor, frm=frm, to=to, reason="\n".join(filter(None, [reason, *notes])))
    for hook in workflow.after_commit:
        transaction.on_commit(partial(hook, obj, actor=actor, frm=frm))
    return obj
