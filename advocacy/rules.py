"""Who may do what on the advocacy app's records, beyond the core's record rules
(espoo_intl.permissions): one place for each rule."""

from espoo_intl.permissions import can_change
from espoo_intl.roles import Role

__all__ = ["edits_item", "may_add_note", "edits_development_item"]


def edits_item(user, item) -> bool:
    """The preparing units' department staff, the responsible expert and kv-tiimi."""
    return can_change(user, item)


def edits_development_item(user, item) -> bool:
    """kv-tiimi (and administrators) edit a development item."""
    return can_change(user, item)


def may_add_note(user, item) -> bool:
    """kv-tiimi and the owner unit's department staff add progress notes."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.sees_everything:
        return True
    return (
        user.has_role(Role.STAFF, Role.CONTACT)
        and user.department_pk is not None
        and user.department_pk == item.owner_unit.department_id
    )
