"""The pages work in a real browser under the Content-Security-Policy (issue 8): no
violation reported on the main pages, and the language menu still changes the language
without inline script."""

import pytest

from espoo_intl.tests.browser import require_browser
from visits.tests.factories import VisitFactory

from .request_factories import VisitRequestFactory

sync_api = require_browser()
expect = sync_api.expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_main_pages_report_no_policy_violation(open_page, kv):
    visit, visit_request = VisitFactory(), VisitRequestFactory()
    page = open_page(kv, enforce_csp=True)
    problems = []
    page.on(
        "console",
        lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    for path in [
        "/",
        "/visits/",
        f"/visits/{visit.pk}/",
        f"/visits/{visit.pk}/edit/",
        "/requests/",
        f"/requests/{visit_request.pk}/",
        "/requests/new/",
        "/calendar/",
        "/dashboard/",
    ]:
        page.goto(path)
        page.wait_for_load_state("networkidle")
    assert problems == []


def test_the_language_menu_changes_only_with_its_button(open_page, kv):
    """WCAG 3.2.2: choosing a language does not submit the form; the button does."""
    page = open_page(kv, enforce_csp=True)
    page.goto("/visits/")
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    page.select_option("#language-select", "en")
    page.wait_for_timeout(300)  # an auto-submit would have navigated by now
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    page.locator("#language-select").locator("xpath=..").get_by_role(
        "button", name="Vaihda"
    ).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.url.endswith("/visits/")
