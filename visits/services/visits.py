"""Every write to visits goes through here."""

from espoo_intl.services import record_create, record_delete, record_update

from ..models import Visit

__all__ = ["visit_create", "visit_update", "visit_delete"]


def visit_create(*, actor, **data) -> Visit:
    """Create a visit in the actor's reach, validated and logged; all or nothing."""
    return record_create(Visit, actor=actor, data=data, created_by=actor)


def visit_update(visit: Visit, *, actor, expected_version: int | None = None, **data) -> Visit:
    """Change a visit the actor may edit (own department, or kv-tiimi); all or nothing.
    Refused if someone else saved it since `expected_version`."""
    return record_update(visit, actor=actor, data=data, expected_version=expected_version)


def visit_delete(visit: Visit, *, actor) -> None:
    """Delete a visit (kv-tiimi and administrators only); the history keeps it."""
    record_delete(visit, actor=actor)
