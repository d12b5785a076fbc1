"""The visit request services as kv-tiimi, the responsible person and other staff meet
them: registration, edits, triage, routing, the state machine and its guards, the
checklist, the visit record, the protocol matrix, gifts and attachments."""

import io
import itertools
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils import translation

from espoo_intl.attachments import Attachment
from espoo_intl.models import OrgUnit
from espoo_intl.permissions import in_reach
from espoo_intl.questionnaires import (
    latest_response,
    questionnaire_answer,
    responses_for,
    summary,
)
from espoo_intl.timeline import timeline_for
from espoo_intl.workflow import KV, OWNER
from visits.choices import (
    ChecklistPhase,
    DignitaryRank,
    GiftDirection,
    ItemStatus,
    ProtocolParty,
    RequesterType,
    VisitKind,
    VisitStatus,
)
from visits.choices import RequestState as S
from visits.models import (
    EVALUATION,
    EVALUATION_QUESTIONS,
    TIMELY,
    ChecklistItem,
    ChecklistTemplate,
    ProtocolNotice,
    Theme,
    Visit,
    VisitRequest,
)
from visits.services.planning import (
    attachment_add,
    checklist_item_update,
    gift_add,
    protocol_mark_informed,
    required_parties,
)
from visits.services.requests import (
    StaleRequest,
    checklist_generate,
    request_create,
    request_evaluation,
    request_route,
    request_transition,
    request_triage,
    request_update,
    routing_suggestion,
    visit_from_request,
)
from visits.workflow import REQUEST_WORKFLOW

from .request_factories import ChecklistItemFactory, ChecklistTemplateFactory, VisitRequestFactory

pytestmark = pytest.mark.django_db

TRANSITIONS = {(t.frm, t.to): t.who for t in REQUEST_WORKFLOW.transitions}

ELKA = "Elinkeino- ja kaupunkikehitysyksikkö"
KEKE = "Kestävän kehityksen tiimi"
KOT = "Kasvun ja oppimisen toimiala"

ALL_PAIRS = list(itertools.product(S.values, repeat=2))
NOT_IN_TABLE = [pair for pair in ALL_PAIRS if pair not in TRANSITIONS]
KV_PAIRS = [pair for pair, who in TRANSITIONS.items() if who == KV]
OWNER_PAIRS = [pair for pair, who in TRANSITIONS.items() if who == OWNER]


def pair_id(pair) -> str:
    return f"{pair[0]}->{pair[1]}"


def reason_for(to: str) -> str:
    return "Vierailu siirtyy syksyyn." if to in (S.DECLINED, S.CANCELLED) else ""


@pytest.fixture
def make_request(unit, staff, contact):
    """A request hosted by the staff member's unit, with staff as the responsible person
    and the department's contact as the person who registered it."""

    def make(state=S.RECEIVED, evaluated=True, **kwargs):
        kwargs.setdefault("host_unit", unit)
        kwargs.setdefault("responsible", staff)
        kwargs.setdefault("created_by", contact)
        visit_request = VisitRequestFactory(state=state, **kwargs)
        if evaluated and state == S.UNDER_REVIEW:  # accepted only once evaluated (3.4)
            evaluate(visit_request)
        return visit_request

    return make


def evaluate(visit_request, **answers):
    """Record an evaluation without the service (no timeline entry, no version bump)."""
    answers = {TIMELY: True, "interesting": True, **answers}
    questionnaire_answer(visit_request, question_set=EVALUATION, actor=None, answers=answers)


def timeline_entries(visit_request, **filters):
    return list(timeline_for(visit_request).filter(**filters))


def state_of(visit_request) -> str:
    return VisitRequest.objects.get(pk=visit_request.pk).state


# --- the state machine ---------------------------------------------------------------------


@pytest.mark.parametrize("pair", list(TRANSITIONS), ids=pair_id)
def test_kv_team_may_make_every_transition_in_the_table(pair, make_request, kv):
    frm, to = pair
    visit_request = make_request(frm)

    result = request_transition(visit_request, to=to, actor=kv, reason=reason_for(to))

    assert result.state == to
    assert state_of(visit_request) == to
    [entry] = timeline_entries(visit_request, from_state=frm, to_state=to)
    assert entry.actor == kv
    assert entry.reason == reason_for(to)
    assert result.history.first().history_user == kv
    assert result.history.first().state == to


