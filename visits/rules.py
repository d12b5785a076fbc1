"""The request workflow's rules as data and pure functions (DOMAIN.md 3.3, 3.4).

One table of allowed transitions; who may make each; the triage recommendation;
the host-unit suggestion; the parties a rank requires.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .choices import ChecklistPhase
from .choices import RequestState as S

__all__ = [
    "KV", "OWNER", "TRANSITIONS", "REASON_REQUIRED", "GUARDED_BY_CHECKLIST", "allowed_targets",
    "may_make", "transitions_for", "Recommendation",
    "recommendation", "Routing", "suggest_routing",
]  # fmt: skip

KV = "kv"  # kv-tiimi (and administrators)
OWNER = "owner"  # the responsible person, or kv-tiimi

# (from, to) -> who may make it
TRANSITIONS: dict[tuple[str, str], str] = {
    (S.RECEIVED, S.UNDER_REVIEW): KV,
    (S.UNDER_REVIEW, S.ACCEPTED): KV,
    (S.UNDER_REVIEW, S.DECLINED): KV,
    (S.ACCEPTED, S.PLANNING): OWNER,
    (S.PLANNING, S.CONFIRMED): OWNER,
    (S.CONFIRMED, S.COMPLETED): OWNER,
    (S.COMPLETED, S.DEBRIEFED): OWNER,
    **{(state, S.CANCELLED): OWNER for state in (S.RECEIVED, S.UNDER_REVIEW, S.ACCEPTED, S.PLANNING, S.CONFIRMED)},
}  # fmt: skip

REASON_REQUIRED = {S.DECLINED, S.CANCELLED}

# A move to these states needs the checklist phases named here closed (kv-tiimi may override).
GUARDED_BY_CHECKLIST = {
    S.CONFIRMED: (ChecklistPhase.PLANNING, ChecklistPhase.INTERNAL),
    S.DEBRIEFED: (ChecklistPhase.AFTER,),
}


def allowed_targets(state: str) -> list[str]:
    return [to for (frm, to) in TRANSITIONS if frm == state]


def may_make(user, request, who: str) -> bool:
    """kv-tiimi (and administrators) make every step; the responsible person the owner's."""
    if user.sees_everything:
        return True
    return who == OWNER and request.responsible_id == user.pk


def transitions_for(user, request) -> list[str]:
    """The states this user may move this request to now."""
    return [
        to
        for (frm, to), who in TRANSITIONS.items()
        if frm == request.state and may_make(user, request, who)
    ]


@dataclass(frozen=True)
class Recommendation:
    code: str
    text: str


def recommendation(timely: bool | None, answers: list[bool | None]) -> Recommendation | None:
    """3.4: timeliness first; then one "yes" of the five questions means accept where possible."""
    if timely is None:
        return None
    if not timely:
        return Recommendation(
            "decline", _("Decline or propose another time: the request came too late.")
        )
    if any(a is True for a in answers):
        return Recommendation("accept", _("Accept where possible."))
    if all(a is False for a in answers):
        return Recommendation("decline", _("No grounds to accept: all five answers are no."))
    return None


@dataclass
class Routing:
    host: object | None
    informed: list = field(default_factory=list)


def suggest_routing(*, rank: str, themes, rules) -> Routing:
    """The matching rule with the lowest priority suggests the host; the other matching
    units are informed (3.4: "if a request's theme concerns several units, they are all
    informed"). `rules` are RoutingRule rows in priority order."""
    theme_ids = {t.pk for t in themes}
    matches = [
        r for r in rules if (r.rank and r.rank == rank) or (r.theme_id and r.theme_id in theme_ids)
    ]
    units = []
    for rule in matches:
        if rule.unit not in units:
            units.append(rule.unit)
    if not units:
        return Routing(host=None)
    return Routing(host=units[0], informed=units[1:])
