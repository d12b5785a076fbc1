"""The rules of the network register, each with a test that fails without it."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from espoo_intl.questionnaires import Response, latest_response, summary
from espoo_intl.timeline import timeline_for
from networks import services
from networks.choices import NetworkClass, PassiveDecision
from networks.models import CLASSIFICATION, Network, NetworkEvaluation
from networks.rules import suggested_class
from networks.tests.factories import EvaluationFactory, NetworkFactory

pytestmark = pytest.mark.django_db

THIS_YEAR = datetime.date.today().year


def _evaluation_post(network, **overrides) -> dict:
    data = {
        "network": network.pk, "year": 2024, "network_class": NetworkClass.THEMATIC,
        "goals": "Työryhmiin osallistuminen", "results": "Kaksi yhteishanketta",
        "decision": "", "decided_by": "", "decided_on": "",
        "aligned": "yes", "clear_owner": "yes", "active_cooperation": "yes",
    }  # fmt: skip
    return data | overrides


def _network_post(unit, **overrides) -> dict:
    data = {"name": "Eurocities", "scope": "city_wide", "membership": "member",
            "owning_unit": unit.pk, "membership_fee": "1200.00", "url": "https://eurocities.eu"}  # fmt: skip
    return data | overrides


# --- the network ----------------------------------------------------------------------------


def test_negative_membership_fee_is_refused_and_nothing_saved(client_for, staff, unit):
    response = client_for(staff).post("/networks/new/", _network_post(unit, membership_fee="-5"))
    assert response.status_code == 200
    assert response.content.decode().count("Jäsenmaksu ei voi olla negatiivinen.") == 1
    assert not Network.objects.exists()


def test_negative_fee_is_refused_by_the_service_too(staff, unit):
    with pytest.raises(ValidationError) as refused:
        services.network_create(
            actor=staff, name="UBC", scope="city_wide", owning_unit=unit,
            membership_fee=Decimal("-1"),
        )  # fmt: skip
    assert "membership_fee" in refused.value.message_dict
    assert not Network.objects.exists()


def test_staff_creates_a_network_with_several_contacts(client_for, staff, contact, unit):
    data = _network_post(unit, contacts=[staff.pk, contact.pk])
    response = client_for(staff).post("/networks/new/", data)
    network = Network.objects.get(name="Eurocities")
    assert response.status_code == 302 and response["Location"] == network.get_absolute_url()
    assert set(network.contacts.all()) == {staff, contact}
    assert network.created_by == staff


def test_staff_cannot_create_a_network_for_another_department(staff, other_unit):
    with pytest.raises(ValidationError):
        services.network_create(actor=staff, name="UBC", scope="city_wide", owning_unit=other_unit)
    assert not Network.objects.exists()


def test_a_contact_person_edits_a_network_of_another_department(staff, other_unit):
    network = NetworkFactory(owning_unit=other_unit, contacts=[staff])
    services.network_update(network, actor=staff, goals="Uudet tavoitteet")
    network.refresh_from_db()
    assert network.goals == "Uudet tavoitteet"


def test_other_departments_staff_may_not_edit(other_staff, unit):
    network = NetworkFactory(owning_unit=unit)
    with pytest.raises(PermissionDenied):
        services.network_update(network, actor=other_staff, goals="x")


def test_membership_cannot_end_before_it_began(kv, unit):
    with pytest.raises(ValidationError) as refused:
        services.network_create(
            actor=kv, name="UBC", scope="city_wide", owning_unit=unit, joined_year=2010, left_year=2005
        )  # fmt: skip
    assert "left_year" in refused.value.message_dict


# --- the yearly evaluation ------------------------------------------------------------------


def test_evaluation_keeps_the_criteria_answers_and_logs_on_the_network(client_for, staff, unit):
    network = NetworkFactory(owning_unit=unit)
    response = client_for(staff).post("/networks/evaluations/new/", _evaluation_post(network))
    evaluation = NetworkEvaluation.objects.get(network=network, year=2024)
    assert response.status_code == 302
    values = summary(latest_response(evaluation, CLASSIFICATION)).values
    assert values["aligned"] is True and values["growth"] is None
    with translation.override("en"):
        for record in (network, evaluation):
            assert [e.summary_text for e in timeline_for(record)] == [
                "Evaluation for 2024 recorded: thematic"
            ]


def test_second_evaluation_for_the_same_year_is_refused_with_a_link_to_the_first(
    client_for, staff, unit
):
    first = EvaluationFactory(network=NetworkFactory(owning_unit=unit), year=2024)
    response = client_for(staff).post(
        "/networks/evaluations/new/", _evaluation_post(first.network, year=2024)
    )
    assert response.status_code == 200
    assert f'href="/networks/evaluations/{first.pk}/edit/"' in response.content.decode()
    assert NetworkEvaluation.objects.filter(network=first.network).count() == 1
    assert not Response.objects.exists()  # the answers were not kept either


def test_the_same_year_for_another_network_is_fine(staff, unit):
    EvaluationFactory(network=NetworkFactory(owning_unit=unit), year=2024)
    other = NetworkFactory(owning_unit=unit)
    services.evaluation_create(actor=staff, network=other, year=2024, network_class="strategic")
    assert NetworkEvaluation.objects.filter(year=2024).count() == 2


@pytest.mark.parametrize("year", [2020, 1999])
def test_years_before_2021_are_refused(staff, unit, year):
    with pytest.raises(ValidationError) as refused:
        services.evaluation_create(
            actor=staff, network=NetworkFactory(owning_unit=unit), year=year, network_class="thematic"
        )  # fmt: skip
    assert "2021" in refused.value.message_dict["year"][0]
    assert not NetworkEvaluation.objects.exists()


def test_2021_is_the_first_year(staff, unit):
    network = NetworkFactory(owning_unit=unit)
    services.evaluation_create(actor=staff, network=network, year=2021, network_class="thematic")
    assert network.evaluations.get().year == 2021


def test_a_future_year_is_refused(staff, unit):
    with pytest.raises(ValidationError) as refused:
        services.evaluation_create(
            actor=staff, network=NetworkFactory(owning_unit=unit), year=THIS_YEAR + 1,
            network_class="thematic",
        )  # fmt: skip
    assert "year" in refused.value.message_dict


def test_passive_without_decision_is_refused(client_for, staff, unit):
    network = NetworkFactory(owning_unit=unit)
    response = client_for(staff).post(
        "/networks/evaluations/new/", _evaluation_post(network, network_class="passive")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Passiivinen verkosto tarvitsee päätöksen" in page
    assert "Kerro, kuka päätti" in page and "Kerro, milloin päätettiin" in page
    assert not NetworkEvaluation.objects.exists()


def test_passive_with_decision_who_and_when_is_saved(staff, unit):
    evaluation = services.evaluation_create(
        actor=staff, network=NetworkFactory(owning_unit=unit), year=2023, network_class="passive",
        decision=PassiveDecision.SLEEP, decided_by="Johtoryhmä", decided_on=datetime.date(2023, 11, 1),
    )  # fmt: skip
    assert evaluation.decision == "sleep"


def test_a_decision_on_a_network_that_is_not_passive_is_refused(staff, unit):
    with pytest.raises(ValidationError) as refused:
        services.evaluation_create(
            actor=staff, network=NetworkFactory(owning_unit=unit), year=2023,
            network_class="strategic", decision=PassiveDecision.LEAVE,
        )  # fmt: skip
    assert "decision" in refused.value.message_dict


def test_only_those_who_edit_the_network_evaluate_it(other_staff, unit):
    with pytest.raises(ValidationError):
        services.evaluation_create(
            actor=other_staff, network=NetworkFactory(owning_unit=unit), year=2023,
            network_class="thematic",
        )  # fmt: skip
    assert not NetworkEvaluation.objects.exists()


def test_a_contact_person_evaluates_a_network_of_another_department(staff, other_unit):
    network = NetworkFactory(owning_unit=other_unit, contacts=[staff])
    services.evaluation_create(actor=staff, network=network, year=2022, network_class="thematic")
    assert network.evaluations.count() == 1


def test_editing_keeps_earlier_answers_dated(staff, unit):
    evaluation = services.evaluation_create(
        actor=staff, network=NetworkFactory(owning_unit=unit), year=2022,
        network_class="thematic", answers={"aligned": "yes"},
    )  # fmt: skip
    services.evaluation_update(
        evaluation, actor=staff, network_class="strategic", answers={"aligned": "yes", "many_units": "yes"}
    )  # fmt: skip
    assert Response.objects.filter(object_id=evaluation.pk).count() == 2
    evaluation.refresh_from_db()
    assert evaluation.network_class == "strategic" and evaluation.version == 2


def test_the_question_set_is_seeded_in_three_languages(db):
    from espoo_intl.questionnaires import QuestionSet

    questions = QuestionSet.objects.get(code=CLASSIFICATION).questions.all()
    codes = {q.code for q in questions}
    assert {
        "strategic_goals",
        "many_units",
        "aligned",
        "clear_owner",
        "active_cooperation",
    } <= codes
    assert all(q.text_fi and q.text_sv and q.text_en for q in questions)


def test_editable_evaluations_are_not_repeated_per_contact(staff, contact, unit):
    """The rule reaches evaluations through the network's contacts (a many-to-many one hop
    away): each evaluation is listed once, however many contacts its network has."""
    network = NetworkFactory(owning_unit=unit, contacts=[staff, contact])
    EvaluationFactory(network=network, year=2022)
    assert NetworkEvaluation.objects.editable_by(staff).count() == 1


def test_deleting_a_network_removes_its_evaluations_and_their_answers(kv, unit):
    network = NetworkFactory(owning_unit=unit)
    services.evaluation_create(
        actor=kv, network=network, year=2022, network_class="thematic", answers={"aligned": "yes"}
    )
    services.network_delete(network, actor=kv)
    assert not NetworkEvaluation.objects.exists()
    assert not Response.objects.filter(question_set__code=CLASSIFICATION).exists()


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"strategic_goals": True, "many_units": True, "aligned": True}, NetworkClass.STRATEGIC),
        (
            {"strategic_goals": False, "aligned": True, "one_department": True},
            NetworkClass.THEMATIC,
        ),
        ({"strategic_goals": True, "many_units": True, "clear_owner": False}, NetworkClass.PASSIVE),
        ({"aligned": True, "active_cooperation": False}, NetworkClass.PASSIVE),
        ({}, None),
    ],
)
def test_the_answers_suggest_a_class(values, expected):
    assert suggested_class(values) == expected


def test_the_evaluation_page_shows_the_suggested_class(client_for, lead, staff, unit):
    evaluation = services.evaluation_create(
        actor=staff, network=NetworkFactory(owning_unit=unit), year=2022, network_class="thematic",
        answers={"aligned": "yes", "clear_owner": "no"},
    )  # fmt: skip
    lead.language = "en"
    lead.save()
    page = client_for(lead).get(evaluation.get_absolute_url()).content.decode()
    assert "The answers suggest the class: <strong>passive</strong>" in page
