"""Each kind's path in a real browser (headless chromium through Playwright), each step by
the role that takes it: a consultation end to end, a joint statement up to the city manager
and kv-tiimi's record of the approval, an official statement with its body and reference,
and Espoo's own statement.

Run: .venv/bin/python -m pytest -m browser advocacy/tests/test_browser.py
"""

import datetime
import re

import pytest
from django.utils import timezone

from advocacy.choices import State
from advocacy.models import AdvocacyItem
from espoo_intl.tests.browser import require_browser

from .factories import make_development, make_item

sync_api = require_browser()
expect = sync_api.expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def in_english(*users):
    for user in users:
        user.language = "en"
        user.save(update_fields=["language"])


def button(page, name: str):
    return page.locator("main").get_by_role("button", name=name, exact=True)


def move_to(page, state_label: str) -> None:
    button(page, f"Move to: {state_label}").click()


def state_badge(page):
    return page.locator("#item-state")


def new_item(page, *, kind, title, unit, requester="commission", detail="", extra=None):
    page.goto("/advocacy/new/")
    page.select_option("#id_kind", kind)
    page.fill("#id_title", title)
    page.select_option("#id_requester", requester)
    if detail:
        page.fill("#id_requester_detail", detail)
    deadline = timezone.localdate() + datetime.timedelta(days=14)
    page.fill("#id_deadline", deadline.isoformat())
    page.select_option("#id_units", str(unit.pk))
    for selector, value in (extra or {}).items():
        if value is True:
            page.check(selector)
        elif selector in ("#id_expert", "#id_body"):
            page.select_option(selector, value)
        else:
            page.fill(selector, value)
    button(page, "Save").click()


def edit(page, values: dict) -> None:
    page.locator("main").get_by_role("link", name="Edit", exact=True).click()
    for selector, value in values.items():
        if value is True:
            page.check(selector)
        elif selector in ("#id_expert", "#id_body"):
            page.select_option(selector, value)
        else:
            page.fill(selector, value)
    button(page, "Save").click()


def record_decision(page, *, name: str, role: str, reference: str) -> None:
    page.locator("summary", has_text="Record a decision").click()
    page.fill("#decision-form #id_decided_by", name)
    page.select_option("#decision-form #id_role", role)
    page.fill("#decision-form #id_decided_on", timezone.localdate().isoformat())
    page.fill("#decision-form #id_reference", reference)
    button(page, "Record the decision").click()


def test_consultation_end_to_end(open_page, staff, unit):
    in_english(staff)
    page = open_page(staff, locale="en-US")
    new_item(
        page, kind="consultation", title="EU consultation on urban mobility", unit=unit,
        extra={"#id_expert": str(staff.pk)},
    )  # fmt: skip
    expect(page).to_have_url(re.compile(r"/advocacy/\d+/$"))
    expect(state_badge(page)).to_have_text("Received (saapunut)")
    move_to(page, "assessed")
    expect(page.locator(".alert-danger, .alert").first).to_contain_text("relevant to Espoo")
    edit(page, {"#id_relevance": "Affects Espoo's transport services; worth answering."})
    move_to(page, "assessed")
    expect(state_badge(page)).to_have_text("Assessed")
    move_to(page, "decided")
    expect(page.locator("main")).to_contain_text("department director")  # refused, says why
    record_decision(page, name="Unit Director", role="unit_director", reference="KYT/2026/7")
    expect(page.locator("main")).to_contain_text("Unit Director")
    move_to(page, "decided")
    expect(state_badge(page)).to_have_text("Decided")
    edit(page, {"#id_final_text": "Espoo supports the proposal with two remarks."})
    move_to(page, "sent")
    expect(state_badge(page)).to_have_text("Sent")
    move_to(page, "filed")
    expect(state_badge(page)).to_have_text("Filed")
    item = AdvocacyItem.objects.get()
    assert item.state == State.FILED and item.outcome_date == timezone.localdate()
    assert item.decisions.get().reference == "KYT/2026/7"