@pytest.mark.parametrize("pair", NOT_IN_TABLE, ids=pair_id)
def test_transition_not_in_the_table_is_refused_and_nothing_changes(pair, make_request, kv):
    frm, to = pair
    visit_request = make_request(frm)

    with pytest.raises(ValidationError):
        request_transition(
            visit_request, to=to, actor=kv, reason="Syy annettu.", override_reason="x"
        )

    visit_request.refresh_from_db()
    assert visit_request.state == frm
    assert visit_request.version == 1
    assert timeline_entries(visit_request) == []
    assert visit_request.visit is None


@pytest.mark.parametrize("pair", OWNER_PAIRS, ids=pair_id)
def test_responsible_person_may_make_owner_transitions(pair, make_request, staff):
    frm, to = pair
    visit_request = make_request(frm, responsible=staff)

    request_transition(visit_request, to=to, actor=staff, reason=reason_for(to))

    assert state_of(visit_request) == to
    [entry] = timeline_entries(visit_request, from_state=frm, to_state=to)
    assert entry.actor == staff
    assert VisitRequest.objects.get(pk=visit_request.pk).history.first().history_user == staff


@pytest.mark.parametrize("pair", OWNER_PAIRS, ids=pair_id)
def test_other_staff_may_not_make_owner_transitions(pair, make_request, staff, other_staff):
    frm, to = pair
    visit_request = make_request(frm, responsible=staff)

    with pytest.raises(PermissionDenied):
        request_transition(visit_request, to=to, actor=other_staff, reason=reason_for(to))

    assert state_of(visit_request) == frm
    assert timeline_entries(visit_request) == []


def test_host_department_contact_who_is_not_responsible_may_not_start_planning(
    make_request, staff, contact
):
    visit_request = make_request(S.ACCEPTED, responsible=staff)

    with pytest.raises(PermissionDenied):
        request_transition(visit_request, to=S.PLANNING, actor=contact)

    assert state_of(visit_request) == S.ACCEPTED


@pytest.mark.parametrize("pair", KV_PAIRS, ids=pair_id)
def test_responsible_person_may_not_make_kv_team_transitions(pair, make_request, staff):
    frm, to = pair
    visit_request = make_request(frm, responsible=staff)

    with pytest.raises(PermissionDenied):
        request_transition(visit_request, to=to, actor=staff, reason=reason_for(to))

    assert state_of(visit_request) == frm
    assert timeline_entries(visit_request) == []


@pytest.mark.parametrize("reason", ["", "   \n"])
@pytest.mark.parametrize(
    "pair",
    [(S.UNDER_REVIEW, S.DECLINED), (S.RECEIVED, S.CANCELLED), (S.CONFIRMED, S.CANCELLED)],
    ids=pair_id,
)
def test_decline_or_cancel_without_a_reason_is_refused(pair, reason, make_request, kv):
    frm, to = pair
    visit_request = make_request(frm)

    with pytest.raises(ValidationError) as excinfo:
        request_transition(visit_request, to=to, actor=kv, reason=reason)

    assert "reason" in excinfo.value.message_dict
    assert state_of(visit_request) == frm
    assert timeline_entries(visit_request) == []


def test_every_step_of_a_request_is_on_its_timeline(make_request, kv, staff):
    visit_request = make_request(S.RECEIVED, responsible=staff)
    steps = [
        (kv, S.UNDER_REVIEW),
        (kv, S.ACCEPTED),
        (staff, S.PLANNING),
    ]
    for actor, to in steps:
        if to == S.ACCEPTED:
            evaluate(visit_request)
        request_transition(visit_request, to=to, actor=actor)
    for item in visit_request.checklist.all():  # everything handled, so it can be confirmed
        checklist_item_update(item, actor=staff, status=ItemStatus.DONE)
    request_transition(visit_request, to=S.CONFIRMED, actor=staff)

    timeline = [
        (e.actor, e.from_state, e.to_state) for e in timeline_entries(visit_request) if e.to_state
    ]
    assert timeline == [
        (kv, S.RECEIVED, S.UNDER_REVIEW),
        (kv, S.UNDER_REVIEW, S.ACCEPTED),
        (staff, S.ACCEPTED, S.PLANNING),
        (staff, S.PLANNING, S.CONFIRMED),
    ]
    history = VisitRequest.objects.get(pk=visit_request.pk).history.all()
    assert [(h.state, h.history_user) for h in history[:4]] == [
        (S.CONFIRMED, staff),
        (S.PLANNING, staff),
        (S.ACCEPTED, kv),
        (S.UNDER_REVIEW, kv),
    ]
    assert VisitRequest.objects.get(pk=visit_request.pk).version == 5


