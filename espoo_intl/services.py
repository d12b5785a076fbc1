"""Writes shared by every register: validate, save and record history in one
transaction, then check the record is still within the actor's reach. An update is
refused when the record is closed or someone else saved it since the user opened it."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from .permissions import can_add, can_change, can_delete, in_reach
from .records import lock_for_edit

__all__ = ["record_create", "record_update", "record_delete", "catalogue_save"]


def _assign(instance: models.Model, data: dict) -> dict:
    """Set plain fields on the instance; return the many-to-many values to set after save."""
    m2m = {}
    for name, value in data.items():
        field = instance._meta.get_field(name)
        if field.many_to_many:
            m2m[name] = value
        else:
            setattr(instance, name, value)
    return m2m


def _save(instance: models.Model, *, actor, data: dict) -> models.Model:
    m2m = _assign(instance, data)
    instance.full_clean()
    instance._history_user = actor  # simple_history: who made the change, also outside a request
    instance.save()
    for name, values in m2m.items():
        getattr(instance, name).set(values)
    if not in_reach(actor, instance):
        # NetBox's post-save check: never let someone save a record out of their own sight.
        raise ValidationError(
            _(
                "You would not be able to see this record after saving it. Name yourself as "
                "the responsible person or leave it non-confidential."
            )
        )
    if not can_change(actor, instance):
        message = _("You can only record this for a unit of your own department.")
        unit_field = getattr(instance, "unit_field", None)
        raise ValidationError({unit_field: message} if unit_field else message)
    return instance


@transaction.atomic
def record_create(model: type[models.Model], *, actor, data: dict, **extra) -> models.Model:
    """Create a record of `model` from validated `data`; all or nothing."""
    if not can_add(actor, model):
        raise PermissionDenied
    instance = model(**extra)
    return _save(instance, actor=actor, data=data)


@transaction.atomic
def record_update(
    instance: models.Model, *, actor, data: dict, expected_version: int | None = None
) -> models.Model:
    """Change a record the actor may edit; all or nothing. Refused (code "stale") when
    someone saved it after `expected_version` (default: the version `instance` was read
    at), and (code "closed") when the record is closed."""
    if not can_change(actor, instance):
        raise PermissionDenied
    current = lock_for_edit(instance, expected_version)
    instance.version = current.version + 1
    return _save(instance, actor=actor, data=data)


@transaction.atomic
def record_delete(instance: models.Model, *, actor) -> None:
    """Delete a record; only kv-tiimi and administrators may."""
    if not can_delete(actor, instance):
        raise PermissionDenied
    instance._history_user = actor
    instance.delete()


@transaction.atomic
def catalogue_save(formset, *, actor) -> int:
    """Save a rule table's formset (kv-tiimi); each row's history names the actor.
    Returns how many rows were added, changed or deleted."""
    instances = formset.save(commit=False)
    for obj in formset.deleted_objects:
        obj._history_user = actor
        obj.delete()
    for obj in instances:
        obj.full_clean()
        obj._history_user = actor
        obj.save()
    return len(instances) + len(formset.deleted_objects)
