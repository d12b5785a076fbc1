"""What every browser test module shares: headless Debian chromium through Playwright,
one browser per module, and pages signed in through the real login form.

A test module starts with `sync_api = require_browser()` (skips the module when chromium
or playwright is missing); the fixtures come through `pytest_plugins` in conftest.py.
"""

import re
from pathlib import Path

import pytest

__all__ = ["CHROMIUM", "PASSWORD", "require_browser", "browser", "open_page"]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PASSWORD = "espoo-test"  # the UserFactory's password


def require_browser():
    """Skip the calling test module unless chromium and playwright are installed."""
    if not CHROMIUM.exists():
        pytest.skip(
            f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)",
            allow_module_level=True,
        )
    return pytest.importorskip("playwright.sync_api", reason="the playwright package is missing")


@pytest.fixture(scope="module")
def browser(django_db_setup):
    """One headless chromium for the module.

    Playwright's sync API leaves an asyncio loop marked as running in this thread, so
    Django's connection handler (an asgiref Local) hands the tests a different
    connection object from the one `django_db_setup` serialized the seeded data on.
    Without the copy below `serialized_rollback` silently restores nothing and every
    test after the first runs without themes, routing rules and checklist templates.
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    serialized = {
        conn.alias: conn._test_serialized_contents
        for conn in connections.all()
        if hasattr(conn, "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser, live_server):
    """open_page(user=None, locale=..., enforce_csp=False) -> a page in its own browser
    context (own cookies), signed in through the login form when a user is given.
    The Content-Security-Policy is bypassed unless `enforce_csp`: the accessibility audit
    injects axe-core as an inline script (visits/tests/test_csp_browser.py enforces it)."""
    from playwright.sync_api import expect

    contexts = []

    def make(user=None, *, locale="fi-FI", enforce_csp=False):
        context = browser.new_context(
            base_url=live_server.url,
            locale=locale,
            viewport={"width": 1366, "height": 900},
            bypass_csp=not enforce_csp,
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        if user is not None:
            page.goto("/accounts/login/")
            page.fill("#id_username", user.username)
            page.fill("#id_password", PASSWORD)
            page.locator("main form").get_by_role("button").first.click()
            expect(page).not_to_have_url(re.compile(r"/accounts/login/"))
            expect(
                page.get_by_role("button", name=re.compile("Kirjaudu ulos|Sign out"))
            ).to_be_visible()
        return page

    yield make
    for context in contexts:
        context.close()