# --- guards --------------------------------------------------------------------------------


def test_planning_needs_a_responsible_person(make_request, kv, staff):
    visit_request = make_request(S.ACCEPTED, responsible=None)

    with pytest.raises(ValidationError):
        request_transition(visit_request, to=S.PLANNING, actor=kv)
    assert state_of(visit_request) == S.ACCEPTED

    request_route(visit_request, actor=kv, host_unit=visit_request.host_unit, responsible=staff)
    request_transition(visit_request, to=S.PLANNING, actor=kv)
    assert state_of(visit_request) == S.PLANNING


@pytest.mark.parametrize("phase", [ChecklistPhase.PLANNING, ChecklistPhase.INTERNAL])
@pytest.mark.parametrize("who", ["kv", "staff"])
def test_confirming_is_refused_while_required_items_are_open(
    phase, who, make_request, request, staff
):
    actor = request.getfixturevalue(who)
    visit_request = make_request(S.PLANNING, responsible=staff)
    ChecklistItemFactory(visit_request=visit_request, phase=phase, title="Puhuttelumuodot")

    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        request_transition(visit_request, to=S.CONFIRMED, actor=actor)

    assert "Puhuttelumuodot" in " ".join(excinfo.value.messages)
    assert state_of(visit_request) == S.PLANNING
    assert timeline_entries(visit_request) == []


def test_confirming_is_allowed_when_required_items_are_done_or_not_needed(make_request, staff):
    visit_request = make_request(S.PLANNING, responsible=staff)
    ChecklistItemFactory(
        visit_request=visit_request, phase=ChecklistPhase.PLANNING, status=ItemStatus.DONE
    )
    ChecklistItemFactory(
        visit_request=visit_request, phase=ChecklistPhase.INTERNAL, status=ItemStatus.NOT_NEEDED
    )
    # Neither an optional item nor an after-the-visit item holds up the confirmation.
    ChecklistItemFactory(visit_request=visit_request, phase=ChecklistPhase.PLANNING, required=False)
    ChecklistItemFactory(visit_request=visit_request, phase=ChecklistPhase.AFTER)

    request_transition(visit_request, to=S.CONFIRMED, actor=staff)

    assert state_of(visit_request) == S.CONFIRMED


def test_kv_team_may_override_open_items_with_a_reason(make_request, kv):
    visit_request = make_request(S.PLANNING)
    ChecklistItemFactory(visit_request=visit_request, phase=ChecklistPhase.PLANNING)
    ChecklistItemFactory(visit_request=visit_request, phase=ChecklistPhase.INTERNAL)

    with translation.override("en"):
        request_transition(
            visit_request,
            to=S.CONFIRMED,
            actor=kv,
            override_reason="Sovittu puhelimessa TPK:n kanssa",
        )

    assert state_of(visit_request) == S.CONFIRMED
    [entry] = timeline_entries(visit_request, to_state=S.CONFIRMED)
    assert entry.actor == kv
    assert entry.reason == "Overridden with 2 open items: Sovittu puhelimessa TPK:n kanssa"


def test_responsible_person_cannot_override_open_items(make_request, staff):
    visit_request = make_request(S.PLANNING, responsible=staff)
    ChecklistItemFactory(visit_request=visit_request, phase=ChecklistPhase.PLANNING)

    with pytest.raises(ValidationError):
        request_transition(visit_request, to=S.CONFIRMED, actor=staff, override_reason="Kiire")

    assert state_of(visit_request) == S.PLANNING
    assert timeline_entries(visit_request) == []


