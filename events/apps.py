from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("international events")

    def ready(self):
        """Plug the events register into the core (see espoo_intl.registry)."""
        from espoo_intl import registry

        from . import demo, selectors

        registry.register(
            registry.App(
                label=self.label,
                urls="events.urls",
                indicators="events.indicators",
                registers=[("events", "event")],
                menu=[registry.MenuEntry(_("Events"), "events:event_list", "/events/", order=50)],
                dashboard_panels=[
                    registry.Panel(
                        "events/dashboard_panel.html", selectors.dashboard_panel, order=60
                    )
                ],
                calendar_sources=[
                    registry.CalendarSource(
                        selectors.calendar_entries,
                        selectors.calendar_fingerprint,
                        note=selectors.CALENDAR_NOTE,
                    )
                ],
                demo_loader=registry.DemoLoader(demo.load),
            )
        )
