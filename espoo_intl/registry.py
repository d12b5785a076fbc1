"""What each app declares in its `AppConfig.ready()`; the core loops over it.

The core (`espoo_intl`) imports no domain app. An app plugs in by registering one
`App` with its registers and catalogues (for the role tables in `roles.py`), its URLs,
menu entries, home tiles, dashboard panels, calendar sources and demo-data loader::

    # partnerships/apps.py
    class PartnershipsConfig(AppConfig):
        name = "partnerships"

        def ready(self):
            from espoo_intl import registry

            from . import calendar, demo

            registry.register(registry.App(
                label="partnerships",
                urls="partnerships.urls",                     # included at the site root
                registers=[("partnerships", "partnership")],
                catalogues=[("partnerships", "partnertype")],
                menu=[registry.MenuEntry(_("Partnerships"), "partnerships:partnership_list",
                                         path_prefix="/partnerships/", order=30)],
                home_tiles=[registry.Panel("partnerships/home_tile.html", demo.tile_context)],
                calendar_sources=[registry.CalendarSource(calendar.entries)],
                periodic_tasks={"nightly-review": {"task": "partnerships.tasks.review",
                                                   "schedule": 24 * 3600}},
                demo_loader=registry.DemoLoader(demo.load),
                indicators="partnerships.indicators",         # its INDICATORS list
            ))

Callables get the signed-in user (`context(user) -> dict`, `visible(user) -> bool`);
a calendar source answers `entries(*, user, start, end) -> list[CalendarEntry]`.
`indicators` names a module whose `INDICATORS` lists the app's derived metrics
(`Indicator`); metrics reads them through `indicators()` and imports no domain app. The
module may also offer `yearly_figures(years)`, every figure of every year in a query or two
(espoo_intl.yearly), for pages that show all years (the metrics overview, the report).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module

__all__ = [
    "App", "MenuEntry", "MenuGroup", "Panel", "CalendarSource", "DemoLoader", "SETTINGS", "register", "may",
    "signed_in",
    "apps", "registers", "catalogues", "everyone_permissions", "menu_entries", "home_tiles",
    "dashboard_panels", "calendar_sources", "demo_loaders", "url_modules", "menu_groups", "Indicator", "indicators",
    "indicator_sources",
]  # fmt: skip

SETTINGS = "settings"  # the menu's "Rule tables" dropdown: rule tables and catalogues


def signed_in(user) -> bool:
    return user.is_authenticated


def may(perm: str) -> Callable:
    """A `visible` callable: users holding the permission "app_label.codename"."""

    def check(user) -> bool:
        return user.has_perm(perm)

    return check


@dataclass(frozen=True)
class MenuEntry:
    """A link in the main navigation. `group=SETTINGS` puts it in the rule-tables dropdown;
    `path_prefix` marks it active on every page below it."""

    label: str
    url_name: str
    path_prefix: str = ""
    visible: Callable = signed_in
    order: int = 100
    group: str = ""


@dataclass(frozen=True)
class MenuGroup:
    """A dropdown in the main navigation: entries naming its `key` as their `group` are
    listed under `label`. An entry whose group nobody declared stands on its own."""

    key: str
    label: str
    order: int = 100


@dataclass(frozen=True)
class Panel:
    """A home tile or a dashboard panel: `template` rendered with `context(user)`. On the
    dashboard, panels naming the same `context` callable share one call of it per page."""

    template: str
    context: Callable
    order: int = 100
    visible: Callable = signed_in


@dataclass(frozen=True)
class CalendarSource:
    """`entries(*, user, start, end=None)` -> list of `espoo_intl.calendar.CalendarEntry`
    the user may read that overlap start..end. `fingerprint(*, user, start)` -> str, if
    given, changes whenever the entries would (the feed answers 304 without building them);
    without it the core hashes the entries."""

    entries: Callable
    fingerprint: Callable | None = None
    note: str = ""  # shown under the month page, e.g. what the source leaves out


@dataclass(frozen=True)
class DemoLoader:
    """`load(*, users, options)` -> a short summary of what was created; `users` maps the
    demo usernames to accounts. `arguments` adds options to `load_demo`, e.g.
    `[("--partners", {"type": int, "default": 50})]`."""

    load: Callable
    arguments: tuple = ()


@dataclass(frozen=True)
class Indicator:
    """A derived metric (metrics catalogue code): `records(year)` -> every record it counts
    that year, a queryset with `for_user` (confidential ones included); `value(records)` ->
    the figure (default: how many). Several apps may declare the same code: they add up."""

    code: str
    records: Callable
    value: Callable | None = None
    rule: str = ""  # how it is counted, shown beside the figure


@dataclass(frozen=True)
class App:
    """Everything one app declares. `registers` and `catalogues` are (app_label, model);
    `everyone` are permissions ("app.codename") every role holds."""

    label: str
    urls: str = ""
    registers: list = field(default_factory=list)
    catalogues: list = field(default_factory=list)
    everyone: list = field(default_factory=list)
    menu: list = field(default_factory=list)
    menu_groups: list = field(default_factory=list)
    home_tiles: list = field(default_factory=list)
    dashboard_panels: list = field(default_factory=list)
    calendar_sources: list = field(default_factory=list)
    demo_loader: DemoLoader | None = None
    # Celery beat entries by name, e.g. {"nightly-x": {"task": "app.tasks.x", "schedule": 86400}}
    periodic_tasks: dict = field(default_factory=dict)
    indicators: str = ""  # dotted module with INDICATORS: list[Indicator]


_APPS: dict[str, App] = {}


def register(app: App) -> None:
    """Called from the app's `AppConfig.ready()`; registering the same label again
    replaces the earlier declaration. Periodic tasks join Celery beat's schedule."""
    _APPS[app.label] = app
    if app.periodic_tasks:
        from .celery import app as celery_app

        celery_app.conf.beat_schedule = {**celery_app.conf.beat_schedule, **app.periodic_tasks}


