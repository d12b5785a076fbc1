"""kv-tiimi closes a reporting period (after a confirmation page); departments can then no
longer save, upload or submit figures; kv-tiimi still can, and reopens the period."""

import html

import pytest
from django.core import mail

from metrics.models import ReportingPeriod, Submission
from metrics.tests.conftest import finnish
from metrics.tests.test_excel import _filled, _upload
from metrics.tests.test_round import _post_data

pytestmark = pytest.mark.django_db

CLOSED = (
    "The reporting period is closed: figures can no longer be saved or submitted. Ask kv-tiimi."
)


def _close(client, period):
    return client.post(f"/metrics/periods/{period.pk}/close/")


def test_kv_confirms_and_closes_the_period(submission, client_for, kv, contact, staff):
    period = submission.period
    progress = client_for(kv).get(f"/metrics/periods/{period.pk}/").content.decode()
    assert f"/metrics/periods/{period.pk}/close/" in progress
    page = client_for(kv).get(f"/metrics/periods/{period.pk}/close/")
    assert page.status_code == 200
    pending = Submission.objects.filter(period=period).count()
    text = html.unescape(page.content.decode())
    assert finnish("Yes, close the period") in text and str(pending) in text
    assert ReportingPeriod.objects.get().is_open  # asking does not close it

    for user in (staff, contact):
        assert client_for(user).get(f"/metrics/periods/{period.pk}/close/").status_code == 403
        assert _close(client_for(user), period).status_code == 403
    assert ReportingPeriod.objects.get().is_open

    assert _close(client_for(kv), period).status_code == 302
    assert not ReportingPeriod.objects.get().is_open
    progress = client_for(kv).get(f"/metrics/periods/{period.pk}/").content.decode()
    assert f"/metrics/periods/{period.pk}/reopen/" in progress
    assert "/remind/" not in progress  # nothing to remind of
    timeline = client_for(kv).get(submission.get_absolute_url()).content.decode()
    assert finnish("Reporting period closed.") in timeline
    again = client_for(kv).post(f"/metrics/periods/{period.pk}/close/", follow=True)
    assert finnish(
        "The reporting period %(year)s is closed already.", year=period.year
    ) in html.unescape(again.content.decode())


def test_a_closed_period_takes_no_figures_from_departments(
    submission, client_for, kv, contact, django_capture_on_commit_callbacks
):
    url = submission.get_absolute_url()
    book = _filled(client_for(contact), submission)
    assert client_for(contact).post(url, _post_data(submission)).status_code == 302  # open: saved
    submission.refresh_from_db()
    _close(client_for(kv), submission.period)

    page = client_for(contact).get(url).content.decode()
    assert finnish(CLOSED) in html.unescape(page) and 'name="version"' not in page  # no form
    changed = _post_data(submission, highlights_fi="Myöhästynyt muutos")
    response = client_for(contact).post(url, changed)
    assert response.status_code == 400 and finnish(CLOSED) in html.unescape(
        response.content.decode()
    )
    assert _upload(client_for(contact), submission, book).status_code == 400
    response = client_for(contact).post(f"{url}transition/", {"to": "submitted"})
    assert response.status_code == 400 and finnish(CLOSED) in html.unescape(
        response.content.decode()
    )
    submission.refresh_from_db()
    assert submission.state == "draft" and "Myöhästynyt" not in submission.highlights_fi

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(kv).post(f"/metrics/submissions/{submission.pk}/remind/")
    assert mail.outbox == []  # a closed period sends no reminders

    # kv-tiimi still corrects, and reopens the period for the department.
    assert (
        client_for(kv).post(url, _post_data(submission, highlights_fi="Korjattu")).status_code
        == 302
    )
    submission.refresh_from_db()
    assert submission.highlights_fi == "Korjattu"
    assert client_for(kv).get(f"/metrics/periods/{submission.period_id}/reopen/").status_code == 200
    assert (
        client_for(kv).post(f"/metrics/periods/{submission.period_id}/reopen/").status_code == 302
    )
    assert ReportingPeriod.objects.get().is_open
    assert client_for(contact).post(url, _post_data(submission)).status_code == 302
    assert client_for(contact).post(f"{url}transition/", {"to": "submitted"}).status_code == 302


def test_kv_may_submit_late_with_a_reason(submission, client_for, kv, contact):
    client_for(contact).post(submission.get_absolute_url(), _post_data(submission))
    _close(client_for(kv), submission.period)
    transition = f"{submission.get_absolute_url()}transition/"
    assert client_for(kv).post(transition, {"to": "submitted"}).status_code == 400
    response = client_for(kv).post(
        transition, {"to": "submitted", "override_reason": "Sovittu myöhästyminen"}
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.state == "submitted"
    page = client_for(kv).get(submission.get_absolute_url()).content.decode()
    assert "Sovittu myöhästyminen" in page
