"""Each rule of the events register, refused with a clear message and nothing lost."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from espoo_intl.attachments import Attachment
from espoo_intl.timeline import timeline_for
from espoo_intl.workflow import workflow_transition
from events import services
from events.choices import EventState
from events.models import BackgroundCheck, Event
from events.tests.factories import EventFactory
from events.tests.helpers import DECISION, assess, english, form_data, pdf

pytestmark = pytest.mark.django_db


def post_new(client, unit, **overrides):
    return english(client).post("/events/new/", form_data(unit, **overrides))


# --- the form ---------------------------------------------------------------------------------


def test_staff_proposes_an_event_with_its_checklist(client_for, staff, unit):
    response = post_new(client_for(staff), unit)

    event = Event.objects.get()
    assert response.status_code == 302
    assert event.state == EventState.PROPOSED
    assert event.created_by == staff
    assert event.checklist.count() == 5


def test_end_before_start_is_refused_and_nothing_saved(client_for, staff, unit):
    response = post_new(client_for(staff), unit, end_date="2026-09-13")

    assert response.status_code == 200
    assert "The end date cannot be before the start date." in response.content.decode()
    assert 'value="Kansainvälinen koulutuskonferenssi"' in response.content.decode()
    assert not Event.objects.exists()


def test_negative_city_funding_is_refused(client_for, staff, unit):
    response = post_new(client_for(staff), unit, city_funding="-1")

    assert "The city funding cannot be negative." in response.content.decode()
    assert not Event.objects.exists()


def test_negative_participants_are_refused(client_for, staff, unit):
    response = post_new(client_for(staff), unit, expected_participants="-5")

    assert response.status_code == 200
    assert not Event.objects.exists()


def test_a_year_far_off_is_refused(client_for, staff, unit):
    response = post_new(client_for(staff), unit, start_date="1899-09-14", end_date="1899-09-15")

    assert "Give a year between 2000 and" in response.content.decode()
    assert not Event.objects.exists()


def test_staff_cannot_propose_for_another_department(client_for, staff, unit, other_unit):
    response = post_new(client_for(staff), unit, owning_unit=other_unit.pk)

    assert response.status_code == 200
    assert not Event.objects.exists()


def test_staff_may_mark_their_proposal_confidential_and_keeps_seeing_it(staff, unit, users):
    event = services.event_create(actor=staff, **form_data(unit, owning_unit=unit), confidential=True)  # fmt: skip

    assert Event.objects.for_user(staff).filter(pk=event.pk).exists()
    assert not Event.objects.for_user(users["other_staff"]).filter(pk=event.pk).exists()
    assert not Event.objects.for_user(users["lead"]).filter(pk=event.pk).exists()


def test_leadership_reads_but_does_not_edit(client_for, lead, unit):
    event = EventFactory(owning_unit=unit)

    assert client_for(lead).get(event.get_absolute_url()).status_code == 200
    assert client_for(lead).get(f"/events/{event.pk}/edit/").status_code == 403


# --- the decision path -----------------------------------------------------------------------


def test_impact_assessed_needs_an_assessment(client_for, staff, unit):
    event = EventFactory(owning_unit=unit)

    response = english(client_for(staff)).post(
        f"/events/{event.pk}/transition/", {"to": "assessed"}
    )

    assert response.status_code == 400
    assert "Assess the event&#x27;s impact first" in response.content.decode()
    event.refresh_from_db()
    assert event.state == EventState.PROPOSED


def test_staff_assesses_the_impact_with_the_five_points(client_for, staff, unit):
    event = EventFactory(owning_unit=unit)
    answers = {"aim": "yes", "aim_how": "Tunnettuus", "risks": "yes", "risks_how": "Sää"}

    response = client_for(staff).post(f"/events/{event.pk}/assess/", answers)
    client_for(staff).post(f"/events/{event.pk}/transition/", {"to": "assessed"})

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.state == EventState.ASSESSED
    page = client_for(staff).get(event.get_absolute_url()).content.decode()
    assert "Tunnettuus" in page


def test_the_assessment_is_the_seeded_five_points():
    from espoo_intl.questionnaires import QuestionSet

    qset = QuestionSet.objects.get(code="event-impact")
    codes = list(qset.questions.values_list("code", flat=True))
    assert codes == ["aim", "target_groups", "visibility", "benefit", "risks"]
    assert all(q.asks_how and q.text_sv and q.text_en for q in qset.questions.all())


def test_deciding_without_an_assessment_is_refused_and_the_decision_not_kept(client_for, kv, unit):
    event = EventFactory(owning_unit=unit, state=EventState.ASSESSED)  # e.g. the data was mended

    response = english(client_for(kv)).post(f"/events/{event.pk}/decide/", DECISION)

    assert response.status_code == 400
    assert "Assess the event&#x27;s impact first" in response.content.decode()
    assert 'value="KJ 12/2026"' in response.content.decode()  # the input is kept on the page
    event.refresh_from_db()
    assert event.state == EventState.ASSESSED
    assert event.decision_reference == ""


def test_kv_records_the_decision(client_for, kv, unit):
    event = EventFactory(owning_unit=unit, state=EventState.ASSESSED)
    assess(event, kv)

    response = client_for(kv).post(f"/events/{event.pk}/decide/", DECISION)

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.state == EventState.APPROVED
    assert (event.decided_by, event.decider_role, event.decision_reference) == (
        "Jukka Mäkelä", "city_manager", "KJ 12/2026",
    )  # fmt: skip
    assert event.decision_date == datetime.date(2026, 1, 15)
    assert [e.to_state for e in timeline_for(event)] == ["approved"]


def test_a_rejected_event_is_closed(client_for, kv, staff, unit):
    event = EventFactory(owning_unit=unit, state=EventState.ASSESSED)
    assess(event, kv)

    client_for(kv).post(f"/events/{event.pk}/decide/", DECISION | {"outcome": "rejected"})

    event.refresh_from_db()
    assert event.state == EventState.REJECTED and event.is_closed
    assert client_for(staff).get(f"/events/{event.pk}/edit/").status_code == 400


def test_the_decision_is_kv_teams(staff, unit):
    event = EventFactory(owning_unit=unit, state=EventState.ASSESSED)
    assess(event, staff)

    with pytest.raises(PermissionDenied):
        services.event_decide(event, actor=staff, **(DECISION | {"decision_date": datetime.date(2026, 1, 15)}))  # fmt: skip


def test_a_decision_dated_in_the_future_is_refused(kv, unit):
    event = EventFactory(owning_unit=unit, state=EventState.ASSESSED)
    assess(event, kv)
    future = datetime.date.today() + datetime.timedelta(days=3)

    with pytest.raises(ValidationError, match="ei voi olla tulevaisuudessa"):
        services.event_decide(event, actor=kv, **(DECISION | {"decision_date": future}))


def test_an_international_actors_proposal_needs_the_background_check(client_for, kv, unit):
    event = EventFactory(owning_unit=unit, state=EventState.ASSESSED, proposed_by_international_actor=True)  # fmt: skip
    assess(event, kv)
    client = english(client_for(kv))

    refused = client.post(f"/events/{event.pk}/decide/", DECISION)
    check = {"kv_checked_by": "Kv-tiimi: A. Asiantuntija", "turva_checked_by": "Turva: B. Turvallinen",
             "checked_on": "2026-01-10", "outcome": "no_concerns"}  # fmt: skip
    client.post(f"/events/{event.pk}/background-check/", check)
    decided = client.post(f"/events/{event.pk}/decide/", DECISION)

    assert refused.status_code == 400
    assert "record the background check" in refused.content.decode()
    assert BackgroundCheck.objects.get(event=event).turva_checked_by == "Turva: B. Turvallinen"
    assert decided.status_code == 302
    event.refresh_from_db()
    assert event.state == EventState.APPROVED


def test_staff_cannot_record_the_background_check(client_for, staff, unit):
    event = EventFactory(owning_unit=unit, proposed_by_international_actor=True)

    response = client_for(staff).post(f"/events/{event.pk}/background-check/", {})

    assert response.status_code == 403


def test_co_organised_event_needs_its_agreement_before_signed(client_for, staff, unit):
    event = EventFactory(owning_unit=unit, state=EventState.APPROVED, co_organisers="Aalto-yliopisto")  # fmt: skip
    client = english(client_for(staff))

    refused = client.post(f"/events/{event.pk}/transition/", {"to": "agreement_signed"})
    covers = {"covers_role": "on", "covers_responsibilities": "on", "covers_funding_share": "on",
              "covers_schedule": "on"}  # fmt: skip
    attached = client.post(f"/events/{event.pk}/agreement/", covers | {"file": pdf()})
    signed = client.post(f"/events/{event.pk}/transition/", {"to": "agreement_signed"})

    assert refused.status_code == 400
    assert "needs its written agreement" in refused.content.decode()
    assert attached.status_code == 302 and signed.status_code == 302
    event.refresh_from_db()
    assert event.state == EventState.AGREEMENT_SIGNED


def test_an_agreement_must_cover_all_four_points_and_no_file_is_kept(client_for, staff, unit):
    event = EventFactory(owning_unit=unit, state=EventState.APPROVED, co_organisers="VTT")

    response = english(client_for(staff)).post(
        f"/events/{event.pk}/agreement/", {"covers_role": "on", "file": pdf()}
    )

    assert response.status_code == 400
    assert "Confirm that the agreement covers this" in response.content.decode()
    assert not event.agreements.exists()
    assert not Attachment.objects.exists()


def test_an_event_without_co_organisers_is_signed_without_an_agreement(staff, unit):
    event = EventFactory(owning_unit=unit, state=EventState.APPROVED)

    workflow_transition(event, to=EventState.HELD, actor=staff)

    assert event.state == EventState.HELD


def test_a_co_organised_event_is_not_held_before_its_agreement_is_signed(staff, unit):
    event = EventFactory(owning_unit=unit, state=EventState.APPROVED, co_organisers="VTT")

    with pytest.raises(ValidationError, match="only after its agreement is signed"):
        workflow_transition(event, to=EventState.HELD, actor=staff)


def test_reporting_needs_the_actual_participants(staff, unit):
    event = EventFactory(owning_unit=unit, state=EventState.HELD)

    with pytest.raises(ValidationError, match="actual number"):
        workflow_transition(event, to=EventState.REPORTED, actor=staff)
    event.actual_participants = 120
    event.save()
    workflow_transition(event, to=EventState.REPORTED, actor=staff)
    assert event.is_closed


def test_cancelling_needs_a_reason_and_is_allowed_from_open_states_only(staff, unit):
    event = EventFactory(owning_unit=unit, state=EventState.AGREEMENT_SIGNED)
    held = EventFactory(owning_unit=unit, state=EventState.HELD)

    with pytest.raises(ValidationError):
        workflow_transition(event, to=EventState.CANCELLED, actor=staff)
    workflow_transition(event, to=EventState.CANCELLED, actor=staff, reason="Sali ei vapaana")
    with pytest.raises(ValidationError):
        workflow_transition(held, to=EventState.CANCELLED, actor=staff, reason="Myöhässä")
    assert event.state == EventState.CANCELLED
    assert timeline_for(event).get().reason == "Sali ei vapaana"


def test_other_departments_staff_cannot_move_the_event(users, unit):
    event = EventFactory(owning_unit=unit)
    assess(event, users["staff"])

    with pytest.raises(PermissionDenied):
        workflow_transition(event, to=EventState.ASSESSED, actor=users["other_staff"])


def test_no_assessment_after_the_decision(staff, unit):
    event = EventFactory(owning_unit=unit, state=EventState.APPROVED)

    with pytest.raises(ValidationError, match="before the decision"):
        services.event_assess(event, actor=staff, answers={}, how={})


# --- the checklist ----------------------------------------------------------------------------


def test_ticking_a_checklist_point_records_who_and_when(client_for, staff, unit):
    event = EventFactory(owning_unit=unit)
    item = event.checklist.get(point="procurement")

    response = client_for(staff).post(
        f"/events/{event.pk}/checklist/{item.pk}/", {"done": "on"}, HTTP_HX_REQUEST="true"
    )

    item.refresh_from_db()
    assert response.status_code == 200
    assert f'id="item-{item.pk}"' in response.content.decode()
    assert item.done and item.done_by == staff and item.done_at is not None
    client_for(staff).post(f"/events/{event.pk}/checklist/{item.pk}/", {})
    item.refresh_from_db()
    assert not item.done and item.done_by is None
