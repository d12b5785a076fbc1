from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = _("visits")

    def ready(self):
        """Plug visits and visit requests into the core (see espoo_intl.registry)."""
        from espoo_intl import registry

        from . import demo, selectors, selectors_calendar, selectors_dashboard

        rules = registry.may("visits.change_protocolrule")
        panel = registry.Panel
        dashboard = selectors_dashboard
        registry.register(
            registry.App(
                label=self.label,
                urls="visits.urls",
                registers=[("visits", "visit"), ("visits", "visitrequest")],
                catalogues=[
                    ("visits", "protocolrule"),
                    ("visits", "routingrule"),
                    ("visits", "checklisttemplate"),
                ],
                # Anyone signed in may register a visit request (DOMAIN.md 3.3).
                everyone=["visits.add_visitrequest"],
                menu_groups=[registry.MenuGroup("visits", _("Visits"), order=10)],
                menu=[
                    registry.MenuEntry(
                        _("Visit log"), "visits:visit_list", "/visits/", order=10, group="visits"
                    ),
                    registry.MenuEntry(
                        _("Visit requests"),
                        "visits:request_list",
                        "/requests/",
                        order=20,
                        group="visits",
                    ),
                    registry.MenuEntry(
                        _("Protocol matrix"),
                        "visits:rules_protocol",
                        "/requests/rules/protocol/",
                        rules,
                        order=10,
                        group=registry.SETTINGS,
                    ),
                    registry.MenuEntry(
                        _("Routing rules"),
                        "visits:rules_routing",
                        "/requests/rules/routing/",
                        rules,
                        order=20,
                        group=registry.SETTINGS,
                    ),
                    registry.MenuEntry(
                        _("Checklist template"),
                        "visits:rules_checklist",
                        "/requests/rules/checklist/",
                        rules,
                        order=30,
                        group=registry.SETTINGS,
                    ),
                ],  # fmt: skip
                home_tiles=[panel("visits/home_tile.html", selectors.home_tile, order=10)],
                dashboard_panels=[
                    panel("visits/dashboard/counts.html", dashboard.dashboard_panels, order=10),
                    panel("visits/dashboard/review.html", dashboard.dashboard_panels, order=20),
                    panel("visits/dashboard/states.html", dashboard.dashboard_panels, order=30),
                    panel("visits/dashboard/upcoming.html", dashboard.dashboard_panels, order=40),
                    panel("visits/dashboard/overdue.html", dashboard.dashboard_panels, order=50),
                ],
                calendar_sources=[
                    registry.CalendarSource(
                        selectors_calendar.calendar_entries,
                        selectors_calendar.calendar_fingerprint,
                        note=selectors_calendar.CALENDAR_NOTE,
                    )
                ],
                periodic_tasks={
                    "erase-expired-guest-data": {
                        "task": "visits.tasks.erase_expired_guest_data",
                        "schedule": 24 * 3600,
                    },
                    "remind-upcoming-visits": {
                        "task": "visits.tasks.remind_upcoming_visits",
                        "schedule": 24 * 3600,
                    },
                },
                indicators="visits.indicators",
                demo_loader=registry.DemoLoader(
                    demo.load,
                    arguments=[
                        ("--visits", {"type": int, "default": 320, "help": "how many visits"})
                    ],
                ),
            )
        )