def apps() -> list[App]:
    return list(_APPS.values())


def _each(attr: str) -> list:
    return [item for app in _APPS.values() for item in getattr(app, attr)]


def registers() -> list[tuple[str, str]]:
    return _each("registers")


def catalogues() -> list[tuple[str, str]]:
    return _each("catalogues")


def everyone_permissions() -> list[str]:
    return _each("everyone")


def menu_groups() -> dict[str, MenuGroup]:
    return {group.key: group for group in _each("menu_groups")}


def menu_entries(user) -> list[MenuEntry]:
    """The entries this user sees, in order."""
    return sorted((e for e in _each("menu") if e.visible(user)), key=lambda e: e.order)


def _panels(attr: str, user) -> list[Panel]:
    return sorted((p for p in _each(attr) if p.visible(user)), key=lambda p: p.order)


def home_tiles(user) -> list[Panel]:
    return _panels("home_tiles", user)


def dashboard_panels(user) -> list[Panel]:
    return _panels("dashboard_panels", user)


def calendar_sources() -> list[CalendarSource]:
    return _each("calendar_sources")


def demo_loaders() -> list[DemoLoader]:
    return [app.demo_loader for app in _APPS.values() if app.demo_loader]


def url_modules() -> list[str]:
    return [app.urls for app in _APPS.values() if app.urls]


def indicator_sources() -> list[tuple[list[Indicator], Callable | None]]:
    """Per app: its INDICATORS and its `yearly_figures(years) -> {code: {year: figure}}`
    (None when the module offers none: each figure is then counted year by year)."""
    modules = [import_module(app.indicators) for app in _APPS.values() if app.indicators]
    return [(module.INDICATORS, getattr(module, "yearly_figures", None)) for module in modules]


def indicators(code: str | None = None) -> list[Indicator]:
    """The derived metrics every app declares (only those for `code` when given)."""
    found = [
        item
        for app in _APPS.values()
        if app.indicators
        for item in import_module(app.indicators).INDICATORS
    ]
    return [item for item in found if code is None or item.code == code]
