"""Every URL pattern of the project is in some app's permission matrix.

Each local app (a directory next to manage.py) keeps its rows in a module-level `MATRIX`
in `<app>/tests/test_permissions.py`; this test finds those modules through the installed
app configs, so the core names no app. A new page without a row fails here."""

import importlib
import string
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

# The admin's own pages (models, logins, ...) are Django's; only its index is in a matrix.
UNCHECKED_PREFIXES = ("admin/",)
CHECKED_DESPITE_PREFIX = {"admin/"}


def _local_apps():
    base = Path(settings.BASE_DIR).resolve()
    return [app for app in apps.get_app_configs() if Path(app.path).resolve().parent == base]


def _matrices() -> dict[str, list]:
    found = {}
    for app in _local_apps():
        name = f"{app.name}.tests.test_permissions"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name not in {name, f"{app.name}.tests"}:
                raise
            continue
        found[name] = module.MATRIX
    return found


def _routes(patterns, prefix: str = ""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        else:
            yield route


def _path(route: str) -> str:
    """A matrix route with every `{record}` given a made-up pk, ready to resolve."""
    names = {name for _text, name, _spec, _conv in string.Formatter().parse(route) if name}
    return route.format(**dict.fromkeys(names, 1))


def _covered() -> dict[str, str]:
    """{URL pattern: the first matrix module with a row for it}."""
    covered = {}
    for module, matrix in _matrices().items():
        for entry in matrix:
            try:
                match = resolve(_path(entry.route))
            except Resolver404:
                pytest.fail(f"{module}: {entry.method} {entry.route} matches no URL pattern")
            covered.setdefault(match.route, module)
    return covered


def test_local_apps_are_found():
    assert _local_apps(), "no installed app lives next to manage.py"
    assert _matrices(), "no app has tests/test_permissions.py with a MATRIX"


def test_every_url_pattern_is_in_a_permission_matrix():
    covered = _covered()
    patterns = [
        route
        for route in _routes(get_resolver().url_patterns)
        if route in CHECKED_DESPITE_PREFIX or not route.startswith(UNCHECKED_PREFIXES)
    ]

    missing = [route for route in patterns if route not in covered]

    assert not missing, "URL patterns in no app's tests/test_permissions.py MATRIX:\n" + "\n".join(
        missing
    )
