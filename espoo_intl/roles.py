"""The portal's roles (Django groups) and the model permissions each one holds.

Groups are synchronised after every migrate (see apps.py). A new register joins the
roles by declaring its models in its AppConfig.ready() (see espoo_intl.registry).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["Role", "ROLE_PERMISSIONS", "sync_roles", "reads_dashboards"]


class Role(models.TextChoices):
    STAFF = "unit_staff", _("unit staff")
    CONTACT = "international_contact", _("department international contact")
    KV_TEAM = "kv_team", _("international affairs team (kv-tiimi)")
    LEADERSHIP = "leadership", _("leadership")
    ADMINISTRATOR = "administrator", _("administrator")


# Registers and catalogues come from what each app declared (espoo_intl.registry).
# Catalogues are edited by kv-tiimi and administrators.
_VIEW = ["view"]
_WRITE = ["view", "add", "change"]
_ALL = ["view", "add", "change", "delete"]

ROLE_PERMISSIONS = {
    Role.STAFF: {"registers": _WRITE, "catalogues": _VIEW},
    Role.CONTACT: {"registers": _WRITE, "catalogues": _VIEW},
    Role.KV_TEAM: {"registers": _ALL, "catalogues": _ALL},
    Role.LEADERSHIP: {"registers": _VIEW, "catalogues": _VIEW},
    Role.ADMINISTRATOR: {"registers": _ALL, "catalogues": _ALL},
}


def reads_dashboards(user) -> bool:
    """kv-tiimi, administrators and leadership read the dashboards (what each sees still
    follows the record rules)."""
    return user.is_authenticated and (user.sees_everything or user.has_role(Role.LEADERSHIP))


def sync_roles(**kwargs) -> None:
    """Create the role groups and give each exactly its permissions (idempotent)."""
    from django.contrib.auth.models import Group, Permission

    from . import registry

    for role, grants in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role.value)
        wanted = []
        for kind, models_ in (
            ("registers", registry.registers()),
            ("catalogues", registry.catalogues()),
        ):
            for app_label, model in models_:
                codenames = [f"{action}_{model}" for action in grants[kind]]
                wanted += list(
                    Permission.objects.filter(
                        content_type__app_label=app_label, codename__in=codenames
                    )
                )
        for perm in registry.everyone_permissions():
            app_label, codename = perm.split(".")
            wanted += list(
                Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(wanted)
