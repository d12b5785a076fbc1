from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("partnerships")

    def ready(self):
        """Plug partners, partnerships and projects into the core (espoo_intl.registry)."""
        from espoo_intl import registry
        from espoo_intl.roles import reads_dashboards

        from . import demo, selectors

        registry.register(
            registry.App(
                label=self.label,
                urls="partnerships.urls",
                indicators="partnerships.indicators",
                registers=[
                    ("partnerships", "partner"),
                    ("partnerships", "partnership"),
                    ("partnerships", "project"),
                ],
                menu_groups=[registry.MenuGroup("cooperation", _("Cooperation"), order=30)],
                menu=[
                    registry.MenuEntry(
                        _("Partnerships"),
                        "partnerships:partnership_list",
                        "/partnerships/",
                        order=30,
                        group="cooperation",
                    ),
                    registry.MenuEntry(
                        _("Partners"),
                        "partnerships:partner_list",
                        "/partners/",
                        order=31,
                        group="cooperation",
                    ),
                    registry.MenuEntry(
                        _("International projects"),
                        "partnerships:project_list",
                        "/projects/",
                        order=32,
                        group="cooperation",
                    ),
                ],  # fmt: skip
                dashboard_panels=[
                    registry.Panel(
                        "partnerships/dashboard/health.html",
                        selectors.health_panel,
                        order=60,
                        visible=reads_dashboards,
                    )
                ],
                demo_loader=registry.DemoLoader(demo.load),
            )
        )
