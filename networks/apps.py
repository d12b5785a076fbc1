from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("networks")

    def ready(self):
        """Plug networks and their yearly evaluations into the core (espoo_intl.registry)."""
        from espoo_intl import registry
        from espoo_intl.roles import reads_dashboards

        from . import demo, selectors

        registry.register(
            registry.App(
                label=self.label,
                urls="networks.urls",
                registers=[("networks", "network"), ("networks", "networkevaluation")],
                menu=[
                    # In the "Cooperation" dropdown when the partnerships app declares it.
                    registry.MenuEntry(
                        _("Networks"),
                        "networks:network_list",
                        "/networks/",
                        order=35,
                        group="cooperation",
                    ),
                ],  # fmt: skip
                dashboard_panels=[
                    registry.Panel(
                        "networks/dashboard/missing.html",
                        selectors.dashboard_panel,
                        order=70,
                        visible=reads_dashboards,
                    )
                ],
                demo_loader=registry.DemoLoader(demo.load),
            )
        )
