"""Each rule of the advocacy paths (advocacy/workflow.py) and of the item's details
(AdvocacyItem.clean): refused with a clear message, and passing once it is met."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from advocacy.choices import Body, DecisionRole, Kind, Requester
from advocacy.choices import State as S
from advocacy.models import AdvocacyItem, UnitPart
from advocacy.services import decision_record, item_create, item_update, unit_part_record
from espoo_intl.workflow import workflow_transition

from .factories import make_item


@pytest.fixture(autouse=True)
def english():
    """The rules' messages are checked in their source language."""
    with translation.override("en"):
        yield


pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def move(item, to, actor, **kwargs):
    return workflow_transition(item, to=to, actor=actor, **kwargs)


def refused(item, to, actor, text):
    with pytest.raises(ValidationError) as error:
        move(item, to, actor)
    assert text in " ".join(error.value.messages)
    item.refresh_from_db()
    assert item.state != to


def base_data(unit, **overrides):
    return {
        "kind": Kind.CONSULTATION,
        "title": "EU-konsultaatio",
        "requester": Requester.COMMISSION,
        "deadline": TODAY() + datetime.timedelta(days=20),
        "units": [unit],
    } | overrides


# --- the item's details ----------------------------------------------------------------


def test_official_statement_without_body_is_refused(staff, unit):
    with pytest.raises(ValidationError) as error:
        item_create(actor=staff, **base_data(unit, kind=Kind.OFFICIAL))
    assert "body" in error.value.message_dict
    assert not AdvocacyItem.objects.exists()


def test_body_only_on_an_official_statement(staff, unit):
    with pytest.raises(ValidationError) as error:
        item_create(actor=staff, **base_data(unit, body=Body.BOARD))
    assert "body" in error.value.message_dict


@pytest.mark.parametrize("deadline", [datetime.date(1999, 12, 31), datetime.date(2099, 1, 1)])
def test_a_deadline_out_of_range_is_refused(staff, unit, deadline):
    with pytest.raises(ValidationError) as error:
        item_create(actor=staff, **base_data(unit, deadline=deadline))
    assert "deadline" in error.value.message_dict


def test_a_network_request_names_the_network(staff, unit):
    with pytest.raises(ValidationError) as error:
        item_create(actor=staff, **base_data(unit, requester=Requester.NETWORK))
    assert "requester_detail" in error.value.message_dict
    item = item_create(
        actor=staff, **base_data(unit, requester=Requester.NETWORK, requester_detail="Eurocities")
    )
    assert item.requester_detail == "Eurocities"


def test_outcome_date_cannot_be_in_the_future(staff, unit):
    with pytest.raises(ValidationError) as error:
        item_create(actor=staff, **base_data(unit, outcome_date=TODAY() + datetime.timedelta(1)))
    assert "outcome_date" in error.value.message_dict


def test_staff_record_items_for_their_own_department_only(staff, unit, other_unit):
    with pytest.raises(ValidationError) as error:
        item_create(actor=staff, **base_data(other_unit))
    assert "units" in error.value.message_dict
    assert not AdvocacyItem.objects.exists()


def test_the_responsible_expert_edits_the_item(other_staff, unit):
    item = make_item(units=[unit], expert=other_staff)
    item_update(item, actor=other_staff, **base_data(unit, title="Uusi otsikko"))
    item.refresh_from_db()
    assert item.title == "Uusi otsikko"


def test_leadership_cannot_create(lead, unit):
    with pytest.raises(PermissionDenied):
        item_create(actor=lead, **base_data(unit))


# --- comment or consultation -------------------------------------------------------------


def test_consultation_needs_the_experts_assessment(staff, unit):
    item = make_item(units=[unit])
    refused(item, S.ASSESSED, staff, "relevant to Espoo")
    item.expert, item.relevance = staff, "Koskee opetusta."
    item.save()
    assert move(item, S.ASSESSED, staff).state == S.ASSESSED


def test_consultation_needs_a_directors_decision(staff, unit):
    item = make_item(units=[unit], state=S.ASSESSED)
    refused(item, S.DECIDED, staff, "director")
    decision_record(
        item, actor=staff, decided_by="Kaupunginjohtaja", role=DecisionRole.CITY_MANAGER,
        decided_on=TODAY(),
    )  # fmt: skip
    refused(item, S.DECIDED, staff, "director")  # the city manager is not the unit's director
    decision_record(
        item, actor=staff, decided_by="Tiina Tulosyksikkö", role=DecisionRole.UNIT_DIRECTOR,
        decided_on=TODAY(), reference="KOT/2026/12",
    )  # fmt: skip
    assert move(item, S.DECIDED, staff).state == S.DECIDED
    assert any("Tiina Tulosyksikkö" in str(e) for e in item.timeline.all())


def test_a_decision_date_cannot_be_in_the_future(staff, unit):
    item = make_item(units=[unit])
    with pytest.raises(ValidationError):
        decision_record(
            item, actor=staff, decided_by="X", role=DecisionRole.UNIT_DIRECTOR,
            decided_on=TODAY() + datetime.timedelta(1),
        )  # fmt: skip
    assert not item.decisions.exists()


def test_several_departments_record_each_units_part(staff, kv, unit, other_unit):
    item = make_item(units=[unit, other_unit], state=S.DECIDED, final_text="Vastaus")
    refused(item, S.SENT, kv, str(other_unit))
    unit_part_record(item, actor=kv, unit=unit, summary="Opetuksen osuus")
    refused(item, S.SENT, kv, str(other_unit))
    unit_part_record(item, actor=kv, unit=other_unit, summary="Terveyden osuus")
    assert move(item, S.SENT, kv).state == S.SENT
    assert UnitPart.objects.filter(item=item).count() == 2


