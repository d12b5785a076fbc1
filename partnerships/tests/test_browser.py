"""End-to-end checks in a real browser (headless chromium through Playwright), one per
register: create, find in the list, assess or move along, export.

Run: .venv/bin/python -m pytest -m browser partnerships/tests/test_browser.py
"""

import re
from pathlib import Path

import pytest
from django.utils.text import capfirst
from django.utils.translation import override

from espoo_intl.questionnaires import latest_response
from espoo_intl.tests.browser import require_browser
from partnerships import selectors
from partnerships.choices import ASSESSMENT, PartnershipStatus
from partnerships.models import Partner, Partnership, Project
from partnerships.tests.factories import PartnerFactory

sync_api = require_browser()
expect = sync_api.expect

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback restores the seeded rows (role groups, themes, the assessment's
    # questions) that the flush after each test removes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def save(page):
    page.locator("main form").get_by_role("button", name="Tallenna", exact=True).click()


def find_and_export(page, list_path: str, search: str, name: str, filename: str) -> None:
    page.goto(list_path)
    page.fill("#id_q", search)
    page.locator("main form[role=search] button[type=submit]").click()
    expect(page.locator("main table")).to_contain_text(name)
    with page.expect_download() as download:
        page.locator("main").get_by_role("link", name="CSV", exact=True).click()
    assert download.value.suggested_filename == filename
    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert name in content


def test_staff_registers_a_partner_and_meets_a_duplicate(open_page, staff):
    page = open_page(staff)
    page.goto("/partners/new/")
    page.fill("#id_name", "Kristianstads kommun")
    page.select_option("#id_kind", "city")
    page.select_option("#id_country", "SE")
    page.fill("#id_city", "Kristianstad")
    save(page)
    expect(page).to_have_url(re.compile(r"/partners/\d+/$"))
    partner = Partner.objects.get(name="Kristianstads kommun")

    page.goto("/partners/new/")
    page.fill("#id_name", "KRISTIANSTADS KOMMUN")
    page.select_option("#id_kind", "city")
    page.select_option("#id_country", "SE")
    save(page)
    link = page.locator(f'#div_id_name a[href="{partner.get_absolute_url()}"]')
    expect(link).to_be_visible()
    assert Partner.objects.count() == 1

    find_and_export(page, "/partners/", "kristianstads", "Kristianstads kommun", "kumppanit.csv")


def test_staff_records_assesses_and_activates_a_partnership(open_page, staff, unit):
    partner = PartnerFactory(name="Tallinna Linnavalitsus", country="EE")
    page = open_page(staff)
    page.goto("/partnerships/new/")
    page.fill("#id_name", "Tallinna–Espoo opetusyhteistyö")
    page.select_option("#id_partners", str(partner.pk))
    page.select_option("#id_kind", "agreement")
    page.select_option("#id_level", "department")
    page.select_option("#id_owning_unit", str(unit.pk))
    page.fill("#id_start_date", "2025-08-01")
    page.fill("#id_end_date", "2025-07-31")  # before the start: refused
    save(page)
    expect(page.locator("#div_id_end_date .invalid-feedback")).to_be_visible()
    assert not Partnership.objects.exists()
    page.fill("#id_end_date", "2027-07-31")
    save(page)
    expect(page).to_have_url(re.compile(r"/partnerships/\d+/$"))
    partnership = Partnership.objects.get()

    # The assessment: six benefits yes, the seventh no; reputational risk "yes".
    page.locator("#assessment-h ~ details summary").click()
    for code in selectors_codes("benefit-")[:6]:
        page.check(f'input[name="{code}"][value="yes"]')
    page.check('input[name="benefit-opportunities"][value="no"]')
    page.fill('textarea[name="benefit-story_how"]', "Opettajavaihto tukee Espoo-tarinaa.")
    for code in ("risk-investment", "risk-ratio", "risk-commitment", "risk-credible"):
        page.check(f'input[name="{code}"][value="yes"]')
    page.check('input[name="risk-reputation"][value="yes"]')
    page.locator("#assessment-h ~ details form button[type=submit]").click()
    expect(page.locator(".assessment-result").first).to_have_text("kyllä")
    expect(page.locator(".risk-flag").first).to_be_visible()
    result = selectors.assessment_result(latest_response(partnership, ASSESSMENT))
    assert result.benefits_positive == 6 and len(result.risks) == 1

    # Move it along: proposed → active.
    page.locator("form:has(input[name=to][value=active]) button").click()
    with override("fi"):
        active = capfirst(str(PartnershipStatus.ACTIVE.label))
    expect(page.locator("#partnership-status")).to_have_text(active)
    partnership.refresh_from_db()
    assert partnership.status == PartnershipStatus.ACTIVE

    find_and_export(page, "/partnerships/", "Tallinna", "Tallinna–Espoo opetusyhteistyö", "kumppanuudet.csv")  # fmt: skip


def selectors_codes(prefix: str) -> list[str]:
    from espoo_intl.questionnaires import Question

    return list(
        Question.objects.filter(question_set__code=ASSESSMENT, code__startswith=prefix)
        .order_by("order")
        .values_list("code", flat=True)
    )


def test_staff_records_a_project_and_moves_it_along(open_page, staff, unit):
    partner = PartnerFactory(name="Fraunhofer-Gesellschaft", country="DE", kind="research")
    page = open_page(staff)
    page.goto("/projects/new/")
    page.fill("#id_name", "Kestävät kaupunkiyhteisöt")
    page.fill("#id_acronym", "SUSCOM")
    page.select_option("#id_programme", "horizon_europe")
    page.select_option("#id_partners", str(partner.pk))
    page.select_option("#id_lead_unit", str(unit.pk))
    page.fill("#id_start_date", "2025-01-01")
    page.fill("#id_end_date", "2027-12-31")
    page.fill("#id_total_budget", "1000000")
    page.fill("#id_espoo_share", "-1")  # negative: refused
    page.fill("#id_international_funding", "150000")
    page.select_option("#id_status", "planned")
    save(page)
    expect(page.locator("#div_id_espoo_share .invalid-feedback")).to_be_visible()
    assert not Project.objects.exists()
    page.fill("#id_espoo_share", "200000")
    save(page)
    expect(page).to_have_url(re.compile(r"/projects/\d+/$"))
    expect(page.locator("main")).to_contain_text("Saksa")

    page.locator("main").get_by_role("link", name="Muokkaa").click()
    page.select_option("#id_status", "running")
    save(page)
    expect(page).to_have_url(re.compile(r"/projects/\d+/$"))
    assert Project.objects.get().status == "running"

    find_and_export(page, "/projects/", "SUSCOM", "Kestävät kaupunkiyhteisöt", "kansainvaliset-projektit.csv")  # fmt: skip
