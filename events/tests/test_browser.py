"""An event from proposal to held in a real browser (headless Debian chromium through
Playwright), each step by the role that owns it, then the list exported.

Run: .venv/bin/python -m pytest -m browser events/tests/test_browser.py
"""

import csv
import io
import re
from pathlib import Path

import pytest
from django.conf import settings

from espoo_intl.questionnaires import latest_response, summary
from espoo_intl.tests.browser import require_browser
from events.choices import EventState
from events.models import IMPACT, Event

SCREENS = Path(settings.BASE_DIR) / "var" / "screens"

sync_api = require_browser()
expect = sync_api.expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def shot(page, name: str) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENS / f"{name}.png", full_page=True)


def main_button(page, name: str):
    return page.locator("main").get_by_role("button", name=name, exact=True)


def _english(*users):
    for user in users:
        user.language = "en"
        user.save(update_fields=["language"])


def test_event_from_proposal_to_held_and_exported(open_page, staff, kv, tmp_path):
    _english(staff, kv)
    name = "Nordic education conference in Espoo"

    # Unit staff proposes a co-organised event; an end before the start is refused first.
    page = open_page(staff, locale="en-US")
    page.goto("/events/new/")
    page.fill("#id_name", name)
    page.select_option("#id_kind", "conference")
    page.select_option("#id_format", "hybrid")
    page.fill("#id_start_date", "2026-10-14")
    page.fill("#id_end_date", "2026-10-13")
    page.fill("#id_organiser", "City of Espoo")
    page.fill("#id_co_organisers", "Aalto University")
    page.fill("#id_expected_participants", "200")
    page.fill("#id_city_funding", "25000")
    main_button(page, "Save").click()
    expect(page.locator("main")).to_contain_text("The end date cannot be before the start date.")
    expect(page.locator("#id_name")).to_have_value(name)  # nothing lost
    page.fill("#id_end_date", "2026-10-15")
    main_button(page, "Save").click()
    expect(page).to_have_url(re.compile(r"/events/\d+/$"))
    event = Event.objects.get(name=name)
    url = f"/events/{event.pk}/"

    # ... assesses the impact and marks it assessed.
    for code in ("aim", "target_groups", "visibility", "benefit"):
        page.check(f'input[name="{code}"][value="yes"]')
    page.check('input[name="risks"][value="no"]')
    page.fill("#id_aim_how", "Espoo's international visibility in education")
    main_button(page, "Save the assessment").click()
    expect(page.locator("main")).to_contain_text("The impact assessment was saved.")
    main_button(page, "Move to: impact assessed").click()
    expect(page.locator("h1 .badge").first).to_have_text("Impact assessed")
    assert summary(latest_response(event, IMPACT)).positive == 4
    shot(page, "event-1-assessed")

    # kv-tiimi records the city manager's decision.
    kv_page = open_page(kv, locale="en-US")
    kv_page.goto("/events/")
    kv_page.get_by_role("link", name=name).click()
    expect(kv_page).to_have_url(re.compile(rf"{url}$"))
    kv_page.check('input[name="outcome"][value="approved"]')
    kv_page.fill("#id_decided_by", "Jukka Mäkelä")
    kv_page.select_option("#id_decider_role", "city_manager")
    kv_page.fill("#id_decision_reference", "KJ 41/2026")
    kv_page.fill("#id_decision_date", "2026-01-20")
    main_button(kv_page, "Record the decision").click()
    expect(kv_page.locator("h1 .badge").first).to_have_text("Approved")
    expect(kv_page.locator("#decision")).to_contain_text("KJ 41/2026")

    # Staff attaches the written agreement and marks it signed, then held.
    page.goto(url)
    main_button(page, "Move to: agreement signed").click()
    expect(page.locator("main")).to_contain_text("needs its written agreement")
    pdf = tmp_path / "yhteistyosopimus.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%agreement\n")
    page.get_by_text("Attach the agreement").click()
    page.set_input_files("#id_file", str(pdf))
    for box in (
        "covers_role",
        "covers_responsibilities",
        "covers_funding_share",
        "covers_schedule",
    ):
        page.check(f"#id_{box}")
    main_button(page, "Attach").click()
    expect(page.locator("main")).to_contain_text("The agreement was attached.")
    main_button(page, "Move to: agreement signed").click()
    expect(page.locator("h1 .badge").first).to_have_text("Agreement signed")
    main_button(page, "Move to: held").click()
    expect(page.locator("h1 .badge").first).to_have_text("Held")
    event.refresh_from_db()
    assert event.state == EventState.HELD and event.agreements.count() == 1
    shot(page, "event-2-held")

    # The list exported to CSV has the event with its decision.
    page.goto("/events/")
    with page.expect_download() as download:
        page.locator("main").get_by_role("link", name="CSV", exact=True).click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["Name"], r["State"], r["Decision reference"]) for r in rows] == [
        (name, "held", "KJ 41/2026")
    ]


def test_event_pages_pass_the_accessibility_audit(open_page, audit, kv):
    from events.tests.factories import EventFactory

    event = EventFactory(
        owning_unit=kv.unit, state=EventState.ASSESSED, co_organisers="VTT",
        proposed_by_international_actor=True,
    )  # fmt: skip
    page = open_page(kv)
    for path in ("/events/", "/events/new/", "/dashboard/", event.get_absolute_url()):
        audit.visit(page, path, f"kv: {path}")
    audit.check_with_details_open(page, "kv: event page")
    audit.visit(page, "/events/new/", "kv: new event")
    page.locator("main form").get_by_role("button", name="Tallenna", exact=True).click()
    expect(page.locator("main .invalid-feedback").first).to_be_visible()
    audit.check(page, "kv: new event, refused")
    audit.assert_clean()
