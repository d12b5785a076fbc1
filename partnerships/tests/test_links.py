"""Visits and events are linked to the partnership they belong to (issue 9): the forms offer
the partnerships their user may link to, and the partnership's page lists what is linked,
each reader seeing only the records they may open."""

import pytest

from events.tests.factories import EventFactory
from partnerships.choices import PartnershipStatus
from partnerships.tests.factories import PartnershipFactory
from visits.models import Visit
from visits.tests.factories import VisitFactory
from visits.tests.test_visit_forms import visit_form_data

pytestmark = pytest.mark.django_db


def test_staff_links_a_new_visit_to_a_partnership_and_its_page_lists_it(client_for, staff, unit):
    partnership = PartnershipFactory(owning_unit=unit, name="Køgen ystävyyskaupunkisuhde")
    data = visit_form_data(title="Køgen opettajat", host_unit=unit, partnership=partnership)
    response = client_for(staff).post("/visits/new/", data)
    assert response.status_code == 302
    visit = Visit.objects.get(title="Køgen opettajat")
    assert visit.partnership == partnership
    page = client_for(staff).get(partnership.get_absolute_url()).content.decode()
    assert "Køgen opettajat" in page


def test_an_ended_partnership_is_not_offered_for_new_links(client_for, staff, unit):
    ended = PartnershipFactory(owning_unit=unit, status=PartnershipStatus.ENDED, name="Päättynyt")
    data = visit_form_data(title="Uusi vierailu", host_unit=unit, partnership=ended)
    response = client_for(staff).post("/visits/new/", data)
    assert response.status_code == 200  # the form again, with the error on the field
    assert "partnership" in response.context["form"].errors
    assert not Visit.objects.filter(title="Uusi vierailu").exists()


def test_linked_confidential_records_show_only_to_those_who_may_open_them(
    client_for, staff, kv, other_unit, unit
):
    partnership = PartnershipFactory(owning_unit=unit, name="Shanghain MoU")
    VisitFactory(host_unit=other_unit, title="Salainen delegaatio", confidential=True,
                 partnership=partnership)  # fmt: skip
    EventFactory(owning_unit=unit, name="Shanghai-seminaari", partnership=partnership)
    as_staff = client_for(staff).get(partnership.get_absolute_url()).content.decode()
    as_kv = client_for(kv).get(partnership.get_absolute_url()).content.decode()
    assert "Shanghai-seminaari" in as_staff and "Shanghai-seminaari" in as_kv
    assert "Salainen delegaatio" not in as_staff
    assert "Salainen delegaatio" in as_kv
