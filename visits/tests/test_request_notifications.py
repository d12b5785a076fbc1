"""Who is told what about a visit request, in which language, and only after the change
is committed; the reminder task; and one run through a real Celery worker."""

import datetime
import uuid
from pathlib import Path

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import translation

from espoo_intl import celery_app
from espoo_intl.roles import Role
from espoo_intl.tests.factories import UserFactory
from visits.choices import ChecklistPhase, ItemStatus
from visits.choices import RequestState as S
from visits.services.requests import request_create, request_route, request_transition
from visits.tasks import remind_upcoming_visits, send_request_email

from .request_factories import ChecklistItemFactory, VisitRequestFactory

FINNISH_COMPILED = (Path(settings.LOCALE_PATHS[0]) / "fi/LC_MESSAGES/django.mo").exists()


def kv_member(username: str, language: str):
    user = UserFactory(username=username, language=language)
    user.groups.add(Group.objects.get(name=Role.KV_TEAM.value))
    return user


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def message_to(address: str):
    [message] = [m for m in mail.outbox if m.to == [address]]
    return message


def request_data(**overrides) -> dict:
    data = dict(
        subject="Latvian ambassador visits Otaniemi",
        requester_type="embassy",
        received_on=datetime.date(2025, 2, 3),
        proposed_start=datetime.date(2025, 4, 7),
        proposed_end=datetime.date(2025, 4, 7),
        kind="dignitary",
        dignitary_rank="ambassador",
        visitor="Ambassador of Latvia",
        visiting_organisation="Embassy of Latvia",
        country="LV",
        group_size=3,
    )
    return data | overrides


@pytest.fixture
def kv_en(db):
    return kv_member("kv-en", "en")


@pytest.fixture
def kv_fi(db):
    return kv_member("kv-fi", "fi")


# --- a new request ---------------------------------------------------------------------------


def test_new_request_is_mailed_to_each_kv_member_and_the_international_mailbox(
    django_capture_on_commit_callbacks, kv_en, kv_fi, staff, administrator
):
    with django_capture_on_commit_callbacks(execute=True):
        request_create(actor=staff, **request_data())

    assert recipients() == sorted([kv_en.email, kv_fi.email, settings.INTERNATIONAL_MAILBOX])
    assert all(m.from_email == settings.DEFAULT_FROM_EMAIL for m in mail.outbox)


def test_new_request_email_is_in_the_recipients_language(
    django_capture_on_commit_callbacks, kv_en, kv_fi, staff
):
    with django_capture_on_commit_callbacks(execute=True):
        visit_request = request_create(actor=staff, **request_data())

    english = message_to(kv_en.email)
    assert english.subject == "New visit request: Latvian ambassador visits Otaniemi"
    assert "A new visit request has arrived and waits for review." in english.body
    assert "Ambassador of Latvia (ambassador)" in english.body
    assert settings.PORTAL_URL + visit_request.get_absolute_url() in english.body
    finnish = message_to(kv_fi.email)
    assert "Latvian ambassador visits Otaniemi" in finnish.subject
    assert settings.PORTAL_URL + visit_request.get_absolute_url() in finnish.body


@pytest.mark.skipif(not FINNISH_COMPILED, reason="needs compiled Finnish translations")
def test_finnish_kv_member_and_the_mailbox_get_a_finnish_subject(
    django_capture_on_commit_callbacks, kv_en, kv_fi, staff
):
    with django_capture_on_commit_callbacks(execute=True):
        request_create(actor=staff, **request_data())

    english = message_to(kv_en.email).subject
    for address in (kv_fi.email, settings.INTERNATIONAL_MAILBOX):
        finnish = message_to(address).subject
        assert finnish != english
        assert "Latvian ambassador visits Otaniemi" in finnish


def test_nothing_is_sent_before_the_change_is_committed(
    django_capture_on_commit_callbacks, kv_en, staff
):
    with django_capture_on_commit_callbacks() as callbacks:
        request_create(actor=staff, **request_data())

    assert mail.outbox == []
    assert len(callbacks) == 1


# --- routing and assignment ------------------------------------------------------------------


@pytest.fixture
def routed_request(db):
    return VisitRequestFactory(state=S.UNDER_REVIEW, subject="Nordic mayors study visit")