def test_debrief_waits_for_the_after_visit_items(make_request, staff):
    visit_request = make_request(S.COMPLETED, responsible=staff)
    item = ChecklistItemFactory(
        visit_request=visit_request, phase=ChecklistPhase.AFTER, title="Mediaseuranta"
    )

    with pytest.raises(ValidationError):
        request_transition(visit_request, to=S.DEBRIEFED, actor=staff)
    assert state_of(visit_request) == S.COMPLETED

    checklist_item_update(item, actor=staff, status=ItemStatus.DONE, note="12 osumaa")
    request_transition(visit_request, to=S.DEBRIEFED, actor=staff)
    assert state_of(visit_request) == S.DEBRIEFED


# --- checklist generated on acceptance ---------------------------------------------------


def test_accepting_a_dignitary_request_copies_every_active_template(make_request, kv):
    retired = ChecklistTemplate.objects.filter(dignitary_only=True).first()
    retired.is_active = False
    retired.save()
    active = ChecklistTemplate.objects.filter(is_active=True)
    visit_request = make_request(S.UNDER_REVIEW, kind=VisitKind.DIGNITARY)

    request_transition(visit_request, to=S.ACCEPTED, actor=kv)

    items = ChecklistItem.objects.filter(visit_request=visit_request)
    assert {(i.template_id, i.title, i.phase, i.required, i.status) for i in items} == {
        (t.pk, t.name_fi, t.phase, t.required, ItemStatus.OPEN) for t in active
    }
    assert active.filter(dignitary_only=True).exists()
    assert not items.filter(template=retired).exists()


def test_accepting_other_visits_copies_only_the_general_items(make_request, kv):
    visit_request = make_request(S.UNDER_REVIEW, non_dignitary=True)

    request_transition(visit_request, to=S.ACCEPTED, actor=kv)

    general = ChecklistTemplate.objects.filter(is_active=True, dignitary_only=False)
    assert general.exists()
    assert set(visit_request.checklist.values_list("template", flat=True)) == set(
        general.values_list("pk", flat=True)
    )
    assert visit_request.checklist.count() == general.count()


def test_checklist_is_generated_only_once(make_request, kv):
    visit_request = make_request(S.UNDER_REVIEW)
    request_transition(visit_request, to=S.ACCEPTED, actor=kv)
    count = visit_request.checklist.count()
    ChecklistTemplateFactory(name_fi="Uusi kohta mallissa")

    checklist_generate(VisitRequest.objects.get(pk=visit_request.pk))

    assert visit_request.checklist.count() == count
    assert not visit_request.checklist.filter(title="Uusi kohta mallissa").exists()


# --- the visit record ------------------------------------------------------------------


def test_completing_creates_one_visit_with_the_requests_data(make_request, staff, unit):
    themes = list(Theme.objects.filter(slug__in=["education", "culture"]))
    visit_request = make_request(
        S.CONFIRMED,
        responsible=staff,
        host_unit=unit,
        subject="Ruotsin suurlähettiläs Espoossa",
        dignitary_rank=DignitaryRank.AMBASSADOR,
        group_size=7,
        confidential=True,
        themes=themes,
    )
    before = Visit.objects.count()

    result = request_transition(visit_request, to=S.COMPLETED, actor=staff)

    assert Visit.objects.count() == before + 1
    visit = result.visit
    assert VisitRequest.objects.get(pk=visit_request.pk).visit == visit
    assert visit.title == "Ruotsin suurlähettiläs Espoossa"
    assert visit.kind == VisitKind.DIGNITARY
    assert visit.dignitary_rank == DignitaryRank.AMBASSADOR
    assert visit.visiting_organisation == visit_request.visiting_organisation
    assert visit.country == visit_request.country
    assert visit.host_unit == unit
    assert visit.responsible == staff
    assert (visit.start_date, visit.end_date) == (
        visit_request.proposed_start,
        visit_request.proposed_end,
    )
    assert visit.group_size == 7
    assert visit.confidential is True
    assert visit.status == VisitStatus.COMPLETED
    assert set(visit.themes.all()) == set(themes)
    assert visit.created_by == staff
    assert visit.history.first().history_user == staff


