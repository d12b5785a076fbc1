"""The whole spring in a real browser: a department's contact submits the yearly figures,
kv-tiimi approves them, compiles the final report on the reports page (the job runs
in-process, CELERY_TASK_ALWAYS_EAGER) and publishes it, and leadership downloads the PDF.
Also: the version page follows a running job without reloading, under the real
Content-Security-Policy (htmx polling, no inline script).
Run: .venv/bin/python -m pytest -m browser reports/tests/test_browser.py
"""

import datetime

import pytest
from django.utils import timezone

from espoo_intl.tests.browser import require_browser
from metrics.models import Provider, Submission, SubmissionState, Value
from metrics.services import period_open
from reports import services
from reports.models import ReportState, ReportVersion
from reports.tests.factories import period

sync_api = require_browser()
expect = sync_api.expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

YEAR = 2025


def _english(*users):
    for user in users:
        user.language = "en"
        user.save(update_fields=["language"])


def _button(page, name):
    return page.locator("main").get_by_role("button", name=name).first


def test_the_spring_contact_submits_kv_approves_and_compiles_leadership_downloads(
    open_page, audit, contact, kv, lead, department, tmp_path
):
    _english(contact, kv, lead)
    provider = Provider.objects.create(unit=department, name_fi=department.name_fi)
    period_open(year=YEAR, deadline=timezone.localdate() + datetime.timedelta(days=20), actor=kv)
    ours = Submission.objects.get(provider=provider)
    # The other providers were approved earlier; the department has entered its figures.
    Submission.objects.exclude(pk=ours.pk).update(state=SubmissionState.APPROVED)
    Value.objects.filter(submission=ours).update(number=7, source="Oma seuranta")
    url = f"/metrics/submissions/{ours.pk}/"

    page = open_page(contact, locale="en-US")
    page.goto(url)
    _button(page, "Move to: submitted").click()
    expect(page.locator("main")).to_contain_text("submitted")

    kv_page = open_page(kv, locale="en-US")
    kv_page.goto(url)
    _button(kv_page, "Move to: approved").click()
    expect(kv_page.locator("main")).to_contain_text("approved")

    audit.visit(kv_page, "/reports/", "reports page")
    kv_page.select_option("#id_year", str(YEAR))
    kv_page.select_option("#id_language", "en")
    kv_page.get_by_label("final (approved period only)").check()
    # Celery runs eagerly here: the click returns once the whole report is printed.
    _button(kv_page, "Compile").click(timeout=180_000)
    expect(kv_page.locator("main")).to_contain_text("The compilation has started.")
    expect(kv_page.get_by_role("link", name="Download the PDF")).to_be_visible()
    audit.check(kv_page, "version page")
    _button(kv_page, "Publish").click()
    expect(kv_page.locator("main")).to_contain_text("The report is published")
    version = ReportVersion.objects.get()
    assert (version.year, version.language, version.final, version.published) == (YEAR, "en", True, True)  # fmt: skip

    lead_page = open_page(lead, locale="en-US")
    lead_page.goto("/reports/")
    with lead_page.expect_download() as download:
        lead_page.get_by_role("link", name=f"Download the {YEAR} report").click()
    saved = tmp_path / "report.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    audit.visit(lead_page, f"/reports/{version.pk}/", "published version, leadership")
    audit.assert_clean()


def test_the_version_page_follows_the_job_without_reloading(open_page, kv):
    _english(kv)
    period(YEAR, approved=False, actor=kv)
    version, _ = services.report_request(
        year=YEAR, language="fi", final=False, actor=kv, enqueue=False
    )
    page = open_page(kv, locale="en-US", enforce_csp=True)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"/reports/{version.pk}/")
    expect(page.locator("#progress [aria-current=step]")).to_have_text("Queued")
    services.report_build(version_id=version.pk)  # a worker finishes it meanwhile
    expect(page.get_by_role("link", name="Download the PDF")).to_be_visible()
    assert ReportVersion.objects.get().state == ReportState.DONE
    assert not [e for e in errors if "Content Security Policy" in e]
