"""A dignitary visit logged directly, in a real browser: its page lists the protocol
parties, offers the planning checklist, and an item is ticked in place (htmx) without
leaving the page; the page passes axe at full width and at 320 px."""

import re

import pytest

from espoo_intl.tests.browser import require_browser
from visits.choices import ItemStatus, VisitKind
from visits.tests.factories import VisitFactory

sync_api = require_browser()
expect = sync_api.expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_dignitary_visits_planning_checklist_is_ticked_in_place(open_page, audit, staff):
    visit = VisitFactory(
        host_unit=staff.unit, kind=VisitKind.DIGNITARY, dignitary_rank="ambassador"
    )
    staff.language = "en"
    staff.save(update_fields=["language"])
    page = open_page(staff, locale="en-US")
    page.goto(f"/visits/{visit.pk}/")
    expect(page.locator("#protocol-parties li").first).to_be_visible()

    page.get_by_role("button", name="Add the planning checklist").click()
    expect(page.locator("#checklist-h")).to_be_visible()
    first = visit.checklist.order_by("phase", "order", "pk").first()
    url = page.url
    page.locator(f"#item-{first.pk}").get_by_role("button", name=re.compile("^Done: ")).click()

    expect(page.locator(f"#item-{first.pk} [role=status]")).to_have_text("Saved.")
    assert page.url == url  # ticked in place, the page was not reloaded
    first.refresh_from_db()
    assert first.status == ItemStatus.DONE
    audit.check(page, "staff: dignitary visit with its checklist")
    audit.assert_clean()
