import pytest

from visits.tests.factories import VisitFactory


@pytest.mark.django_db
def test_finnish_list_page_says_vierailut(client_for, staff, unit):
    VisitFactory(host_unit=unit, title="Tukholman delegaatio")
    response = client_for(staff).get("/visits/", HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Tukholman delegaatio" in body
