"""Every rule of the partnership register, as the user meets it: refused with a clear
message, nothing saved."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.translation import gettext, override

from espoo_intl.questionnaires import latest_response
from espoo_intl.timeline import timeline_for
from espoo_intl.workflow import workflow_transition
from partnerships import selectors, services
from partnerships.choices import ASSESSMENT, PartnershipLevel, PartnershipStatus
from partnerships.models import Partner, Partnership, Project
from partnerships.tests.factories import PartnerFactory, PartnershipFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def fi(message: str) -> str:
    """The message as a Finnish-speaking user sees it on the page."""
    with override("fi"):
        return escape(gettext(message))


def _partnership_form(unit, partner, **extra):
    data = {
        "name": "Kristianstad–Espoo kulttuurisopimus",
        "partners": [partner.pk],
        "kind": "agreement",
        "level": "department",
        "owning_unit": unit.pk,
        "start_date": "2025-01-01",
        "end_date": "2026-12-31",
    }
    return data | extra


def test_duplicate_partner_is_refused_with_a_link(client_for, staff):
    existing = PartnerFactory(name="Køge Kommune", country="DK")
    client = client_for(staff)
    response = client.post(
        "/partners/new/", {"name": "KØGE kommune ", "kind": "city", "country": "DK"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert f'href="{existing.get_absolute_url()}"' in page
    assert Partner.objects.count() == 1
    # The same name in another country is another partner.
    response = client.post(
        "/partners/new/", {"name": "Køge Kommune", "kind": "city", "country": "SE"}
    )
    assert response.status_code == 302
    assert Partner.objects.count() == 2


def test_partner_edit_keeps_its_own_name(staff):
    partner = services.partner_create(actor=staff, name="Tallinna", kind="city", country="EE")
    services.partner_update(partner, actor=staff, name="Tallinna", kind="city", country="EE", city="Tallinna")  # fmt: skip
    assert Partner.objects.get().city == "Tallinna"


def test_partnership_end_before_start_is_refused(client_for, staff, unit):
    partner = PartnerFactory()
    data = _partnership_form(unit, partner, end_date="2024-12-31")
    response = client_for(staff).post("/partnerships/new/", data)
    assert response.status_code == 200
    assert fi("The end date cannot be before the start date.") in response.content.decode()
    assert not Partnership.objects.exists()


def test_staff_records_a_partnership_for_their_department_only(client_for, staff, unit, other_unit):
    partner = PartnerFactory()
    response = client_for(staff).post("/partnerships/new/", _partnership_form(other_unit, partner))
    assert response.status_code == 200
    assert not Partnership.objects.exists()
    response = client_for(staff).post("/partnerships/new/", _partnership_form(unit, partner))
    assert response.status_code == 302
    assert Partnership.objects.get().owning_unit == unit


def test_city_level_partnership_needs_the_decision_to_become_active(client_for, kv, unit):
    partnership = PartnershipFactory(owning_unit=unit, level=PartnershipLevel.CITY)
    client = client_for(kv)
    url = f"/partnerships/{partnership.pk}/transition/"
    response = client.post(url, {"to": "active"})
    assert response.status_code == 400
    assert "viranhaltijapäätös" in response.content.decode()
    partnership.refresh_from_db()
    assert partnership.status == PartnershipStatus.PROPOSED

    partnership.decision_number = "KH 12/2025"
    partnership.decision_date = datetime.date(2025, 3, 1)
    partnership.save()
    assert client.post(url, {"to": "active"}).status_code == 302
    partnership.refresh_from_db()
    assert partnership.status == PartnershipStatus.ACTIVE
    assert [e.to_state for e in timeline_for(partnership)] == ["active"]


def test_active_city_level_partnership_cannot_lose_its_decision(kv, unit):
    partnership = PartnershipFactory(
        owning_unit=unit,
        level=PartnershipLevel.CITY,
        status=PartnershipStatus.ACTIVE,
        decision_number="KH 1/2020",
        decision_date=datetime.date(2020, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        services.partnership_update(partnership, actor=kv, decision_number="", decision_date=None)
    assert "decision_number" in error.value.message_dict
    partnership.refresh_from_db()
    assert partnership.decision_number == "KH 1/2020"


def test_department_level_partnership_becomes_active_without_a_decision(staff, unit):
    partnership = PartnershipFactory(owning_unit=unit, level=PartnershipLevel.DEPARTMENT)
    workflow_transition(partnership, to="active", actor=staff)
    workflow_transition(partnership, to="dormant", actor=staff)
    workflow_transition(partnership, to="active", actor=staff)
    workflow_transition(partnership, to="ended", actor=staff, reason="Sopimus päättyi.")
    partnership.refresh_from_db()
    assert partnership.status == PartnershipStatus.ENDED
    assert partnership.is_closed


def test_ended_partnership_is_read_only(client_for, staff, unit):
    partnership = PartnershipFactory(owning_unit=unit, status=PartnershipStatus.ENDED)
    response = client_for(staff).post(f"/partnerships/{partnership.pk}/assess/", {})
    assert response.status_code == 400
    assert latest_response(partnership, ASSESSMENT) is None
    with pytest.raises(ValidationError):
        services.partnership_update(partnership, actor=staff, name="Uusi nimi")


def test_other_department_cannot_move_a_partnership(other_staff, unit):
    partnership = PartnershipFactory(owning_unit=unit)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        workflow_transition(partnership, to="active", actor=other_staff)


def _answers(positives: int, reputational: bool, **extra):
    codes = [
        "benefit-story", "benefit-values", "benefit-learning", "benefit-forerunner",
        "benefit-shared-will", "benefit-resources", "benefit-opportunities",
    ]  # fmt: skip
    data = {code: ("yes" if i < positives else "no") for i, code in enumerate(codes)}
    for code in ("risk-investment", "risk-ratio", "risk-commitment", "risk-credible"):
        data[code] = "yes"
    data["risk-reputation"] = "yes" if reputational else "no"
    return data | extra


@pytest.mark.parametrize(
    ("positives", "reputational", "mostly", "risks"),
    [(4, False, "kyllä", 0), (3, False, "ei", 0), (7, True, "kyllä", 1)],
)
def test_assessment_result_on_the_page(client_for, staff, unit, positives, reputational, mostly, risks):  # fmt: skip
    partnership = PartnershipFactory(owning_unit=unit)
    client = client_for(staff)
    response = client.post(f"/partnerships/{partnership.pk}/assess/", _answers(positives, reputational))  # fmt: skip
    assert response.status_code == 302
    page = client.get(partnership.get_absolute_url()).content.decode()
    assert f'class="assessment-result">{mostly}<' in page
    assert ("risk-flag" in page) is bool(risks)
    result = selectors.assessment_result(latest_response(partnership, ASSESSMENT))
    assert result.benefits_total == 7
    assert len(result.risks) == risks


def test_no_to_an_investment_question_is_a_risk(staff, unit):
    partnership = PartnershipFactory(owning_unit=unit)
    response = services.partnership_assess(
        partnership, actor=staff, answers=_answers(7, False, **{"risk-ratio": "no"})
    )
    result = selectors.assessment_result(response)
    assert [a.question.code for a in result.risks] == ["risk-ratio"]


def test_every_assessment_is_kept_and_compared(client_for, staff, unit):
    partnership = PartnershipFactory(owning_unit=unit)
    services.partnership_assess(partnership, actor=staff, answers=_answers(2, True), how={"benefit-story": "Vähän"})  # fmt: skip
    services.partnership_assess(partnership, actor=staff, answers=_answers(6, False))
    page = client_for(staff).get(f"/partnerships/{partnership.pk}/assessments/").content.decode()
    assert page.count('<th scope="col">') == 3  # the question column and two dates
    assert "Vähän" in page
    assert [e.summary for e in timeline_for(partnership)] == ["Assessment recorded"] * 2


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("total_budget", "-1", "The amount cannot be negative."),
        ("international_funding", "-5", "The amount cannot be negative."),
        ("espoo_share", "2000", "Espoo's share cannot be larger than the total budget."),
        ("end_date", "2024-12-31", "The end date cannot be before the start date."),
    ],
)
def test_project_bad_input_is_refused(client_for, staff, unit, field, value, message):
    data = {
        "name": "Kestävä kaupunki", "programme": "interreg", "eu_funded": "on",
        "lead_unit": unit.pk, "start_date": "2025-01-01", "end_date": "2026-12-31",
        "total_budget": "1000", "espoo_share": "500", "international_funding": "400",
        "status": "running",
    } | {field: value}  # fmt: skip
    response = client_for(staff).post("/projects/new/", data)
    assert response.status_code == 200
    assert fi(message) in response.content.decode()
    assert not Project.objects.exists()


def test_project_shows_its_partners_countries(client_for, staff, unit):
    project = ProjectFactory(
        lead_unit=unit,
        partners=[
            PartnerFactory(country="SE"),
            PartnerFactory(country="DE"),
            PartnerFactory(country="SE"),
        ],  # fmt: skip
    )
    assert [c.code for c in project.countries] == ["SE", "DE"]
    page = client_for(staff).get(project.get_absolute_url()).content.decode()
    assert "Saksa" in page and "Ruotsi" in page