def test_joint_statement_goes_through_kv_tiimi_to_the_city_manager(open_page, staff, kv, unit):
    in_english(staff, kv)
    page = open_page(staff, locale="en-US")
    new_item(
        page, kind="joint", title="Eurocities statement on housing", unit=unit,
        requester="network", detail="Eurocities",
        extra={
            "#id_content_assessment": "In line with the city strategy.",
            "#id_needs_top_management": True,
        },
    )  # fmt: skip
    move_to(page, "in preparation")
    expect(state_badge(page)).to_have_text("In preparation")
    move_to(page, "assessed")
    expect(page.locator("main")).to_contain_text("effects of joining")
    edit(page, {"#id_effects_assessment": "Raises Espoo's visibility in Brussels."})
    move_to(page, "assessed")
    move_to(page, "with the city manager for approval")
    expect(page.locator("main")).to_contain_text("reasons why Espoo should join")
    edit(page, {"#id_joining_reasons": "Housing is a key theme of the city strategy."})
    move_to(page, "with the city manager for approval")
    expect(state_badge(page)).to_have_text("With the city manager for approval")
    expect(button(page, "Move to: decided")).to_have_count(0)  # kv-tiimi records it

    kv_page = open_page(kv, locale="en-US")
    kv_page.goto(page.url)
    record_decision(kv_page, name="City Manager", role="city_manager", reference="KJ 2026/12")
    move_to(kv_page, "decided")
    expect(state_badge(kv_page)).to_have_text("Decided")
    item = AdvocacyItem.objects.get()
    assert item.state == State.DECIDED
    assert item.decisions.get().recorded_by == kv


def test_official_statement_with_body_and_reference(open_page, staff, unit):
    in_english(staff)
    page = open_page(staff, locale="en-US")
    new_item(page, kind="official", title="Statement to the Ministry on EU funding", unit=unit)
    expect(page.locator("main")).to_contain_text("An official statement needs the body")
    page.select_option("#id_body", "board")
    button(page, "Save").click()
    expect(page).to_have_url(re.compile(r"/advocacy/\d+/$"))
    move_to(page, "in preparation")
    move_to(page, "given")
    expect(page.locator("main")).to_contain_text("decision-making system")
    edit(page, {"#id_decision_reference": "KH 2.3.2026 § 45"})
    move_to(page, "given")
    expect(state_badge(page)).to_have_text("Given")
    item = AdvocacyItem.objects.get()
    assert item.state == State.GIVEN and item.decision_reference == "KH 2.3.2026 § 45"


def test_own_statement_planned_with_kv_and_viestinta(open_page, staff, unit):
    in_english(staff)
    page = open_page(staff, locale="en-US")
    new_item(
        page, kind="own", title="Espoo's statement on talent attraction", unit=unit,
        requester="city",
        extra={"#id_planned_with_kv": True, "#id_final_text": "Espoo welcomes talent."},
    )  # fmt: skip
    move_to(page, "in preparation")
    move_to(page, "sent")
    expect(page.locator("main")).to_contain_text("kv-tiimi and Viestintä")
    edit(page, {"#id_planned_with_communications": True, "#id_communication_agreed": True})
    move_to(page, "sent")
    expect(state_badge(page)).to_have_text("Sent")


def test_advocacy_pages_pass_the_accessibility_audit(open_page, audit, staff, unit):
    item = make_item(units=[unit], title="Saavutettavuus")
    development = make_development(owner_unit=unit)
    page = open_page(staff)
    for path in ("/advocacy/", "/advocacy/new/", item.get_absolute_url(), "/development/"):
        audit.visit(page, path)
    audit.visit(page, development.get_absolute_url())
    audit.open(page, item.get_absolute_url())
    audit.check_with_details_open(page, "item page")
    audit.assert_clean()
