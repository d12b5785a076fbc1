"""Guest lists are personal data (DOMAIN.md 3.3): only the people allowed to see a
request's confidential parts edit them, and they are erased, history included, once the
visit is GUEST_DATA_RETENTION_DAYS behind us."""

import datetime

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from espoo_intl.timeline import timeline_for
from visits.choices import GuestRole
from visits.choices import RequestState as S
from visits.models import Guest, VisitRequest
from visits.services.planning import guest_data_erase_expired, guest_delete, guest_save
from visits.tasks import erase_expired_guest_data

from .request_factories import VisitRequestFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 9, 1)
SECRETS = ["Ingrid Lindqvist", "Olof Berg", "Astrid Nyström", "halal", "gluteeniton", "diabetes"]


def ended_days_ago(days: int, *, today=TODAY, **kwargs) -> VisitRequest:
    end = today - datetime.timedelta(days=days)
    return VisitRequestFactory(
        state=S.COMPLETED,  # closed requests refuse new guest data
        received_on=end - datetime.timedelta(days=60),
        proposed_start=end - datetime.timedelta(days=1),
        proposed_end=end,
        **kwargs,
    )


def add_guests(visit_request: VisitRequest, actor) -> list[Guest]:
    """Three guests entered and corrected through the service, as the team would."""
    head = guest_save(
        visit_request, actor=actor, name="Ingrid Lindqvist", role=GuestRole.HEAD, dietary="halal"
    )
    spouse = guest_save(visit_request, actor=actor, name="Olof Berg", role=GuestRole.SPOUSE)
    member = guest_save(visit_request, actor=actor, name="Astrid Nyström", dietary="gluteeniton")
    guest_save(visit_request, actor=actor, guest=spouse, dietary="diabetes")  # a correction
    return [head, spouse, member]


def history_texts(visit_request: VisitRequest) -> str:
    rows = Guest.history.filter(visit_request_id=visit_request.pk).values(
        "name", "title", "form_of_address", "dietary", "notes"
    )
    return " ".join(str(value) for row in rows for value in row.values())


def all_guest_history_texts() -> str:
    rows = Guest.history.values("name", "title", "form_of_address", "dietary", "notes")
    return " ".join(str(value) for row in rows for value in row.values())


@pytest.fixture
def retention() -> int:
    return settings.GUEST_DATA_RETENTION_DAYS


# --- erasure -----------------------------------------------------------------------------


def test_guest_data_of_an_old_visit_is_erased_with_its_history(kv, retention):
    visit_request = ended_days_ago(retention + 1, group_size=2)
    add_guests(visit_request, kv)
    assert "Ingrid Lindqvist" in history_texts(visit_request)

    erased = guest_data_erase_expired(today=TODAY)

    assert erased == 1
    visit_request.refresh_from_db()
    assert not Guest.objects.filter(visit_request=visit_request).exists()
    assert not Guest.history.filter(visit_request_id=visit_request.pk).exists()
    for secret in SECRETS:
        assert secret not in all_guest_history_texts()
    assert visit_request.group_size == 3  # the list had more people than the form said
    assert visit_request.guest_data_erased_at is not None
    [entry] = timeline_for(visit_request)
    assert entry.actor is None
    with translation.override("en"):
        assert entry.summary_text == "Guest data erased (3 guests); group size kept: 3"


def test_a_larger_group_size_is_kept(kv, retention):
    visit_request = ended_days_ago(retention + 30, group_size=25)
    add_guests(visit_request, kv)

    guest_data_erase_expired(today=TODAY, actor=kv)

    visit_request.refresh_from_db()
    assert visit_request.group_size == 25
    assert timeline_for(visit_request).get().actor == kv


@pytest.mark.parametrize("days", [0, 30, "retention"])
def test_guests_of_a_recent_visit_are_kept(days, kv, retention):
    visit_request = ended_days_ago(retention if days == "retention" else days)
    guests = add_guests(visit_request, kv)
    history_rows = Guest.history.filter(visit_request_id=visit_request.pk).count()

    assert guest_data_erase_expired(today=TODAY) == 0

    visit_request.refresh_from_db()
    assert set(Guest.objects.filter(visit_request=visit_request)) == set(guests)
    assert Guest.history.filter(visit_request_id=visit_request.pk).count() == history_rows
    assert visit_request.guest_data_erased_at is None
    assert not timeline_for(visit_request).exists()