def test_the_responsible_person_is_told_of_the_assignment(
    django_capture_on_commit_callbacks, routed_request, kv, staff, unit
):
    staff.language = "en"
    staff.save()

    with django_capture_on_commit_callbacks(execute=True):
        request_route(routed_request, actor=kv, host_unit=unit, responsible=staff)

    message = message_to(staff.email)
    assert message.subject == "You are responsible for the visit: Nordic mayors study visit"
    with translation.override("en"):  # the unit's name in the recipient's language
        assert f"Host unit: {unit.label}" in message.body
    assert "Please keep everyone involved informed." in message.body


def test_routing_again_to_the_same_person_does_not_repeat_the_assignment(
    django_capture_on_commit_callbacks, routed_request, kv, staff, unit
):
    request_route(routed_request, actor=kv, host_unit=unit, responsible=staff)

    with django_capture_on_commit_callbacks(execute=True):
        request_route(routed_request, actor=kv, host_unit=unit, responsible=staff)

    assert staff.email not in recipients()


@pytest.mark.parametrize("confidential", [False, True])
def test_informed_department_contact_hears_of_a_request_only_if_allowed_to_see_it(
    confidential,
    django_capture_on_commit_callbacks,
    kv,
    staff,
    contact,
    other_contact,
    unit,
    other_department,
):
    visit_request = VisitRequestFactory(state=S.UNDER_REVIEW, confidential=confidential)

    with django_capture_on_commit_callbacks(execute=True):
        request_route(
            visit_request,
            actor=kv,
            host_unit=unit,
            responsible=staff,
            informed_units=[other_department],
        )

    assert contact.email in recipients()  # the host department's contact may see it
    assert staff.email in recipients()
    assert (other_contact.email in recipients()) is not confidential


# --- state changes ---------------------------------------------------------------------------


def test_a_state_change_is_mailed_to_everyone_involved_except_who_made_it(
    django_capture_on_commit_callbacks, kv, kv_en, staff, contact, other_staff
):
    visit_request = VisitRequestFactory(
        subject="Tallinn city delegation", responsible=staff, created_by=contact
    )

    with django_capture_on_commit_callbacks(execute=True):
        request_transition(visit_request, to=S.UNDER_REVIEW, actor=kv)

    assert recipients() == sorted([kv_en.email, staff.email, contact.email])
    message = message_to(kv_en.email)
    assert message.subject == "Visit request Tallinn city delegation: under review"
    assert f"{kv} moved the request from “received” to “under review”." in message.body


def test_the_responsible_persons_own_change_is_not_mailed_back_to_them(
    django_capture_on_commit_callbacks, kv, staff
):
    visit_request = VisitRequestFactory(state=S.ACCEPTED, responsible=staff)

    with django_capture_on_commit_callbacks(execute=True):
        request_transition(visit_request, to=S.PLANNING, actor=staff)

    assert recipients() == [kv.email]


def test_registrant_of_a_confidential_request_hears_of_its_progress(
    django_capture_on_commit_callbacks, kv, staff, other_staff, unit
):
    visit_request = VisitRequestFactory(
        confidential=True, host_unit=unit, responsible=staff, created_by=other_staff
    )

    with django_capture_on_commit_callbacks(execute=True):
        request_transition(visit_request, to=S.UNDER_REVIEW, actor=kv)

    assert other_staff.email in recipients()


@pytest.mark.parametrize(
    ("message", "context", "expected"),
    [
        ("new_request", {}, "New visit request: Ben & Jerry's delegation"),
        ("assigned", {}, "You are responsible for the visit: Ben & Jerry's delegation"),
        ("routed", {}, "For your information: visit request Ben & Jerry's delegation"),
        (
            "state_changed",
            {"frm": "received", "actor": "kv"},
            "Visit request Ben & Jerry's delegation: under review",
        ),
        (
            "reminder",
            {"open_items": 2},
            "Reminder: Ben & Jerry's delegation on {date}, items still open",
        ),
    ],
)
def test_email_subject_is_plain_text(message, context, expected, kv_en, unit, staff):
    visit_request = VisitRequestFactory(
        subject="Ben & Jerry's delegation", state=S.UNDER_REVIEW, host_unit=unit, responsible=staff
    )

    sent = send_request_email.delay(message, visit_request.pk, [kv_en.pk], [], context).get()

    assert sent == 1
    start = visit_request.proposed_start
    assert message_to(kv_en.email).subject == expected.format(date=f"{start:%d.%m.%Y}")