def test_each_completed_request_gets_its_own_visit(make_request, kv):
    first = make_request(S.CONFIRMED, subject="Ensimmäinen")
    second = make_request(S.CONFIRMED, subject="Toinen")
    before = Visit.objects.count()

    one = request_transition(first, to=S.COMPLETED, actor=kv).visit
    two = request_transition(second, to=S.COMPLETED, actor=kv).visit

    assert Visit.objects.count() == before + 2
    assert one.pk != two.pk
    assert (one.title, two.title) == ("Ensimmäinen", "Toinen")


def test_debriefing_does_not_add_another_visit(make_request, kv):
    visit_request = make_request(S.CONFIRMED)
    visit = request_transition(visit_request, to=S.COMPLETED, actor=kv).visit
    before = Visit.objects.count()

    request_transition(visit_request, to=S.DEBRIEFED, actor=kv)

    assert Visit.objects.count() == before
    assert VisitRequest.objects.get(pk=visit_request.pk).visit == visit


def test_rebuilding_the_visit_record_updates_it_instead_of_adding_one(make_request, kv):
    visit_request = make_request(S.CONFIRMED)
    visit_request = request_transition(visit_request, to=S.COMPLETED, actor=kv)
    visit_pk = visit_request.visit.pk
    before = Visit.objects.count()
    visit_request.subject, visit_request.group_size = "Korjattu otsikko", 9

    rebuilt = visit_from_request(visit_request, kv)

    assert rebuilt.pk == visit_pk
    assert Visit.objects.count() == before
    rebuilt.refresh_from_db()
    assert (rebuilt.title, rebuilt.group_size) == ("Korjattu otsikko", 9)


def test_completing_without_a_host_unit_is_refused(make_request, kv):
    visit_request = make_request(S.CONFIRMED, host_unit=None)
    before = Visit.objects.count()

    with pytest.raises(ValidationError):
        request_transition(visit_request, to=S.COMPLETED, actor=kv)

    assert state_of(visit_request) == S.CONFIRMED
    assert Visit.objects.count() == before


# --- registration, edits, triage -----------------------------------------------------------


def request_data(**overrides) -> dict:
    data = dict(
        subject="Viron opetusministerin vierailu",
        requester_type=RequesterType.MINISTRY,
        received_on=VisitRequestFactory.received_on,
        proposed_start=VisitRequestFactory.proposed_start,
        proposed_end=VisitRequestFactory.proposed_start,
        kind=VisitKind.DIGNITARY,
        dignitary_rank=DignitaryRank.MINISTER,
        visitor="Minister of Education of Estonia",
        visiting_organisation="Ministry of Education and Research",
        country="EE",
        group_size=6,
    )
    return data | overrides


@pytest.mark.parametrize("who", ["staff", "lead", "kv"])
def test_anyone_signed_in_may_register_a_request(who, request):
    actor = request.getfixturevalue(who)
    education = Theme.objects.get(slug="education")

    visit_request = request_create(actor=actor, themes=[education], **request_data())

    assert visit_request.state == S.RECEIVED
    assert visit_request.created_by == actor
    assert list(visit_request.themes.all()) == [education]
    [entry] = timeline_entries(visit_request)
    assert (entry.actor, entry.from_state, entry.to_state) == (actor, "", S.RECEIVED)
    assert visit_request.history.first().history_user == actor


def test_a_dignitary_request_needs_its_rank(staff):
    with pytest.raises(ValidationError) as excinfo:
        request_create(actor=staff, **request_data(dignitary_rank=""))
    assert "dignitary_rank" in excinfo.value.message_dict
    assert not VisitRequest.objects.filter(subject="Viron opetusministerin vierailu").exists()


def test_second_save_of_the_same_version_is_refused_and_the_first_is_kept(make_request, staff, kv):
    visit_request = make_request(S.RECEIVED, group_size=4)
    staff_copy = VisitRequest.objects.get(pk=visit_request.pk)
    kv_copy = VisitRequest.objects.get(pk=visit_request.pk)
    assert staff_copy.version == kv_copy.version == 1

    request_update(staff_copy, actor=staff, expected_version=1, group_size=12)
    with pytest.raises(StaleRequest) as excinfo:
        request_update(kv_copy, actor=kv, expected_version=1, group_size=3, subject="Muutettu")

    assert excinfo.value.code == "stale"
    visit_request.refresh_from_db()
    assert visit_request.group_size == 12
    assert visit_request.subject != "Muutettu"
    assert visit_request.version == 2
    assert visit_request.history.first().history_user == staff


