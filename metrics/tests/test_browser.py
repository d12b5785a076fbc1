"""The yearly round in a real browser: a contact fills one value by the form and the rest
by the Excel template, submits; kv-tiimi returns it; the contact fixes it and resubmits;
kv-tiimi approves. Run: .venv/bin/python -m pytest -m browser metrics/tests/test_browser.py
"""

import datetime
import re

import openpyxl
import pytest
from django.utils import timezone

from espoo_intl.tests.browser import require_browser
from metrics.models import Indicator, Provider, Submission
from metrics.services import period_open

sync_api = require_browser()
expect = sync_api.expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FILLED = {"C1.4": 12, "C1.7": 2, "C5.2": 40}


def _english(*users):
    for user in users:
        user.language = "en"
        user.save(update_fields=["language"])


def _button(page, name):
    return page.locator("main").get_by_role("button", name=name).first


def test_the_yearly_round_in_the_browser(open_page, contact, kv, department, tmp_path):
    _english(contact, kv)
    provider = Provider.objects.create(unit=department, name_fi=department.name_fi)
    provider.indicators.clear()
    period_open(year=2025, deadline=timezone.localdate() + datetime.timedelta(days=20), actor=kv)
    submission = Submission.objects.get(provider=provider)
    url = f"/metrics/submissions/{submission.pk}/"
    c11 = submission.values.get(indicator__code="C1.1")

    # The contact types one value in the form and saves the draft.
    page = open_page(contact, locale="en-US")
    page.goto(url)
    page.fill(f"#id_v{c11.pk}-number", "4")
    page.fill(f"#id_v{c11.pk}-source", "Oma seuranta")
    _button(page, "Save draft").click()
    expect(page).to_have_url(re.compile(rf"{url}$"))

    # ...downloads the template, fills in the rest and uploads it.
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the values as an Excel template").click()
    template = tmp_path / "pohja.xlsx"
    download.value.save_as(template)
    book = openpyxl.load_workbook(template)
    for row in book.active.iter_rows(min_row=2):
        if row[0].value in FILLED:
            row[4].value = FILLED[row[0].value]
    filled = tmp_path / "arvot.xlsx"
    book.save(filled)
    page.set_input_files('input[name="file"]', str(filled))
    _button(page, "Upload").click()
    expect(page.locator("main")).to_contain_text("Saved 4 values from the file.")
    _button(page, "Move to: submitted").click()
    expect(page.locator("main")).to_contain_text("submitted")

    # kv-tiimi returns it with a comment.
    kv_page = open_page(kv, locale="en-US")
    kv_page.goto(f"/metrics/periods/{submission.period_id}/")
    kv_page.get_by_role("link", name=department.name_fi).click()
    kv_page.fill("#reason-returned", "C1.7: lähde puuttuu")
    _button(kv_page, "Move to: returned").click()
    expect(kv_page.locator("main")).to_contain_text("returned")

    # The contact sees the comment, fixes the value and resubmits.
    page.goto(url)
    expect(page.locator("main")).to_contain_text("C1.7: lähde puuttuu")
    c17 = submission.values.get(indicator__code="C1.7")
    page.fill(f"#id_v{c17.pk}-source", "Tulosyksiköiden raportit")
    _button(page, "Save draft").click()
    _button(page, "Move to: submitted").click()

    # kv-tiimi approves; the values are locked.
    kv_page.goto(url)
    _button(kv_page, "Move to: approved").click()
    expect(kv_page.locator("main")).to_contain_text("approved")
    submission.refresh_from_db()
    assert submission.state == "approved"
    values = {v.indicator.code: v for v in submission.values.select_related("indicator")}
    assert values["C1.1"].number == 4 and values["C5.2"].number == 40
    assert values["C1.7"].source == "Tulosyksiköiden raportit"
    page.goto(url)
    expect(page.locator(f"#id_v{c17.pk}-source")).to_have_count(0)
    assert Indicator.objects.filter(code="C1.1").exists()


def test_closing_a_period_history_and_hr_import_pass_the_audit(open_page, audit, kv, department):
    """kv-tiimi's new pages in a browser: the progress page's close button leads to a
    confirmation, which closes the period; a value's history; the diversity page with the
    import form; the C6.3 indicator page. axe at full width and 320 px."""
    provider = Provider.objects.create(unit=department, name_fi=department.name_fi)
    provider.indicators.add(Indicator.objects.get(code="C6.1"))
    period_open(year=2025, deadline=timezone.localdate() + datetime.timedelta(days=20), actor=kv)
    submission = Submission.objects.get(provider=provider)
    value = submission.values.get(indicator__code="C6.1")
    value.number = 7
    value.save()

    page = open_page(kv)
    audit.visit(page, f"/metrics/periods/{submission.period_id}/", "progress")
    page.locator("main").get_by_role("link", name=re.compile("Sulje raportointikausi")).click()
    audit.check(page, "close confirmation")
    _button(page, "Kyllä, sulje kausi").click()
    expect(page.locator("main")).to_contain_text("Raportointikausi on suljettu.")
    audit.visit(page, f"/metrics/submissions/{submission.pk}/", "closed submission")
    audit.visit(page, f"/metrics/values/{value.pk}/history/", "value history")
    audit.visit(page, "/metrics/diversity/", "diversity with import")
    audit.visit(page, "/metrics/indicators/C6.3/", "C6.3")
    audit.assert_clean()
