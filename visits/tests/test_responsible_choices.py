"""Whom a department's kv-yhteyshenkilö may name as the responsible person of a visit or a
visit request (issue 7): people of their own department; kv-tiimi anyone. The form offers
only those, and a POST naming someone else is refused with a clear message."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from visits.choices import RequestState
from visits.models import Visit
from visits.services import visit_create
from visits.services.requests import request_route

from .factories import VisitFactory
from .request_factories import VisitRequestFactory
from .test_request_pages import en  # noqa: F401 (fixture)
from .test_visit_forms import visit_form_data

pytestmark = pytest.mark.django_db

REFUSED = (
    "Choose a responsible person from your own department; kv-tiimi can name someone from "
    "another department."
)


def _choices(html: str, name: str) -> set[str]:
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    return set(re.findall(r'<option value="(\d+)"', select))


def test_a_contacts_visit_form_offers_people_of_their_own_department(
    en,  # noqa: F811
    contact,
    staff,
    other_staff,
    kv,
):
    html = en(contact).get("/visits/new/").content.decode()
    assert _choices(html, "responsible") == {str(contact.pk), str(staff.pk)}


def test_kv_teams_visit_form_offers_everyone(en, contact, staff, other_staff, kv):  # noqa: F811
    html = en(kv).get("/visits/new/").content.decode()
    assert {str(u.pk) for u in (contact, staff, other_staff, kv)} <= _choices(html, "responsible")


def test_a_contact_naming_someone_of_another_department_is_refused(
    en,  # noqa: F811
    contact,
    other_staff,
    unit,
):
    response = en(contact).post(
        "/visits/new/", visit_form_data(host_unit=unit, responsible=other_staff)
    )

    assert response.status_code == 200  # the form again, with the message at the field
    assert REFUSED in response.content.decode()
    assert not Visit.objects.exists()


def test_kv_team_names_someone_of_any_department(client_for, kv, other_staff, unit):
    response = client_for(kv).post(
        "/visits/new/", visit_form_data(host_unit=unit, responsible=other_staff)
    )
    assert response.status_code == 302
    assert Visit.objects.get().responsible == other_staff


def test_editing_keeps_a_responsible_person_kv_team_named(client_for, contact, other_staff, unit):
    visit = VisitFactory(host_unit=unit, responsible=other_staff)
    response = client_for(contact).post(
        f"/visits/{visit.pk}/edit/", visit_form_data(visit, group_size=7, host_unit=unit)
    )
    assert response.status_code == 302
    visit.refresh_from_db()
    assert (visit.responsible, visit.group_size) == (other_staff, 7)


def test_the_service_refuses_it_too(contact, other_staff, unit):
    data = dict(
        title="Opintovierailu",
        kind="technical",
        visiting_organisation="Tallinna linn",
        country="EE",
        host_unit=unit,
        start_date="2025-05-05",
        end_date="2025-05-05",
    )
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        visit_create(actor=contact, responsible=other_staff, **data)
    with translation.override("en"):
        assert refused.value.message_dict == {"responsible": [REFUSED]}
    assert not Visit.objects.exists()


def test_a_contacts_routing_offers_people_of_their_own_department(
    en,  # noqa: F811
    contact,
    staff,
    other_staff,
    unit,
):
    visit_request = VisitRequestFactory(
        host_unit=unit, kind="technical", dignitary_rank="", state=RequestState.UNDER_REVIEW
    )
    html = en(contact).get(visit_request.get_absolute_url()).content.decode()
    assert _choices(html, "responsible") == {str(contact.pk), str(staff.pk)}


def test_a_contact_routing_to_someone_of_another_department_is_refused(
    en,  # noqa: F811
    contact,
    other_staff,
    unit,
):
    visit_request = VisitRequestFactory(
        host_unit=unit, kind="technical", dignitary_rank="", state=RequestState.UNDER_REVIEW
    )

    response = en(contact).post(
        f"/requests/{visit_request.pk}/route/",
        {"host_unit": str(unit.pk), "responsible": str(other_staff.pk)},
    )

    assert response.status_code == 400
    assert REFUSED in response.content.decode()
    visit_request.refresh_from_db()
    assert visit_request.responsible is None
    with pytest.raises(ValidationError):
        request_route(visit_request, actor=contact, host_unit=unit, responsible=other_staff)


def test_kv_team_routes_to_anyone(client_for, kv, other_staff, unit):
    visit_request = VisitRequestFactory(host_unit=unit, state=RequestState.UNDER_REVIEW)
    response = client_for(kv).post(
        f"/requests/{visit_request.pk}/route/",
        {"host_unit": str(unit.pk), "responsible": str(other_staff.pk)},
    )
    assert response.status_code == 302
    visit_request.refresh_from_db()
    assert visit_request.responsible == other_staff
