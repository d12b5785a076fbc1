"""Record-level rules, in one place.

Every register model uses `RestrictedQuerySet` and names the fields the rules read; each
is optional:
- `unit_field`: the organisation unit whose department's people edit the record (None:
  no department edits it by unit);
- `responsible_field`: the responsible person or contacts: a field name, a list of names
  (a network with several contacts), or a callable returning names (None: nobody);
- `confidential_field`: the boolean that makes a record confidential (None: never);
- `creator_field`: whoever registered it keeps seeing it, confidential or not;
- `responsible_may_edit`: the responsible people edit it too.
Views never check roles themselves: they ask `for_user`, `can_change` and `can_delete`.

The rules (DOMAIN.md, roles):
- kv-tiimi and administrators see and edit everything;
- everyone else signed in sees every non-confidential record;
- a confidential record is visible only to those `confidential_reach` names: kv-tiimi,
  its responsible people and the international contact of its host department (and, for
  models that name a `creator_field`, whoever registered it);
- unit staff and international contacts edit the records of their own department
  (and, for models with `responsible_may_edit`, the responsible people too);
- leadership reads and edits nothing;
- delete is for kv-tiimi and administrators only.
"""

from functools import reduce
from operator import or_

from django.db import models
from django.db.models import Q

from .roles import Role

__all__ = [
    "RestrictedQuerySet", "can_add", "can_change", "can_delete", "in_reach", "sees_confidential_parts",
    "confidential_reach", "responsible_fields", "is_responsible",
]  # fmt: skip


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def responsible_fields(model) -> tuple[str, ...]:
    """The model's responsible-person fields (none, one or several)."""
    names = getattr(model, "responsible_field", None)
    if callable(names):
        names = names()
    if not names:
        return ()
    return (names,) if isinstance(names, str) else tuple(names)


def confidential_reach(model, user, *, with_creator: bool = True) -> list[tuple[str, object]]:
    """THE rule for confidential records, as (field path, value) terms: the user reaches a
    confidential record when any term matches. kv-tiimi reaches every record (no terms
    needed: callers check `sees_everything` first). Read as a query by `for_user` and in
    Python by `sees_confidential_parts`, so the two cannot drift apart."""
    terms = [(name, user.pk) for name in responsible_fields(model)]
    creator = getattr(model, "creator_field", None)
    if with_creator and creator:
        terms.append((creator, user.pk))
    unit = getattr(model, "unit_field", None)
    if unit and user.has_role(Role.CONTACT) and user.department_pk:
        terms.append((f"{unit}__department", user.department_pk))
    return terms


def _as_query(terms) -> Q:
    return reduce(or_, (Q(**{path: value}) for path, value in terms), Q(pk__in=[]))


def _matches(obj, path: str, value) -> bool:
    """Does `obj` satisfy the query term `path=value`? (The same lookup in Python.)"""
    head, _, rest = path.partition("__")
    field = obj._meta.get_field(head)
    if field.many_to_many or field.one_to_many:
        related = getattr(obj, head).all()
        return any(_matches(r, rest, value) if rest else r.pk == value for r in related)
    if not rest:
        return getattr(obj, field.attname) == value
    target = getattr(obj, head)
    return target is not None and _matches(target, rest, value)


def is_responsible(user, obj) -> bool:
    """Is the user one of the record's responsible people (or contacts)?"""
    return any(_matches(obj, name, user.pk) for name in responsible_fields(type(obj)))


class RestrictedQuerySet(models.QuerySet):
    def for_user(self, user) -> "RestrictedQuerySet":
        """The rows this user may read; an anonymous user gets none."""
        model = self.model
        if not _active(user):
            return self.none()
        if user.sees_everything or not getattr(model, "confidential_field", None):
            return self
        visible = Q(**{model.confidential_field: False}) | _as_query(
            confidential_reach(model, user)
        )
        return self.filter(visible).distinct() if _has_many(model) else self.filter(visible)

    def editable_by(self, user) -> "RestrictedQuerySet":
        """The rows this user may change (a subset of `for_user`)."""
        qs = self.for_user(user)
        if not _active(user) or user.sees_everything:
            return qs
        model = self.model
        editable = Q(pk__in=[])
        unit = getattr(model, "unit_field", None)
        if unit and user.has_role(Role.STAFF, Role.CONTACT) and user.department_pk:
            editable |= Q(**{f"{unit}__department": user.department_pk})
        if getattr(model, "responsible_may_edit", False):
            editable |= _as_query((name, user.pk) for name in responsible_fields(model))
        qs = qs.filter(editable)
        return qs.distinct() if _has_many(model) else qs


def _through_many(model, path: str) -> bool:
    """Does the lookup `path` pass a many-to-many (or reverse) relation on its way?"""
    for name in path.split("__"):
        field = model._meta.get_field(name)
        if field.many_to_many or field.one_to_many:
            return True
        if not field.is_relation:
            return False
        model = field.related_model
    return False


def _has_many(model) -> bool:
    """A rule through a many-to-many field (also one hop away, e.g. an evaluation's
    "network__contacts") can repeat rows: those queries need distinct()."""
    return any(_through_many(model, name) for name in responsible_fields(model))


def _perm(model, action: str) -> str:
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def can_add(user, model) -> bool:
    return user.is_authenticated and user.has_perm(_perm(model, "add"))


def _within(queryset, obj, user) -> bool:
    """Is the (saved) record among the rows `queryset` (`for_user`/`editable_by`) allows?
    kv-tiimi's querysets are the whole table: no query needed."""
    if _active(user) and user.sees_everything:
        return obj.pk is not None
    return queryset.filter(pk=obj.pk).exists()


def in_reach(user, obj) -> bool:
    return _within(type(obj)._default_manager.for_user(user), obj, user)


def can_change(user, obj) -> bool:
    model = type(obj)
    return (
        user.is_authenticated
        and user.has_perm(_perm(model, "change"))
        and _within(model._default_manager.editable_by(user), obj, user)
    )


def sees_confidential_parts(user, obj) -> bool:
    """Confidential parts of a record (guest lists, dietary needs) follow the rule for
    confidential records, whatever the record's own flag: kv-tiimi, the responsible
    people and the host department's international contact (not whoever registered it)."""
    if not _active(user):
        return False
    if user.sees_everything:
        return True
    terms = confidential_reach(type(obj), user, with_creator=False)
    return any(_matches(obj, path, value) for path, value in terms)


def can_delete(user, obj) -> bool:
    model = type(obj)
    return (
        user.is_authenticated
        and user.has_perm(_perm(model, "delete"))
        and _within(model._default_manager.editable_by(user), obj, user)
    )
