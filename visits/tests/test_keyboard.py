"""Keyboard alone (issue 7): logging a visit and working a request's checklist with Tab,
typing, Space and Enter, the focused control always visibly outlined."""

import re

import pytest

from espoo_intl.tests.browser import require_browser
from visits.choices import ItemStatus, RequestState
from visits.models import Visit

sync_api = require_browser()
expect = sync_api.expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def tab_to(page, selector: str, limit: int = 400, key: str = "Tab") -> None:
    """Press Tab (or `key`) until the element matching `selector` has the focus; it must
    show a visible focus outline."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            style = page.evaluate(
                "() => { const s = getComputedStyle(document.activeElement);"
                " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }"
            )
            assert style[0] != "none" and style[1] != "0px" or style[2] != "none", style
            return
    pytest.fail(f"Tab never reached {selector}")


def test_staff_logs_a_visit_by_keyboard(open_page, staff):
    page = open_page(staff)
    page.goto("/visits/new/")
    title = "Näppäimistöllä kirjattu vierailu"
    tab_to(page, "#id_title")
    page.keyboard.type(title)
    tab_to(page, "#id_kind")
    page.keyboard.press("End")  # "other visit"
    tab_to(page, "#id_visiting_organisation")
    page.keyboard.type("Tallinna")
    tab_to(page, "#id_country")
    page.keyboard.press("End")  # the last country in the menu

    # Chromium's date field takes month, day, year here (its own locale's order).
    tab_to(page, "#id_start_date")
    page.keyboard.type("06102025")
    expect(page.locator("#id_start_date")).to_have_value("2025-06-10")
    tab_to(page, "#id_end_date")
    page.keyboard.type("06112025")
    tab_to(page, "#id_group_size")
    page.keyboard.press("Control+A")
    page.keyboard.type("5")
    tab_to(page, 'input[name="themes"]')
    page.keyboard.press("Space")
    tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/visits/\d+/$"))
    visit = Visit.objects.get(title=title)
    assert visit.country.code and visit.kind and visit.group_size == 5
    assert visit.themes.count() == 1


def test_a_checklist_is_worked_by_keyboard(open_page, staff):
    from visits.services.requests import checklist_generate
    from visits.tests.request_factories import VisitRequestFactory

    visit_request = VisitRequestFactory(
        host_unit=staff.unit, responsible=staff, state=RequestState.PLANNING
    )
    checklist_generate(visit_request)
    first, second, third = visit_request.checklist.all()[:3]
    page = open_page(staff)
    page.goto(f"/requests/{visit_request.pk}/")

    # Tick one item with its own button (Enter), in place.
    tab_to(page, f"#item-{first.pk} button")
    page.keyboard.press("Enter")
    expect(page.locator(f"#item-{first.pk} .badge")).to_have_text("Tehty")
    # Select two with Space and mark them done with one button.
    tab_to(page, f"#pick-{second.pk}")
    page.keyboard.press("Space")
    tab_to(page, f"#pick-{third.pk}")
    page.keyboard.press("Space")
    tab_to(page, "#checklist-bulk button", key="Shift+Tab")
    page.keyboard.press("Enter")
    expect(page.locator(f"#item-{third.pk} .badge")).to_have_text("Tehty")
    # The disclosure opens with Enter; its fields are reached by Tab.
    fourth = visit_request.checklist.all()[3]
    tab_to(page, f"#item-{fourth.pk} summary")
    page.keyboard.press("Enter")
    tab_to(page, f"#id_item{fourth.pk}-note")
    page.keyboard.type("Sovittu puhelimessa")
    page.keyboard.press("Enter")
    expect(page.locator(f"#item-{fourth.pk}")).to_contain_text("Sovittu puhelimessa")
    statuses = {i.pk: i.status for i in visit_request.checklist.all()}
    assert [statuses[i.pk] for i in (first, second, third)] == [ItemStatus.DONE] * 3