# --- reminders -------------------------------------------------------------------------------

TODAY = datetime.date(2025, 5, 5)


def confirmed_request(*, starts_in: int, responsible, item_status=ItemStatus.OPEN):
    start = TODAY + datetime.timedelta(days=starts_in)
    visit_request = VisitRequestFactory(
        state=S.CONFIRMED,
        responsible=responsible,
        received_on=TODAY - datetime.timedelta(days=60),
        proposed_start=start,
        proposed_end=start,
        subject=f"Visit in {starts_in} days ({item_status})",
    )
    ChecklistItemFactory(
        visit_request=visit_request, phase=ChecklistPhase.AFTER, status=item_status
    )
    ChecklistItemFactory(visit_request=visit_request, phase=ChecklistPhase.PLANNING, required=False)
    return visit_request


def test_reminder_is_sent_a_week_before_a_visit_with_open_items(
    django_capture_on_commit_callbacks, kv, staff
):
    staff.language = "en"
    staff.save()
    confirmed_request(starts_in=7, responsible=staff)

    with django_capture_on_commit_callbacks(execute=True):
        reminded = remind_upcoming_visits.delay(today=TODAY.isoformat()).get()

    assert reminded == 1
    assert recipients() == sorted([kv.email, staff.email])
    message = message_to(staff.email)
    start = TODAY + datetime.timedelta(days=7)
    assert (
        message.subject == f"Reminder: Visit in 7 days (open) on {start:%d.%m.%Y}, items still open"
    )
    assert "2 checklist items are still open." in message.body


def test_no_reminder_when_items_are_handled_or_the_visit_is_not_a_week_away(
    django_capture_on_commit_callbacks, kv, staff
):
    done = confirmed_request(starts_in=7, responsible=staff, item_status=ItemStatus.DONE)
    done.checklist.update(status=ItemStatus.DONE)
    confirmed_request(starts_in=8, responsible=staff)
    confirmed_request(starts_in=6, responsible=staff)

    with django_capture_on_commit_callbacks(execute=True):
        reminded = remind_upcoming_visits.delay(today=TODAY.isoformat()).get()

    assert reminded == 0
    assert mail.outbox == []


def test_no_reminder_for_a_request_that_is_not_confirmed(
    django_capture_on_commit_callbacks, kv, staff
):
    visit_request = confirmed_request(starts_in=7, responsible=staff)
    visit_request.state = S.PLANNING
    visit_request.save()

    with django_capture_on_commit_callbacks(execute=True):
        reminded = remind_upcoming_visits.delay(today=TODAY.isoformat()).get()

    assert reminded == 0
    assert mail.outbox == []


# --- a real worker -------------------------------------------------------------------------


@pytest.fixture
def worker_queue():
    """A queue of this test's own. The worker consumes only it, so it neither runs nor
    eats what the development server left in the shared broker (var/broker or Redis)."""
    queue = f"test-{uuid.uuid4().hex}"
    conf = celery_app.conf
    eager = conf.task_always_eager
    conf.task_always_eager = False
    yield queue
    conf.task_always_eager = eager
    folder = conf.broker_transport_options.get("data_folder_out")
    if conf.broker_url.startswith("filesystem") and folder:
        for leftover in Path(folder).glob(f"*.{queue}.msg"):
            leftover.unlink()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_sends_the_request_emails(settings, worker_queue, kv_en):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    visit_request = VisitRequestFactory(subject="Worker-delivered request")

    with start_worker(
        celery_app, perform_ping_check=False, shutdown_timeout=30, queues=[worker_queue]
    ):
        result = send_request_email.apply_async(
            ("new_request", visit_request.pk, [kv_en.pk], [settings.INTERNATIONAL_MAILBOX], {}),
            queue=worker_queue,
        )
        sent = result.get(timeout=30)

    assert sent == 2
    assert recipients() == sorted([kv_en.email, settings.INTERNATIONAL_MAILBOX])
    assert message_to(kv_en.email).subject == "New visit request: Worker-delivered request"
