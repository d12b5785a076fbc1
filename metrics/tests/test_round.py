"""The yearly round: kv-tiimi opens a period, departments fill in and submit, kv-tiimi
returns and approves; values are checked by their unit; reminders before the deadline."""

import datetime
import html

import pytest
from django.core import mail

from metrics.models import ReportingPeriod, Submission, Value
from metrics.services import remind_due
from metrics.tests.conftest import finnish

pytestmark = pytest.mark.django_db

YEAR = 2025


def _codes(submission):
    return [v.indicator.code for v in submission.values.select_related("indicator")]


def _post_data(submission, **overrides):
    data = {"version": submission.version}
    for value in submission.values.select_related("indicator"):
        part = "text" if value.indicator.unit == "text" else "number"
        data[f"v{value.pk}-{part}"] = {"percent": "7,5", "scale": "4", "text": "Julkaistu."}.get(
            value.indicator.unit, "3"
        )
    data["highlights_fi"] = "**Hyvä vuosi** <script>alert(1)</script>"
    return data | overrides


def test_opening_creates_submissions_and_mails_the_contact(submission, contact, other_contact):
    assert _codes(submission) == ["B1.1", "C1.1", "C1.4", "C1.7", "C4.1", "C5.2", "C6.1"]
    assert not {"A2.4", "C1.5"} & set(_codes(submission))  # derived: computed, not typed
    hr = Submission.objects.get(provider__source="hr")
    assert _codes(hr) == ["C6.1"]  # C6.3 is computed
    assert ReportingPeriod.objects.get().year == YEAR
    to_contact = [m for m in mail.outbox if m.to == [contact.email]]
    assert len(to_contact) == 1 and str(YEAR) in to_contact[0].subject
    assert not any(m.to == [contact.email] for m in mail.outbox if "Sosiaali" in m.body)


def test_only_kv_opens_a_period(client_for, staff, kv, deadline):
    data = {"year": YEAR, "deadline": deadline.isoformat()}
    assert client_for(staff).post("/metrics/periods/", data).status_code == 403
    assert not ReportingPeriod.objects.exists()
    response = client_for(kv).post("/metrics/periods/", data)
    assert response.status_code == 302 and Submission.objects.exists()
    assert client_for(kv).post("/metrics/periods/", data).status_code == 400  # the same year again


@pytest.mark.parametrize(
    ("code", "raw", "message"),
    [
        ("C6.1", "101", "A percentage cannot be over 100."),
        ("C4.1", "6", "A value on the scale must be between 1 and 5."),
        ("C1.1", "kolme", "“%(value)s” is not a number."),
        ("C1.1", "2.5", "The value must be a whole number."),
    ],
)
def test_a_wrong_value_saves_nothing(submission, client_for, contact, code, raw, message):
    value = submission.values.get(indicator__code=code)
    response = client_for(contact).post(
        submission.get_absolute_url(), _post_data(submission, **{f"v{value.pk}-number": raw})
    )
    assert response.status_code == 400
    assert finnish(message, **({"value": raw} if "%(value)s" in message else {})) in html.unescape(
        response.content.decode()
    )
    assert not Value.objects.filter(submission=submission, number__isnull=False).exists()
    assert Submission.objects.get(pk=submission.pk).highlights_fi == ""


def test_the_round_draft_submitted_returned_approved(
    submission, client_for, contact, kv, staff, other_contact, django_capture_on_commit_callbacks
):
    url = submission.get_absolute_url()
    transition = f"{url}transition/"
    assert client_for(other_contact).post(url, _post_data(submission)).status_code == 403
    assert (
        client_for(contact).post(transition, {"to": "submitted"}).status_code == 400
    )  # nothing filled yet

    assert client_for(staff).post(url, _post_data(submission)).status_code == 302
    submission.refresh_from_db()
    assert submission.values.get(indicator__code="C6.1").number == 7.5
    assert "<script>" not in submission.highlights_fi
    page = client_for(kv).get(url).content.decode()
    assert "<strong>Hyvä vuosi</strong>" not in page  # still a draft: shown in the form

    assert client_for(contact).post(transition, {"to": "submitted"}).status_code == 302
    assert (
        client_for(contact).post(url, _post_data(submission)).status_code == 400
    )  # submitted: not editable
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(kv).post(
            transition, {"to": "returned", "reason": "C1.4 puuttuu lähde"}
        )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[contact.email]]
    assert "C1.4 puuttuu lähde" in client_for(contact).get(url).content.decode()

    submission.refresh_from_db()
    c14 = submission.values.get(indicator__code="C1.4")
    assert (
        client_for(contact)
        .post(url, _post_data(submission, **{f"v{c14.pk}-number": "5"}))
        .status_code
        == 302
    )
    assert client_for(contact).post(transition, {"to": "submitted"}).status_code == 302
    assert client_for(contact).post(transition, {"to": "approved"}).status_code == 403
    assert client_for(kv).post(transition, {"to": "approved"}).status_code == 302

    submission.refresh_from_db()
    assert submission.state == "approved"
    assert (
        client_for(contact)
        .post(url, _post_data(submission, **{f"v{c14.pk}-number": "9"}))
        .status_code
        == 400
    )
    assert submission.values.get(indicator__code="C1.4").number == 5  # locked
    page = client_for(kv).get(url).content.decode()
    assert "<strong>Hyvä vuosi</strong>" in page and "alert(1)" not in page

    assert client_for(kv).post(transition, {"to": "draft"}).status_code == 302  # reopened
    submission.refresh_from_db()
    assert (
        client_for(contact)
        .post(url, _post_data(submission, **{f"v{c14.pk}-number": "9"}))
        .status_code
        == 302
    )
    c14 = submission.values.get(indicator__code="C1.4")
    assert [h.number for h in c14.history.order_by("history_date")][-2:] == [
        5,
        9,
    ]  # kept in history


def test_break_in_comparability_needs_an_explanation(submission, client_for, contact):
    value = submission.values.get(indicator__code="C1.1")
    data = _post_data(submission, **{f"v{value.pk}-comparability_break": "on"})
    response = client_for(contact).post(submission.get_absolute_url(), data)
    assert (
        response.status_code == 400
        and "Selitä katko vertailukelpoisuudessa." in response.content.decode()
    )
    data[f"v{value.pk}-break_explanation"] = "Uusi laskentatapa"
    assert client_for(contact).post(submission.get_absolute_url(), data).status_code == 302


def test_reminders_7_and_1_days_before_the_deadline(
    submission, contact, deadline, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_due(deadline - datetime.timedelta(days=3)) == 0
        reminded = remind_due(deadline - datetime.timedelta(days=7))
    assert reminded == Submission.objects.count()
    assert any(m.to == [contact.email] for m in mail.outbox)
    Submission.objects.update(state="submitted")
    assert remind_due(deadline - datetime.timedelta(days=1)) == 0


def test_progress_page_and_remind_button(
    submission, client_for, kv, contact, django_capture_on_commit_callbacks
):
    client_for(contact).post(submission.get_absolute_url(), _post_data(submission))
    page = client_for(kv).get(f"/metrics/periods/{submission.period_id}/").content.decode()
    assert "7 / 7" in page and finnish("not started") in page  # ours filled; the others not started
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(kv).post(f"/metrics/submissions/{submission.pk}/remind/")
    assert response.status_code == 302 and [m.to for m in mail.outbox] == [[contact.email]]
