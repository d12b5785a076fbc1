"""The request page's actions through the core's one action view: a refused call is a
400 page with the message in the user's language, never a 500; a protected delete says why."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import include, path
from django.utils import translation
from django.utils.translation import gettext

from espoo_intl.models import OrgUnit
from espoo_intl.tests.factories import OrgUnitFactory
from espoo_intl.views import ObjectDeleteView
from visits.choices import RequestState as S
from visits.models import Gift, Guest, Visit
from visits.views.requests import RequestActionView

from .factories import VisitFactory
from .request_factories import GuestFactory, VisitRequestFactory

pytestmark = pytest.mark.django_db

CLOSED_MESSAGE = "This request is closed: its records are kept as they are."


def _in_finnish(text: str) -> str:
    with translation.override("fi"):
        return gettext(text)


def test_removing_a_guest_from_a_debriefed_request_is_refused_with_a_message(client_for, kv, unit):
    visit_request = VisitRequestFactory(state=S.DEBRIEFED, host_unit=unit)
    guest = GuestFactory(visit_request=visit_request)

    response = client_for(kv).post(f"/requests/{visit_request.pk}/guests/{guest.pk}/delete/")

    assert response.status_code == 400
    assert _in_finnish(CLOSED_MESSAGE) in response.content.decode()
    assert Guest.objects.filter(pk=guest.pk).exists()


@pytest.mark.parametrize("state", [S.DECLINED, S.CANCELLED])
def test_a_closed_request_refuses_a_gift_with_the_page_again(client_for, kv, unit, state):
    visit_request = VisitRequestFactory(state=state, host_unit=unit)

    response = client_for(kv).post(
        f"/requests/{visit_request.pk}/gifts/",
        {"direction": "received", "description": "Maljakko", "giver": "A", "receiver": "B",
         "date": "2025-03-03"},
    )  # fmt: skip

    assert response.status_code == 400
    assert visit_request.subject in response.content.decode()
    assert not Gift.objects.exists()


def test_an_action_is_refused_before_the_form_is_read(client_for, other_staff, unit):
    visit_request = VisitRequestFactory(state=S.PLANNING, host_unit=unit)

    response = client_for(other_staff).post(f"/requests/{visit_request.pk}/gifts/", {})

    assert response.status_code == 403


def test_an_action_is_post_only(client_for, kv, unit):
    visit_request = VisitRequestFactory(state=S.PLANNING, host_unit=unit)

    assert client_for(kv).get(f"/requests/{visit_request.pk}/gifts/").status_code == 405


# --- a delete that other records prevent -----------------------------------------------------


class UnitDeleteView(ObjectDeleteView):
    """Test-only: deletes an organisation unit (a Visit's host unit is PROTECTed)."""

    model = OrgUnit
    delete_service = staticmethod(lambda unit, *, actor: unit.delete())

    def get_object(self):
        return OrgUnit.objects.get(pk=self.kwargs["pk"])


def _refuse(obj, *, actor):
    raise PermissionDenied("Only the ambassador's office may do this.")


class RefusedActionView(RequestActionView):
    """Test-only: an action whose service refuses the actor itself."""

    service = staticmethod(_refuse)


urlpatterns = [
    path("test-units/<int:pk>/delete/", UnitDeleteView.as_view()),
    path("test-requests/<int:pk>/refuse/", RefusedActionView.as_view()),
    path("", include("espoo_intl.urls")),
]


@pytest.mark.urls(__name__)
def test_a_service_that_refuses_the_actor_answers_the_page_with_400_not_a_500(client_for, kv, unit):
    visit_request = VisitRequestFactory(state=S.PLANNING, host_unit=unit)

    response = client_for(kv).post(f"/test-requests/{visit_request.pk}/refuse/")

    assert response.status_code == 400
    body = response.content.decode()
    assert "Only the ambassador&#x27;s office may do this." in body
    assert visit_request.subject in body


@pytest.mark.urls(__name__)
def test_a_protected_delete_says_what_refers_to_the_record_and_deletes_nothing(
    client_for, kv, department
):
    host = OrgUnitFactory(kind="unit", parent=department, name_fi="Kirjastopalvelut (testi)")
    visit = VisitFactory(host_unit=host, title="Tallinnan kirjastovierailu")

    response = client_for(kv).post(f"/test-units/{host.pk}/delete/")

    assert response.status_code == 400
    assert "Tallinnan kirjastovierailu" in response.content.decode()
    assert OrgUnit.objects.filter(pk=host.pk).exists()
    assert Visit.objects.filter(pk=visit.pk).exists()


# --- error pages on real pages ----------------------------------------------------------------


@pytest.mark.parametrize(
    "make_path, code, heading",
    [
        (lambda visit: f"/visits/{visit.pk}/edit/", 403, "You may not open this page"),
        (lambda visit: f"/visits/{visit.pk + 1000}/", 404, "Page not found"),
    ],
)
def test_a_refused_or_missing_page_is_the_portals_own_page_in_finnish(
    client_for, other_staff, unit, make_path, code, heading
):
    visit = VisitFactory(host_unit=unit)

    response = client_for(other_staff).get(make_path(visit))

    body = response.content.decode()
    assert response.status_code == code
    assert '<html lang="fi">' in body
    assert _in_finnish(heading) in body
    assert "/visits/" in body  # the portal's navigation
    assert "Forbidden" not in body
