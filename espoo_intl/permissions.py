"""Record-level rules, in one place.

Every register model uses `RestrictedQuerySet` and names the fields the rules
read (`unit_field`, `responsible_field`, `confidential_field`). Views never
check roles themselves: they ask `for_user`, `can_change` and `can_delete`.

The rules (DOMAIN.md, roles):
- kv-tiimi and administrators see and edit everything;
- everyone else signed in sees every non-confidential record;
- a confidential record is visible only to kv-tiimi, its responsible person and
  the international contact of its host department (and, for models that name a
  `creator_field`, whoever registered it);
- unit staff and international contacts edit the records of their own department
  (and, for models with `responsible_may_edit`, the responsible person too);
- leadership reads and edits nothing;
- delete is for kv-tiimi and administrators only.
"""

from django.db import models
from django.db.models import Q

from .roles import Role

__all__ = [
    "RestrictedQuerySet", "can_add", "can_change", "can_delete", "in_reach", "sees_confidential_parts",
]  # fmt: skip


class RestrictedQuerySet(models.QuerySet):
    def for_user(self, user) -> "RestrictedQuerySet":
        """The rows this user may read; an anonymous user gets none."""
        model = self.model
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if user.sees_everything:
            return self
        visible = Q(**{model.confidential_field: False}) | Q(**{model.responsible_field: user.pk})
        if getattr(model, "creator_field", None):
            visible |= Q(**{model.creator_field: user.pk})
        if user.has_role(Role.CONTACT) and user.department_pk:
            visible |= Q(**{f"{model.unit_field}__department": user.department_pk})
        return self.filter(visible)

    def editable_by(self, user) -> "RestrictedQuerySet":
        """The rows this user may change (a subset of `for_user`)."""
        qs = self.for_user(user)
        if user.sees_everything:
            return qs
        editable = Q(pk__in=[])
        if user.has_role(Role.STAFF, Role.CONTACT) and user.department_pk:
            editable |= Q(**{f"{self.model.unit_field}__department": user.department_pk})
        if getattr(self.model, "responsible_may_edit", False):
            editable |= Q(**{self.model.responsible_field: user.pk})
        return qs.filter(editable)


def _perm(model, action: str) -> str:
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def can_add(user, model) -> bool:
    return user.is_authenticated and user.has_perm(_perm(model, "add"))


def in_reach(user, obj) -> bool:
    return type(obj)._default_manager.for_user(user).filter(pk=obj.pk).exists()


def can_change(user, obj) -> bool:
    model = type(obj)
    return (
        user.is_authenticated
        and user.has_perm(_perm(model, "change"))
        and model._default_manager.editable_by(user).filter(pk=obj.pk).exists()
    )


def sees_confidential_parts(user, obj) -> bool:
    """Confidential parts of a record (guest lists, dietary needs) follow the rule for
    confidential records, whatever the record's own flag: kv-tiimi, the responsible
    person and the host department's international contact."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.sees_everything:
        return True
    if getattr(obj, f"{type(obj).responsible_field}_id") == user.pk:
        return True
    unit = getattr(obj, type(obj).unit_field)
    return bool(
        user.has_role(Role.CONTACT)
        and unit is not None
        and unit.department_id == user.department_pk
    )


def can_delete(user, obj) -> bool:
    model = type(obj)
    return (
        user.is_authenticated
        and user.has_perm(_perm(model, "delete"))
        and model._default_manager.editable_by(user).filter(pk=obj.pk).exists()
    )
