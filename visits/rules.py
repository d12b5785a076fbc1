"""The request rules as pure functions (DOMAIN.md 3.3, 3.4): the triage recommendation
and the host-unit suggestion. The states and transitions are in visits.workflow."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

__all__ = ["Recommendation", "recommendation", "Routing", "suggest_routing"]


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


def suggest_routing(*, rank: str, themes, rules, kind: str = "") -> Routing:
    """The matching rule with the lowest priority suggests the host; the other matching
    units are informed (3.4: "if a request's theme concerns several units, they are all
    informed"). A rule matches by dignitary rank, theme or visit kind; a rule naming none
    of them is the fallback (general visit coordination), used only when nothing else
    matches. `rules` are RoutingRule rows in priority order."""
    theme_ids = {t.pk for t in themes}

    def matches(r) -> bool:
        rule_kind = getattr(r, "kind", "")
        return bool(
            (r.rank and r.rank == rank)
            or (r.theme_id and r.theme_id in theme_ids)
            or (rule_kind and rule_kind == kind)
        )

    def is_fallback(r) -> bool:
        return not (r.rank or r.theme_id or getattr(r, "kind", ""))

    rules = list(rules)
    found = [r for r in rules if matches(r)] or [r for r in rules if is_fallback(r)][:1]
    units = []
    for rule in found:
        if rule.unit not in units:
            units.append(rule.unit)
    if not units:
        return Routing(host=None)
    return Routing(host=units[0], informed=units[1:])
