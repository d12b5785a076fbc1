from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvocacyConfig(AppConfig):
    name = "advocacy"
    verbose_name = _("advocacy")

    def ready(self):
        """Plug advocacy and development items into the core (see espoo_intl.registry)."""
        from espoo_intl import registry

        from . import demo, selectors

        registry.register(
            registry.App(
                label=self.label,
                urls="advocacy.urls",
                registers=[("advocacy", "advocacyitem")],
                # kv-tiimi edits the ten development items; owners add notes (advocacy.rules).
                catalogues=[("advocacy", "developmentitem")],
                menu_groups=[registry.MenuGroup("advocacy", _("Advocacy"), order=55)],
                menu=[
                    registry.MenuEntry(
                        _("Advocacy items"),
                        "advocacy:item_list",
                        "/advocacy/",
                        order=50,
                        group="advocacy",
                    ),
                    registry.MenuEntry(
                        _("Development items"),
                        "advocacy:development_list",
                        "/development/",
                        order=60,
                        group="advocacy",
                    ),
                ],
                dashboard_panels=[
                    registry.Panel(
                        "advocacy/dashboard_deadlines.html", selectors.deadlines_panel, order=60
                    )
                ],
                calendar_sources=[
                    registry.CalendarSource(
                        selectors.calendar_entries, selectors.calendar_fingerprint
                    )
                ],
                demo_loader=registry.DemoLoader(demo.load),
            )
        )