def test_a_save_based_on_the_current_version_goes_through(make_request, staff, kv):
    visit_request = make_request(S.RECEIVED)
    request_update(visit_request, actor=staff, expected_version=1, group_size=12)

    fresh = VisitRequest.objects.get(pk=visit_request.pk)
    request_update(fresh, actor=kv, expected_version=fresh.version, group_size=15)

    fresh.refresh_from_db()
    assert (fresh.group_size, fresh.version) == (15, 3)


def test_staff_of_another_department_may_not_edit_a_request(make_request, other_staff):
    visit_request = make_request(S.RECEIVED, responsible=None)
    with pytest.raises(PermissionDenied):
        request_update(visit_request, actor=other_staff, expected_version=1, group_size=2)
    visit_request.refresh_from_db()
    assert visit_request.group_size == 4


def test_kv_team_records_the_evaluation(make_request, kv):
    visit_request = make_request(S.UNDER_REVIEW)
    answers = dict(timely=True, q_interesting=False, q_national=True)

    request_triage(visit_request, actor=kv, **answers)

    visit_request.refresh_from_db()
    evaluation = latest_response(visit_request, EVALUATION)
    values = summary(evaluation).values
    assert values["timely"] is True
    assert [values[code] for code in EVALUATION_QUESTIONS] == [False, None, True, None, None]
    assert evaluation.answered_by == kv
    assert evaluation.answered_at is not None
    assert visit_request.version == 2


def test_a_new_evaluation_is_kept_beside_the_earlier_one(make_request, kv):
    visit_request = make_request(S.UNDER_REVIEW, evaluated=False)

    request_triage(visit_request, actor=kv, timely=False)
    request_triage(visit_request, actor=kv, timely=True, interesting=True)

    first, second = reversed(list(responses_for(visit_request, EVALUATION)))
    assert summary(first).values["timely"] is False
    assert summary(second).values == {**summary(first).values, "timely": True, "interesting": True}
    assert latest_response(visit_request, EVALUATION) == second
    assert request_evaluation(visit_request)[1].code == "accept"
    assert [a.question.code for a in summary(first).bad] == ["timely"]  # "no" is the bad answer


def test_staff_may_not_evaluate_a_request(make_request, staff):
    visit_request = make_request(S.UNDER_REVIEW, evaluated=False, responsible=staff)
    with pytest.raises(PermissionDenied):
        request_triage(visit_request, actor=staff, timely=True)
    assert latest_response(visit_request, EVALUATION) is None


def test_an_accepted_request_is_not_evaluated_again(make_request, kv):
    visit_request = make_request(S.ACCEPTED)
    with pytest.raises(ValidationError):
        request_triage(visit_request, actor=kv, timely=False)


def test_registrant_keeps_seeing_their_confidential_request(staff):
    visit_request = request_create(actor=staff, **request_data(confidential=True))
    assert in_reach(staff, visit_request)


# --- routing (3.4) ---------------------------------------------------------------------------


def unit_named(name_fi: str) -> OrgUnit:
    return OrgUnit.objects.get(name_fi=name_fi)


def themes(*slugs) -> list[Theme]:
    return list(Theme.objects.filter(slug__in=slugs))


def test_head_of_state_request_is_suggested_to_elinkeino_ja_kaupunkikehitysyksikko():
    visit_request = VisitRequestFactory(dignitary_rank=DignitaryRank.HEAD_OF_STATE)
    routing = routing_suggestion(visit_request)
    assert routing.host == unit_named(ELKA)
    assert routing.informed == []


def test_sustainable_development_is_suggested_to_its_team():
    visit_request = VisitRequestFactory(
        non_dignitary=True, themes=themes("sustainable-development")
    )
    routing = routing_suggestion(visit_request)
    assert routing.host == unit_named(KEKE)
    assert routing.informed == []


def test_themes_of_several_units_suggest_a_host_and_inform_the_others():
    visit_request = VisitRequestFactory(
        non_dignitary=True, themes=themes("sustainable-development", "education")
    )
    routing = routing_suggestion(visit_request)
    assert routing.host == unit_named(KEKE)
    assert routing.informed == [unit_named(KOT)]