def test_only_the_expired_request_is_erased(kv, retention):
    old = ended_days_ago(retention + 5)
    recent = ended_days_ago(5)
    add_guests(old, kv)
    recent_guest = guest_save(recent, actor=kv, name="Karin Holm", dietary="vegaani")

    guest_data_erase_expired(today=TODAY)

    assert not Guest.objects.filter(visit_request=old).exists()
    assert list(Guest.objects.filter(visit_request=recent)) == [recent_guest]
    assert "Karin Holm" in history_texts(recent)


def test_erasing_twice_changes_nothing_more(kv, retention):
    visit_request = ended_days_ago(retention + 1)
    add_guests(visit_request, kv)
    guest_data_erase_expired(today=TODAY)
    erased_at = VisitRequest.objects.get(pk=visit_request.pk).guest_data_erased_at

    assert guest_data_erase_expired(today=TODAY) == 0

    assert VisitRequest.objects.get(pk=visit_request.pk).guest_data_erased_at == erased_at
    assert timeline_for(visit_request).count() == 1


def test_no_guests_are_added_after_erasure(kv, retention):
    visit_request = ended_days_ago(retention + 1)
    add_guests(visit_request, kv)
    guest_data_erase_expired(today=TODAY)
    visit_request.refresh_from_db()

    with pytest.raises(ValidationError):
        guest_save(visit_request, actor=kv, name="Late Addition")

    assert not Guest.objects.filter(visit_request=visit_request).exists()


def test_the_daily_task_erases_expired_guest_data(kv, retention):
    today = timezone.localdate()
    old = ended_days_ago(retention + 10, today=today)
    recent = ended_days_ago(1, today=today)
    add_guests(old, kv)
    kept = guest_save(recent, actor=kv, name="Karin Holm")

    erased = erase_expired_guest_data.delay().get()

    assert erased == 1
    assert not Guest.history.filter(visit_request_id=old.pk).exists()
    assert VisitRequest.objects.get(pk=old.pk).guest_data_erased_at is not None
    assert list(Guest.objects.filter(visit_request=recent)) == [kept]
    assert timeline_for(old).count() == 1


@pytest.mark.parametrize("keep_one", [True, False], ids=["one-left", "none-left"])
def test_guests_removed_before_the_visit_are_erased_from_history_too(keep_one, kv, retention):
    visit_request = ended_days_ago(retention + 1)
    head, spouse, member = add_guests(visit_request, kv)
    for guest in (spouse, member) if keep_one else (head, spouse, member):
        guest_delete(guest, actor=kv)

    guest_data_erase_expired(today=TODAY)

    for secret in SECRETS:
        assert secret not in all_guest_history_texts()


# --- who may edit the guest list ---------------------------------------------------------


@pytest.fixture
def planned_request(unit):
    return VisitRequestFactory(state=S.PLANNING, host_unit=unit, responsible=None)


@pytest.mark.parametrize("who", ["kv", "administrator", "responsible", "contact"])
def test_people_allowed_confidential_parts_may_edit_guests(who, request, planned_request):
    if who == "responsible":
        actor = request.getfixturevalue("other_staff")
        planned_request.responsible = actor
        planned_request.save()
    else:
        actor = request.getfixturevalue(who)

    guest = guest_save(planned_request, actor=actor, name="Ingrid Lindqvist", dietary="halal")
    guest_save(planned_request, actor=actor, guest=guest, title="Ambassador")

    guest.refresh_from_db()
    assert guest.title == "Ambassador"
    assert guest.history.first().history_user == actor
    guest_delete(guest, actor=actor)
    assert not Guest.objects.filter(visit_request=planned_request).exists()


@pytest.mark.parametrize(
    "who",
    [
        "staff",  # edits the host department's requests, but not their confidential parts
        "other_staff",
        "other_contact",
        "lead",
    ],
)
def test_others_may_not_edit_guests(who, request, planned_request, kv):
    actor = request.getfixturevalue(who)
    existing = guest_save(planned_request, actor=kv, name="Ingrid Lindqvist")

    with pytest.raises(PermissionDenied):
        guest_save(planned_request, actor=actor, name="Olof Berg")
    with pytest.raises(PermissionDenied):
        guest_save(planned_request, actor=actor, guest=existing, dietary="diabetes")
    with pytest.raises(PermissionDenied):
        guest_delete(existing, actor=actor)

    assert list(Guest.objects.filter(visit_request=planned_request)) == [existing]
    existing.refresh_from_db()
    assert existing.dietary == ""
