"""Accessibility checks (WCAG 2.1 AA) with axe-core in a real browser.

Each test signs in through the login form (or stays anonymous), opens the portal's main
pages the way a user does and runs axe-core on them with the WCAG 2.0/2.1 A and AA rules.
A violation of impact "serious" or "critical" fails the test; the failure lists every
such violation with its rule id, help text and the first offending selectors, page by page.

axe-core is vendored for the tests only: espoo_intl/tests/vendor/axe.min.js (MPL-2.0,
see the LICENSE files next to it). The browser and sign-in fixtures are shared with the
other browser tests (espoo_intl/tests/browser.py).

Run: .venv/bin/python -m pytest -m browser espoo_intl/tests/test_accessibility.py
"""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone

from espoo_intl.tests.browser import require_browser
from visits.choices import ChecklistPhase, RequestState
from visits.models import Theme

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
RUN_AXE = (
    "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"
)
BLOCKING = {"serious", "critical"}
CALENDAR_JUNE_2025 = "/calendar/?month=2025-06"  # a month with visits on greyed-out days

sync_api = require_browser()
expect = sync_api.expect

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback restores the seeded rows (themes, routing rules, checklist
    # templates, org units, role groups) that the flush after each test would remove.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


class Audit:
    """Runs axe on pages and collects the serious and critical violations by page."""

    def __init__(self):
        self.found = {}

    def open(self, page, path: str) -> None:
        response = page.goto(path)
        assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"

    def check(self, page, name: str) -> None:
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


@pytest.fixture
def records(staff):
    """A visit, a request under review and a request in planning with checklist items,
    guests and gifts; staff's unit hosts them and staff is responsible."""
    from visits.services.requests import checklist_generate
    from visits.tests.factories import VisitFactory
    from visits.tests.request_factories import GiftFactory, GuestFactory, VisitRequestFactory

    today = timezone.localdate()
    education = Theme.objects.get(slug="education")
    visit = VisitFactory(
        title="Tallinnan kaupungin delegaatio",
        host_unit=staff.unit,
        responsible=staff,
        created_by=staff,
        start_date=today,
    )
    visit.themes.set([education])
    # June 2025 starts on a Sunday: the calendar shows 26-31 May greyed out before it.
    VisitFactory(
        title="Toukokuun lopun vierailu",
        host_unit=staff.unit,
        responsible=staff,
        start_date=datetime.date(2025, 5, 30),
    )
    under_review = VisitRequestFactory(
        subject="Viron suurlähettilään tutustumiskäynti",
        state=RequestState.UNDER_REVIEW,
        received_on=today - datetime.timedelta(days=3),
        proposed_start=today + datetime.timedelta(days=10),
        themes=[education],
    )
    planning = VisitRequestFactory(
        subject="Ruotsin opetusministerin vierailu",
        state=RequestState.PLANNING,
        received_on=today - datetime.timedelta(days=40),
        proposed_start=today + datetime.timedelta(days=5),
        host_unit=staff.unit,
        responsible=staff,
        themes=[education],
    )
    checklist_generate(planning)
    assert planning.checklist.exists()
    planning.checklist.filter(phase=ChecklistPhase.PLANNING).update(
        due_date=today - datetime.timedelta(days=2), owner=staff
    )
    GuestFactory(request=planning, name="Anna Andersson", title="Minister", dietary="vegan")
    GuestFactory(request=planning, name="Erik Eriksson")
    GiftFactory(request=planning, date=today)
    return {"visit": visit, "under_review": under_review, "planning": planning}


def _forms_with_errors(audit, page, who: str) -> None:
    """The visit and request forms, empty and after a refused submit."""
    for path, noun in (("/visits/new/", "visit"), ("/requests/new/", "request")):
        audit.visit(page, path, f"{who}: new {noun}")
        page.locator("main form").get_by_role("button", name="Tallenna", exact=True).click()
        expect(page.locator("main .invalid-feedback").first).to_be_visible()
        audit.check(page, f"{who}: new {noun}, refused")


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


def test_pages_as_kv_team(open_page, audit, kv, records):
    page = open_page(kv)
    audit.visit(page, "/", "kv: front page")
    for path in ("/visits/", records["visit"].get_absolute_url(), "/requests/"):
        audit.visit(page, path, f"kv: {path}")
    _forms_with_errors(audit, page, "kv")
    audit.visit(page, records["under_review"].get_absolute_url(), "kv: request under review")
    audit.visit(page, records["planning"].get_absolute_url(), "kv: request in planning")
    expect(page.locator("#checklist-h")).to_be_visible()
    audit.check_with_details_open(page, "kv: request in planning")
    for path in ("/dashboard/", "/calendar/", CALENDAR_JUNE_2025, "/requests/rules/protocol/"):
        audit.visit(page, path, f"kv: {path}")
    audit.assert_clean()


def test_pages_as_unit_staff(open_page, audit, staff, records):
    page = open_page(staff)
    audit.visit(page, "/", "staff: front page")
    for path in ("/visits/", records["visit"].get_absolute_url(), "/requests/"):
        audit.visit(page, path, f"staff: {path}")
    _forms_with_errors(audit, page, "staff")
    audit.visit(page, records["planning"].get_absolute_url(), "staff: request in planning")
    expect(page.locator("#checklist-h")).to_be_visible()
    expect(page.locator("#guests-h ~ table")).to_contain_text("Anna Andersson")
    audit.check_with_details_open(page, "staff: request in planning")
    for path in ("/calendar/", CALENDAR_JUNE_2025):
        audit.visit(page, path, f"staff: {path}")
    audit.assert_clean()
