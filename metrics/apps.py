from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MetricsConfig(AppConfig):
    name = "metrics"
    verbose_name = _("metrics")

    def ready(self):
        """Plug metrics into the core (see espoo_intl.registry)."""
        from espoo_intl import registry

        from . import demo

        def entry(label, url_name, path, model, order):
            perm = registry.may(f"metrics.change_{model}")
            return registry.MenuEntry(label, url_name, path, perm, order, registry.SETTINGS)

        registry.register(
            registry.App(
                label=self.label,
                urls="metrics.urls",
                registers=[("metrics", "submission")],
                catalogues=[
                    ("metrics", "goal"),
                    ("metrics", "objective"),
                    ("metrics", "provider"),
                    ("metrics", "indicator"),
                    ("metrics", "staffdiversity"),
                ],
                menu_groups=[registry.MenuGroup("metrics", _("Metrics"), order=60)],
                menu=[
                    registry.MenuEntry(
                        _("Goals and indicators"),
                        "metrics:framework",
                        "/metrics/",
                        order=60,
                        group="metrics",
                    ),
                    registry.MenuEntry(
                        _("Reporting"),
                        "metrics:periods",
                        "/metrics/periods/",
                        order=61,
                        group="metrics",
                    ),
                    entry(_("Goals"), "metrics:goals", "/metrics/catalogue/goals/", "goal", 60),
                    entry(
                        _("Objectives"),
                        "metrics:objectives",
                        "/metrics/catalogue/objectives/",
                        "objective",
                        61,
                    ),
                    entry(
                        _("Indicators"),
                        "metrics:indicators",
                        "/metrics/catalogue/indicators/",
                        "indicator",
                        62,
                    ),
                    entry(
                        _("Metric providers"),
                        "metrics:providers",
                        "/metrics/catalogue/providers/",
                        "provider",
                        63,
                    ),
                    entry(
                        _("Staff diversity figures"),
                        "metrics:diversity_figures",
                        "/metrics/catalogue/diversity/",
                        "staffdiversity",
                        64,
                    ),
                ],  # fmt: skip
                demo_loader=registry.DemoLoader(demo.load),
                periodic_tasks={
                    "metrics-deadline-reminders": {
                        "task": "metrics.tasks.remind_deadlines",
                        "schedule": 24 * 3600,
                    }
                },
            )
        )
