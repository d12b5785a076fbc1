"""The network register in a real browser (headless chromium through Playwright): a unit's
staff member creates a network, finds it in the list, evaluates it for this year, sees
it on the side-by-side page and exports that page.

Run: .venv/bin/python -m pytest -m browser networks/tests/test_browser.py
"""

import csv
import datetime
import io
import re
from pathlib import Path

import pytest

from espoo_intl.questionnaires import latest_response, summary
from espoo_intl.tests.browser import require_browser
from networks.models import CLASSIFICATION, Network
from networks.tests.factories import EvaluationFactory, NetworkFactory

sync_api = require_browser()
expect = sync_api.expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _save(page):
    page.locator("main form").get_by_role("button", name="Save", exact=True).click()


def test_staff_creates_finds_evaluates_and_exports_a_network(open_page, staff):
    staff.language = "en"
    staff.save()
    year = datetime.date.today().year
    page = open_page(staff, locale="en-US")

    # Create: a negative fee is refused first, the input kept.
    page.goto("/networks/new/")
    page.fill("#id_name", "Eurocities Knowledge Society")
    page.select_option("#id_scope", "city_wide")
    page.fill("#id_membership_fee", "-100")
    page.fill("#id_url", "https://eurocities.eu")
    page.fill("#id_espoo_roles", "Knowledge Society Forum: chair")
    _save(page)
    expect(page.locator("#div_id_membership_fee .invalid-feedback")).to_have_text(
        "The membership fee cannot be negative."
    )
    expect(page.locator("#id_name")).to_have_value("Eurocities Knowledge Society")
    assert not Network.objects.exists()
    page.fill("#id_membership_fee", "16500")
    _save(page)
    expect(page).to_have_url(re.compile(r"/networks/\d+/$"))
    network = Network.objects.get(name="Eurocities Knowledge Society")
    assert network.owning_unit == staff.unit and list(network.contacts.all()) == [staff]

    # Find it in the list.
    page.goto("/networks/")
    page.fill("#id_q", "knowledge")
    page.locator("main form[role=search]").get_by_role("button").first.click()
    page.get_by_role("link", name="Eurocities Knowledge Society").click()
    expect(page.locator("h1")).to_contain_text("Eurocities Knowledge Society")
    expect(page.get_by_text("No evaluation for this year yet.")).to_be_visible()

    # Evaluate it for this year: passive without a decision is refused, then thematic.
    page.get_by_role("link", name="Evaluate", exact=True).click()
    expect(page.locator("#id_network")).to_have_value(str(network.pk))
    expect(page.locator("#id_year")).to_have_value(str(year))
    page.select_option("#id_network_class", "passive")
    page.check('input[name="aligned"][value="yes"]')
    page.check('input[name="active_actors"][value="yes"]')
    page.fill("#id_results", "Two working group meetings in Brussels")
    _save(page)
    expect(page.locator("#div_id_decision .invalid-feedback")).to_contain_text("needs a decision")
    page.select_option("#id_network_class", "thematic")
    _save(page)
    expect(page).to_have_url(re.compile(r"/networks/evaluations/\d+/$"))
    evaluation = network.evaluations.get(year=year)
    values = summary(latest_response(evaluation, CLASSIFICATION)).values
    assert values["aligned"] is True and values["active_actors"] is True

    # A second evaluation for the same year points to the first.
    page.goto(f"/networks/evaluations/new/?network={network.pk}")
    page.select_option("#id_network_class", "strategic")
    _save(page)
    page.get_by_role("link", name="edit it").click()
    expect(page).to_have_url(re.compile(rf"/networks/evaluations/{evaluation.pk}/edit/$"))

    # The side-by-side page shows it in this year's column, and exports it.
    page.goto("/networks/evaluations/overview/")
    row = page.locator("#overview tbody tr", has_text="Eurocities Knowledge Society")
    expect(row.locator("td").last).to_have_text("Thematic")
    expect(page.locator("#overview thead th").last).to_have_text(str(year))
    with page.expect_download() as download:
        page.get_by_role("link", name="Export to CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["Network"], r[str(year)]) for r in rows] == [
        ("Eurocities Knowledge Society", "thematic")
    ]


def test_network_pages_pass_the_accessibility_audit(open_page, audit, kv, unit):
    network = NetworkFactory(name="Union of Baltic Cities", owning_unit=unit, contacts=[kv])
    evaluation = EvaluationFactory(network=network, year=2022)
    page = open_page(kv)
    for path in (
        "/networks/",
        f"/networks/{network.pk}/",
        "/networks/new/",
        "/networks/evaluations/",
        f"/networks/evaluations/{evaluation.pk}/",
        f"/networks/evaluations/new/?network={network.pk}",
        "/networks/evaluations/overview/",
        "/dashboard/",
    ):
        audit.visit(page, path)
    audit.assert_clean()
