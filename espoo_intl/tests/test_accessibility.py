"""Accessibility checks (WCAG 2.1 AA) with axe-core in a real browser, on the core's own
pages: the login page (empty and refused) and the start page of each kind of user. Each
app checks its own pages the same way, in its own tests/test_accessibility.py, with the
`audit` fixture from espoo_intl/tests/browser.py.

axe-core is vendored for the tests only: espoo_intl/tests/vendor/axe.min.js (MPL-2.0,
see the LICENSE files next to it).

Run: .venv/bin/python -m pytest -m browser espoo_intl/tests/test_accessibility.py
"""

import pytest

from espoo_intl.tests.browser import require_browser

sync_api = require_browser()
expect = sync_api.expect

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback restores the seeded rows that the flush after each test removes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_login_page_anonymous(open_page, audit):
    page = open_page()
    audit.visit(page, "/accounts/login/", "anonymous: login")
    # A refused sign-in shows the form's error.
    page.fill("#id_username", "nobody")
    page.fill("#id_password", "wrong")
    page.locator("main form").get_by_role("button").first.click()
    expect(page.locator("main .alert, main .invalid-feedback").first).to_be_visible()
    audit.check(page, "anonymous: login, refused")
    audit.assert_clean()


@pytest.mark.parametrize("role", ["staff", "kv", "lead"])
def test_start_page(open_page, audit, users, role):
    page = open_page(users[role])
    audit.visit(page, "/", f"{role}: front page")
    audit.assert_clean()
