"""What every register's record carries besides its own fields: who created it and when,
a version number for optimistic locking, and whether it is closed (read-only).

A register model inherits `RegisterRecord`, names the fields the record rules read
(see espoo_intl.permissions) and passes `excluded_fields=RECORD_HISTORY_EXCLUDED` to its
`HistoricalRecords`. Saves go through espoo_intl.services (`record_update` checks the
version) or through a service that calls `check_version` itself.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

__all__ = [
    "RegisterRecord", "RECORD_HISTORY_EXCLUDED", "StaleRecord", "ClosedRecord", "check_version",
    "check_open", "lock_for_edit", "stale_changes",
]  # fmt: skip

# The version is bookkeeping, not a change a reader wants to see in the history.
RECORD_HISTORY_EXCLUDED = ["version"]


class RegisterRecord(models.Model):
    """Who created a record and when it was created and last changed, and its version.
    A register model also names the fields the record rules read (espoo_intl.permissions)
    and, when it has a life cycle, its workflow (espoo_intl.workflow)."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("created by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(gettext_lazy("created"), auto_now_add=True)
    updated_at = models.DateTimeField(gettext_lazy("updated"), auto_now=True)
    # Optimistic locking: a save based on an older version is refused.
    version = models.PositiveIntegerField(gettext_lazy("version"), default=1, editable=False)
    # The record's timeline (espoo_intl.timeline); removed with the record.
    timeline = GenericRelation("espoo_intl.TimelineEntry")

    class Meta:
        abstract = True

    @property
    def is_closed(self) -> bool:
        """A closed record is read-only everywhere. Records with a workflow are closed in
        its closed states; others never are unless the model says otherwise."""
        workflow = getattr(type(self), "workflow", None)
        return bool(workflow and workflow.is_closed(self))


class StaleRecord(ValidationError):
    """Someone else saved the record after this user opened it (code "stale")."""


class ClosedRecord(ValidationError):
    """The record is closed: its details are kept as they are (code "closed")."""


def check_open(instance: models.Model) -> None:
    """Refuse a change to a closed record."""
    if getattr(instance, "is_closed", False):
        raise ClosedRecord(
            _("This record is closed: its details are kept as they are."), code="closed"
        )


def check_version(instance: models.Model, expected_version: int | None) -> models.Model:
    """Lock the record's row for this transaction and refuse the save when someone saved
    it after `expected_version` (the version the user started from). Call inside
    transaction.atomic. Returns the row as it is in the database."""
    current = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
    if expected_version is None:
        expected_version = instance.version
    if current.version != expected_version:
        raise StaleRecord(
            _(
                "Someone else changed this record while you were editing it. "
                "Their changes are shown below; make yours again and save."
            ),
            code="stale",
        )
    return current


def lock_for_edit(instance: models.Model, expected_version: int | None) -> models.Model:
    """Before changing a record's details: refuse a closed record and a stale save, and
    hold the row lock until the transaction ends. Returns the row as it is saved now."""
    check_open(instance)
    current = check_version(instance, expected_version)
    check_open(current)
    return current


def _display(obj, name: str, field) -> str:
    if field.many_to_many:
        return ", ".join(map(str, getattr(obj, name).all())) or "–"
    display = getattr(obj, f"get_{name}_display", None)
    value = display() if display else getattr(obj, name)
    return "–" if value in (None, "") else value


def stale_changes(form, current: models.Model) -> list[tuple[str, object]]:
    """(label, their value) for each field of `form` where the saved record `current`
    differs from what this user submitted: what the other person changed."""
    changed = []
    for name, field in form.fields.items():
        if name not in form.cleaned_data:
            continue
        try:
            model_field = current._meta.get_field(name)
        except FieldDoesNotExist:  # a form-only field (the version, an upload)
            continue
        mine = form.cleaned_data[name]
        if model_field.many_to_many:
            if set(getattr(current, name).all()) != set(mine or ()):
                changed.append((field.label, _display(current, name, model_field)))
        elif getattr(current, name) != mine:
            changed.append((field.label, _display(current, name, model_field)))
    return changed
