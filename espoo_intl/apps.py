from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EspooIntlConfig(AppConfig):
    name = "espoo_intl"
    verbose_name = _("organisation and people")

    def ready(self):
        from . import registry
        from .outbox import SWEEP_TASK
        from .roles import reads_dashboards, sync_roles

        post_migrate.connect(sync_roles, dispatch_uid="espoo_intl.sync_roles")
        # The core's own pages and catalogues, declared as any app declares its own.
        registry.register(
            registry.App(
                label=self.label,
                catalogues=[("espoo_intl", "theme"), ("espoo_intl", "orgunit")],
                menu_groups=[registry.MenuGroup(registry.SETTINGS, _("Rule tables"), order=95)],
                # Pending outbox messages go to the broker once it answers again.
                periodic_tasks={
                    "outbox-sweep": {"task": SWEEP_TASK, "schedule": settings.OUTBOX_SWEEP_SECONDS}
                },
                menu=[
                    registry.MenuEntry(_("Calendar"), "calendar", "/calendar/", order=80),
                    registry.MenuEntry(
                        _("Dashboard"), "dashboard", "/dashboard/", reads_dashboards, order=90
                    ),
                    registry.MenuEntry(
                        _("Themes"),
                        "settings_themes",
                        "/settings/themes/",
                        registry.may("espoo_intl.change_theme"),
                        order=80,
                        group=registry.SETTINGS,
                    ),
                    registry.MenuEntry(
                        _("Organisation units"),
                        "settings_units",
                        "/settings/units/",
                        registry.may("espoo_intl.change_orgunit"),
                        order=90,
                        group=registry.SETTINGS,
                    ),
                ],  # fmt: skip
            )
        )
