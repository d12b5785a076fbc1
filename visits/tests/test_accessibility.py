"""Accessibility checks (WCAG 2.1 AA) with axe-core over the visits pages: lists, records,
forms (empty and refused), requests with their checklist, guests and gifts, the dashboard,
the calendar and the rule tables. The axe runner (`audit`) and the browser fixtures are
the core's (espoo_intl/tests/browser.py).

Run: .venv/bin/python -m pytest -m browser visits/tests/test_accessibility.py
"""

import datetime

import pytest
from django.utils import timezone

from espoo_intl.tests.browser import require_browser
from visits.choices import ChecklistPhase, RequestState
from visits.models import Theme

CALENDAR_JUNE_2025 = "/calendar/?month=2025-06"  # a month with visits on greyed-out days

sync_api = require_browser()
expect = sync_api.expect

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback restores the seeded rows (themes, routing rules, checklist
    # templates, org units, role groups) that the flush after each test would remove.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


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
    GuestFactory(visit_request=planning, name="Anna Andersson", title="Minister", dietary="vegan")
    GuestFactory(visit_request=planning, name="Erik Eriksson")
    GiftFactory(visit_request=planning, date=today)
    return {"visit": visit, "under_review": under_review, "planning": planning}


def _forms_with_errors(audit, page, who: str) -> None:
    """The visit and request forms, empty and after a refused submit."""
    for path, noun in (("/visits/new/", "visit"), ("/requests/new/", "request")):
        audit.visit(page, path, f"{who}: new {noun}")
        page.locator("main form").get_by_role("button", name="Tallenna", exact=True).click()
        expect(page.locator("main .invalid-feedback").first).to_be_visible()
        audit.check(page, f"{who}: new {noun}, refused")


def test_pages_as_kv_team(open_page, audit, kv, records):
    page = open_page(kv)
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
    for path in ("/visits/", records["visit"].get_absolute_url(), "/requests/"):
        audit.visit(page, path, f"staff: {path}")
    _forms_with_errors(audit, page, "staff")
    audit.visit(page, records["planning"].get_absolute_url(), "staff: request in planning")
    expect(page.locator("#checklist-h")).to_be_visible()
    expect(page.locator("#guests-h ~ .table-responsive table")).to_contain_text("Anna Andersson")
    audit.check_with_details_open(page, "staff: request in planning")
    for path in ("/calendar/", CALENDAR_JUNE_2025):
        audit.visit(page, path, f"staff: {path}")
    audit.assert_clean()