def test_one_department_needs_no_parts(staff, unit):
    item = make_item(units=[unit], state=S.DECIDED, final_text="Vastaus")
    assert move(item, S.SENT, staff).state == S.SENT
    assert item.outcome_date == TODAY()


def test_a_part_only_for_a_preparing_unit(staff, unit, other_unit):
    item = make_item(units=[unit])
    with pytest.raises(ValidationError):
        unit_part_record(item, actor=staff, unit=other_unit, summary="x")


def test_sent_needs_the_final_text(staff, unit):
    item = make_item(units=[unit], state=S.DECIDED)
    refused(item, S.SENT, staff, "final text")


# --- joint public statement --------------------------------------------------------------


def test_joint_statement_needs_the_units_assessment(staff, unit):
    item = make_item(units=[unit], kind=Kind.JOINT, state=S.PREPARING, requester=Requester.CITY)
    refused(item, S.ASSESSED, staff, "assessment of the content")
    item.content_assessment = "Linjassa strategian kanssa."
    item.save()
    assert move(item, S.ASSESSED, staff).state == S.ASSESSED


def test_request_from_outside_needs_the_effects_of_joining(staff, unit):
    item = make_item(
        units=[unit], kind=Kind.JOINT, state=S.PREPARING, requester=Requester.NETWORK,
        requester_detail="Eurocities", content_assessment="Hyvä.",
    )  # fmt: skip
    refused(item, S.ASSESSED, staff, "effects of joining")
    item.effects_assessment = "Näkyvyys kasvaa."
    item.save()
    assert move(item, S.ASSESSED, staff).state == S.ASSESSED


def test_city_manager_needs_reasons_and_top_management(staff, unit):
    item = make_item(units=[unit], kind=Kind.JOINT, state=S.ASSESSED)
    refused(item, S.CITY_MANAGER, staff, "top management")
    item.needs_top_management = True
    item.save()
    refused(item, S.CITY_MANAGER, staff, "reasons why Espoo should join")
    refused(item, S.DECIDED, staff, "city manager first")
    item.joining_reasons = "Keskeinen teema."
    item.save()
    assert move(item, S.CITY_MANAGER, staff).state == S.CITY_MANAGER


def test_only_kv_tiimi_records_the_city_managers_approval(staff, kv, unit):
    item = make_item(units=[unit], kind=Kind.JOINT, state=S.CITY_MANAGER)
    with pytest.raises(PermissionDenied):
        move(item, S.DECIDED, staff)
    refused(item, S.DECIDED, kv, "city manager's decision")
    decision_record(
        item, actor=kv, decided_by="Kaupunginjohtaja", role=DecisionRole.CITY_MANAGER,
        decided_on=TODAY(), reference="KJ 2026/5",
    )  # fmt: skip
    assert move(item, S.DECIDED, kv).state == S.DECIDED


def test_joint_statement_sent_after_viestinta_agreed(staff, unit):
    item = make_item(units=[unit], kind=Kind.JOINT, state=S.DECIDED, final_text="Teksti")
    refused(item, S.SENT, staff, "Viestintä")
    item.communication_agreed = True
    item.save()
    assert move(item, S.SENT, staff).state == S.SENT


# --- Espoo's own statement ---------------------------------------------------------------


def test_own_statement_planned_with_kv_and_viestinta(staff, unit):
    item = make_item(
        units=[unit], kind=Kind.OWN, state=S.PREPARING, requester=Requester.CITY,
        final_text="Teksti", communication_agreed=True,
    )  # fmt: skip
    item.planned_with_kv = True
    item.save()
    refused(item, S.SENT, staff, "kv-tiimi and Viestintä")
    item.planned_with_communications = True
    item.save()
    assert move(item, S.SENT, staff).state == S.SENT


# --- official statement ------------------------------------------------------------------


def test_official_statement_given_with_its_reference(staff, unit):
    item = make_item(units=[unit], kind=Kind.OFFICIAL, state=S.PREPARING, body=Body.COUNCIL)
    refused(item, S.GIVEN, staff, "decision-making system")
    item.decision_reference = "KV 3.2.2026 § 14"
    item.save()
    assert move(item, S.GIVEN, staff).state == S.GIVEN


# --- every path ----------------------------------------------------------------------------


def test_an_item_is_offered_only_its_own_paths_steps(staff, unit):
    consultation = make_item(units=[unit])
    official = make_item(units=[unit], kind=Kind.OFFICIAL)
    workflow = AdvocacyItem.workflow
    assert {b["to"] for b in workflow.buttons(staff, consultation)} == {S.ASSESSED, S.DECLINED}
    assert {b["to"] for b in workflow.buttons(staff, official)} == {S.PREPARING, S.DECLINED}
    with pytest.raises(PermissionDenied):
        move(consultation, S.PREPARING, staff)


def test_declining_needs_a_reason_and_closes_the_item(staff, unit):
    item = make_item(units=[unit])
    with pytest.raises(ValidationError):
        move(item, S.DECLINED, staff)
    move(item, S.DECLINED, staff, reason="Ei koske Espoota.")
    assert item.is_closed and item.outcome_date == TODAY()
    with pytest.raises(ValidationError):
        item_update(item, actor=staff, **base_data(unit))


def test_other_departments_staff_make_no_steps(other_staff, lead, unit):
    item = make_item(units=[unit])
    for user in (other_staff, lead):
        assert AdvocacyItem.workflow.buttons(user, item) == []
        with pytest.raises(PermissionDenied):
            move(item, S.DECLINED, user, reason="x")
