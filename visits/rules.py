"""The request rules as pure functions (DOMAIN.md 3.3, 3.4): the triage recommendation
and the host-unit suggestion. The states and transitions are in visits.workflow."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from espoo_intl.models import User
from espoo_intl.roles import Role

from .choices import DignitaryRank

__all__ = [
    "Recommendation", "recommendation", "Routing", "suggest_routing", "CITY_LEVEL_RANKS",
    "is_city_level", "request_department_id", "coordinates", "responsible_choices",
    "may_name_responsible", "RESPONSIBLE_OUTSIDE",
]  # fmt: skip

# A request of these ranks is city-level: kv-tiimi coordinates it (3.3).
CITY_LEVEL_RANKS = (DignitaryRank.ROYALTY, DignitaryRank.HEAD_OF_STATE, DignitaryRank.MINISTER)


def is_city_level(visit_request) -> bool:
    return visit_request.dignitary_rank in CITY_LEVEL_RANKS


def request_department_id(visit_request):
    """The department whose own request this is: the host unit's, or before routing the
    department of whoever registered it."""
    if visit_request.host_unit_id:
        return visit_request.host_unit.department_id
    creator = visit_request.created_by
    return creator.department_pk if creator else None


def coordinates(user, visit_request) -> bool:
    """Who evaluates, routes and names the responsible person (3.3, 3.4): kv-tiimi every
    request; a department's kv-yhteyshenkilö (international contact) the department's own
    requests that are not city-level."""
    if user.sees_everything:
        return True
    return bool(
        user.has_role(Role.CONTACT)
        and not is_city_level(visit_request)
        and user.department_pk
        and request_department_id(visit_request) == user.department_pk
    )


# What a form and a service say when someone outside the department is named.
RESPONSIBLE_OUTSIDE = _(
    "Choose a responsible person from your own department; kv-tiimi can name someone from "
    "another department."
)


def responsible_choices(user, *, keep=None):
    """The people `user` may name as the responsible person of a visit or a visit request:
    kv-tiimi (and administrators) anyone active; a kv-yhteyshenkilö, as other staff, the
    active people of their own department (3.3, 3.4). `keep`: the person named now (the
    pk), who stays a choice when someone else's earlier choice is edited."""
    people = User.objects.filter(is_active=True)
    if user.sees_everything:
        return people
    own = Q(unit__department=user.department_pk) if user.department_pk else Q(pk=user.pk)
    if keep:
        own |= Q(pk=keep)
    return people.filter(own)


def may_name_responsible(user, person, *, keep=None) -> bool:
    """May `user` name `person` (a User or None) as the responsible person?"""
    if person is None or user.sees_everything:
        return True
    return responsible_choices(user, keep=keep).filter(pk=person.pk).exists()


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
