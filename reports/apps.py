from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("annual report")

    def ready(self):
        """Plug the annual report into the core (see espoo_intl.registry)."""
        from espoo_intl import registry
        from espoo_intl.roles import reads_dashboards

        from . import demo, selectors, tasks  # noqa: F401 (tasks: registered with Celery)

        registry.register(
            registry.App(
                label=self.label,
                urls="reports.urls",
                menu=[
                    registry.MenuEntry(
                        _("Annual report"), "reports:list", "/reports/", reads_dashboards, order=65
                    )
                ],
                home_tiles=[
                    registry.Panel(
                        "reports/home_tile.html",
                        selectors.home_tile,
                        order=65,
                        visible=reads_dashboards,
                    )
                ],
                demo_loader=registry.DemoLoader(demo.load),
                periodic_tasks={
                    "reports-sweep": {"task": "reports.tasks.sweep", "schedule": 300},
                },
            )
        )