def test_rank_rule_outranks_theme_rules():
    visit_request = VisitRequestFactory(
        dignitary_rank=DignitaryRank.HEAD_OF_STATE, themes=themes("sustainable-development")
    )
    routing = routing_suggestion(visit_request)
    assert routing.host == unit_named(ELKA)
    assert routing.informed == [unit_named(KEKE)]


def test_kv_team_routes_a_request_and_the_people_concerned_are_told(
    django_capture_on_commit_callbacks, kv, staff, contact, other_contact, unit, other_department
):
    visit_request = VisitRequestFactory(state=S.UNDER_REVIEW)

    with django_capture_on_commit_callbacks(execute=True):
        request_route(
            visit_request,
            actor=kv,
            host_unit=unit,
            responsible=staff,
            informed_units=[other_department],
        )

    visit_request.refresh_from_db()
    assert visit_request.host_unit == unit
    assert visit_request.responsible == staff
    assert list(visit_request.informed_units.all()) == [other_department]
    assert visit_request.version == 2
    routed, informed = timeline_entries(visit_request)  # routing, then each unit informed
    assert (routed.actor, informed.actor) == (kv, kv)
    assert informed.params == {"unit": other_department.label, "people": str(other_contact)}
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([staff.email, contact.email, other_contact.email])


def test_staff_may_not_route_a_request(make_request, staff, unit):
    visit_request = make_request(S.UNDER_REVIEW, responsible=None, host_unit=None)
    with pytest.raises(PermissionDenied):
        request_route(visit_request, actor=staff, host_unit=unit, responsible=staff)
    visit_request.refresh_from_db()
    assert (visit_request.host_unit, visit_request.responsible) == (None, None)


def test_a_closed_request_is_not_routed(make_request, kv, staff, unit):
    visit_request = make_request(S.DECLINED, responsible=None)
    with pytest.raises(ValidationError):
        request_route(visit_request, actor=kv, host_unit=unit, responsible=staff)


# --- protocol matrix (3.3) -------------------------------------------------------------------


@pytest.mark.parametrize("rank", [DignitaryRank.ROYALTY, DignitaryRank.HEAD_OF_STATE])
def test_royalty_and_heads_of_state_require_all_five_parties(rank):
    visit_request = VisitRequestFactory(dignitary_rank=rank)
    assert required_parties(visit_request) == ProtocolParty.values


def test_a_non_dignitary_visit_requires_no_protocol_parties():
    assert required_parties(VisitRequestFactory(non_dignitary=True)) == []


def test_every_rank_requires_kv_team():
    for rank in DignitaryRank.values:
        assert ProtocolParty.KV_TEAM in required_parties(VisitRequestFactory(dignitary_rank=rank))


def test_marking_a_party_informed_keeps_who_and_when_once(make_request, staff, kv):
    visit_request = make_request(
        S.ACCEPTED, dignitary_rank=DignitaryRank.ROYALTY, responsible=staff
    )

    first = protocol_mark_informed(visit_request, party=ProtocolParty.SECURITY, actor=staff)
    again = protocol_mark_informed(visit_request, party=ProtocolParty.SECURITY, actor=kv)

    assert again.pk == first.pk
    notice = ProtocolNotice.objects.get(visit_request=visit_request, party=ProtocolParty.SECURITY)
    assert notice.informed_by == staff
    assert notice.informed_at == first.informed_at
    assert ProtocolNotice.objects.filter(visit_request=visit_request).count() == 1
    assert [e.actor for e in timeline_entries(visit_request)] == [staff]


def test_a_party_the_rank_does_not_require_is_refused(make_request, kv):
    visit_request = make_request(S.ACCEPTED, dignitary_rank=DignitaryRank.MINISTER)
    assert ProtocolParty.PRESIDIUM not in required_parties(visit_request)

    with pytest.raises(ValidationError):
        protocol_mark_informed(visit_request, party=ProtocolParty.PRESIDIUM, actor=kv)

    assert not ProtocolNotice.objects.filter(visit_request=visit_request).exists()


def test_staff_of_another_department_may_not_mark_parties_informed(make_request, other_staff):
    visit_request = make_request(S.ACCEPTED, dignitary_rank=DignitaryRank.ROYALTY)
    with pytest.raises(PermissionDenied):
        protocol_mark_informed(visit_request, party=ProtocolParty.KV_TEAM, actor=other_staff)


