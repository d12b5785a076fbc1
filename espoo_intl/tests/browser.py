"""What every browser test module shares: headless Debian chromium through Playwright,
one browser per module, and pages signed in through the real login form.

A test module starts with `sync_api = require_browser()` (skips the module when chromium
or playwright is missing, fails it in CI); the fixtures come through `pytest_plugins` in
conftest.py.
"""

import importlib.util
import os
import re
from pathlib import Path

import pytest

__all__ = ["CHROMIUM", "PASSWORD", "Audit", "require_browser", "browser", "open_page", "audit"]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PASSWORD = "espoo-test"  # the UserFactory's password
# axe-core, vendored for the tests only (MPL-2.0, see the LICENSE files next to it).
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
RUN_AXE = (
    "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"
)
BLOCKING = {"serious", "critical"}
NARROW = 320  # px: the audit checks every page also at this width (reflow, WCAG 1.4.10)


def _missing() -> str:
    if not CHROMIUM.exists():
        return f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "browser tests need the playwright package (pip install -r requirements.txt)"
    return ""


def require_browser():
    """Skip the calling test module unless chromium and playwright are installed; in CI
    (CI=true, where .ci/run installs chromium) a missing browser fails the run instead."""
    if missing := _missing():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true: {missing}", pytrace=False)
        pytest.skip(missing, allow_module_level=True)
    return importlib.import_module("playwright.sync_api")


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
            expect(page.locator("#account-menu")).to_be_visible()  # signed in
        return page

    yield make
    for context in contexts:
        context.close()


class Audit:
    """Runs axe-core (WCAG 2.0/2.1 A and AA rules) on pages and collects the violations of
    impact "serious" or "critical" by page; `assert_clean()` fails listing each with its
    rule id, help text and the first offending selectors."""

    def __init__(self):
        self.found = {}

    def open(self, page, path: str) -> None:
        response = page.goto(path)
        assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"

    def check(self, page, name: str) -> None:
        """axe at the page's own width and again at 320 px (WCAG 1.4.10 reflow), where the
        page itself must not scroll sideways (a wide table scrolls in its own container)."""
        self._axe(page, name)
        size = page.viewport_size
        page.set_viewport_size({"width": NARROW, "height": 640})
        try:
            self._axe(page, f"{name}, {NARROW} px")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > NARROW:
                self.found[f"{name}, {NARROW} px ({page.url})"] = [
                    {
                        "impact": "serious",
                        "id": "reflow",
                        "help": f"the page scrolls sideways: {width} px wide",
                        "nodes": [],
                    }
                ]
        finally:
            page.set_viewport_size(size)

    def _axe(self, page, name: str) -> None:
        if page.evaluate("typeof window.axe") == "undefined":
            page.add_script_tag(path=str(AXE))
        result = page.evaluate(RUN_AXE)
        assert result["passes"], f"{name}: axe checked nothing"
        blocking = [v for v in result["violations"] if v["impact"] in BLOCKING]
        if blocking:
            self.found[f"{name} ({page.url})"] = blocking

    def visit(self, page, path: str, name: str | None = None) -> None:
        self.open(page, path)
        self.check(page, name or path)

    def check_with_details_open(self, page, name: str) -> None:
        """Again with every <details> in the main content open (the add-a-guest, gift
        and override forms), which axe skips while they are closed."""
        opened = page.evaluate(
            "() => { const all = document.querySelectorAll('main details');"
            " all.forEach(d => { d.open = true; }); return all.length; }"
        )
        assert opened, f"{name}: no <details> to open"
        self.check(page, f"{name}, details open")

    def report(self) -> str:
        lines = []
        for where, violations in self.found.items():
            lines.append(where)
            for v in violations:
                targets = [" ".join(map(str, node["target"])) for node in v["nodes"][:3]]
                lines.append(
                    f"  [{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} nodes)\n"
                    f"      {'; '.join(targets)}"
                )
        return "\n".join(lines)

    def assert_clean(self) -> None:
        if self.found:
            report = self.report()
            pytest.fail(f"axe found serious or critical violations:\n{report}", pytrace=False)


@pytest.fixture
def audit():
    return Audit()