# --- gifts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("direction", "city_property"), [(GiftDirection.RECEIVED, True), (GiftDirection.GIVEN, False)]
)
def test_a_gift_received_is_city_property(direction, city_property, make_request, staff):
    visit_request = make_request(S.PLANNING)
    gift = gift_add(
        visit_request,
        actor=staff,
        direction=direction,
        description="Kristallimalja",
        giver="Ambassador of Sweden",
        receiver="Kaupunginjohtaja",
        date=visit_request.proposed_start,
    )
    gift.refresh_from_db()
    assert gift.city_property is city_property
    assert gift.history.first().history_user == staff
    assert len(timeline_entries(visit_request)) == 1


# --- attachments -----------------------------------------------------------------------------

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 120
WINDOWS_EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 120


def docx_bytes(*, with_document=True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        if with_document:
            zf.writestr(
                "word/document.xml",
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
                'main"><w:body><w:p><w:r><w:t>Kirje</w:t></w:r></w:p></w:body></w:document>',
            )
        else:
            zf.writestr("notes.txt", "not a document")
    return buffer.getvalue()


@pytest.fixture
def media_root(settings, tmp_path):
    """Each test stores its files in a folder of its own (MEDIA_ROOT is read at use)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files() -> set[Path]:
    root = Path(settings.MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


@pytest.mark.parametrize(
    ("name", "content", "mime"),
    [
        ("kirje.pdf", PDF, "application/pdf"),
        (
            "ohjelma.docx",
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    ],
)
@pytest.mark.usefixtures("media_root")
def test_a_real_document_is_accepted_and_stored_privately(name, content, mime, make_request, staff):
    visit_request = make_request(S.RECEIVED)

    attachment = attachment_add(
        visit_request,
        actor=staff,
        file=SimpleUploadedFile(name, content, content_type="text/plain"),
    )

    attachment.refresh_from_db()
    assert attachment.mime_type == mime  # from the content, not from the browser
    assert attachment.original_name == name
    assert attachment.size == len(content)
    assert attachment.uploaded_by == staff
    path = Path(attachment.file.path).resolve()
    assert path.is_relative_to((Path(settings.MEDIA_ROOT) / "attachments").resolve())
    assert path.read_bytes() == content
    assert len(timeline_entries(visit_request)) == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("kirje.pdf", ELF),
        ("kirje.pdf", WINDOWS_EXE),
        ("ohjelma.docx", "Tämä on pelkkää tekstiä.\n".encode()),
        ("ohjelma.docx", docx_bytes(with_document=False)),
    ],
    ids=["elf-as-pdf", "exe-as-pdf", "text-as-docx", "zip-as-docx"],
)
@pytest.mark.usefixtures("media_root")
def test_a_file_whose_content_is_not_allowed_is_refused(name, content, make_request, staff):
    visit_request = make_request(S.RECEIVED)
    before = stored_files()

    with pytest.raises(ValidationError) as excinfo:
        attachment_add(visit_request, actor=staff, file=SimpleUploadedFile(name, content))

    assert "file" in excinfo.value.message_dict
    assert Attachment.objects.count() == 0
    assert stored_files() == before
    assert timeline_entries(visit_request) == []


@pytest.mark.usefixtures("media_root")
def test_a_too_large_file_is_refused_with_the_limit_in_the_message(settings, make_request, staff):
    settings.ATTACHMENT_MAX_BYTES = 100
    visit_request = make_request(S.RECEIVED)
    before = stored_files()

    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        attachment_add(visit_request, actor=staff, file=SimpleUploadedFile("kirje.pdf", PDF * 2))
    with translation.override("en"):
        limit = filesizeformat(100)

    [message] = excinfo.value.message_dict["file"]
    assert limit in message
    assert Attachment.objects.count() == 0
    assert stored_files() == before


@pytest.mark.usefixtures("media_root")
def test_staff_of_another_department_may_not_add_attachments(make_request, other_staff):
    visit_request = make_request(S.RECEIVED)
    with pytest.raises(PermissionDenied):
        attachment_add(visit_request, actor=other_staff, file=SimpleUploadedFile("kirje.pdf", PDF))
    assert Attachment.objects.count() == 0
