"""The visit rules as users meet them: confidentiality in the list and the exports,
editing rights and history, the demo data and the list in the user's language."""

import io
import re

import pytest
from django.core.management import call_command
from django.test import Client

from espoo_intl.models import User
from espoo_intl.testing import body, csv_rows, xlsx_rows
from visits.models import Visit, VisitRequest
from visits.tests.factories import VisitFactory
from visits.tests.test_visit_forms import in_language, visit_form_data

# Depends on the Finnish translations (locale/fi): the list page's heading and menu item.
FI_VISITS = "Vierailut"

DEMO_ACCOUNTS = {
    "staff": "unit_staff",
    "contact": "international_contact",
    "kv": "kv_team",
    "lead": "leadership",
    "admin": "administrator",
}


def listed_titles(response) -> list[str]:
    """The visit titles in the list table, in order (each links to its visit)."""
    return re.findall(r'<a href="/visits/\d+/">([^<]*)</a>', response.content.decode())


def history_section(response) -> str:
    return response.content.decode().split('id="history-h"', 1)[1]


@pytest.fixture
def other_confidential(other_unit, other_staff):
    return VisitFactory(
        host_unit=other_unit,
        title="Salainen arvovierailu",
        kind="dignitary",
        dignitary_rank="ambassador",
        confidential=True,
        responsible=other_staff,
    )


@pytest.fixture
def other_visit(other_unit):
    return VisitFactory(host_unit=other_unit, title="Avoin terveysdelegaatio")


@pytest.fixture
def own_visit(unit):
    return VisitFactory(host_unit=unit, title="Tukholman opettajat")


# Confidentiality


@pytest.mark.django_db
def test_confidential_visit_of_another_department_is_not_listed(
    client_for, staff, other_visit, other_confidential
):
    response = client_for(staff).get("/visits/")

    assert response.status_code == 200
    assert listed_titles(response) == ["Avoin terveysdelegaatio"]


@pytest.mark.django_db
def test_confidential_visit_of_another_department_is_not_in_csv_export(
    client_for, staff, other_visit, other_confidential
):
    response = client_for(staff).get("/visits/?_export=csv")

    assert response.status_code == 200
    text = body(response).decode("utf-8-sig")
    assert "Avoin terveysdelegaatio" in text
    assert "Salainen arvovierailu" not in text
    # The one visible visit (a streamed export is read once: ask again).
    assert len(csv_rows(client_for(staff).get("/visits/?_export=csv"))) == 1


@pytest.mark.django_db
def test_confidential_visit_of_another_department_is_not_in_xlsx_export(
    client_for, staff, other_visit, other_confidential
):
    response = client_for(staff).get("/visits/?_export=xlsx")

    assert response.status_code == 200
    rows = xlsx_rows(response)
    cells = {cell for row in rows for cell in row.values()}
    assert "Avoin terveysdelegaatio" in cells
    assert "Salainen arvovierailu" not in cells
    assert len(rows) == 1


@pytest.mark.django_db
def test_confidential_visit_of_another_department_answers_not_found(
    client_for, staff, other_confidential
):
    response = client_for(staff).get(f"/visits/{other_confidential.pk}/")

    assert response.status_code == 404
    assert "Salainen arvovierailu" not in response.content.decode()


@pytest.mark.django_db
def test_responsible_person_and_host_contact_see_the_confidential_visit_in_list_and_export(
    client_for, other_staff, other_contact, other_confidential
):
    for user in (other_staff, other_contact):
        client = client_for(user)
        assert listed_titles(client.get("/visits/")) == ["Salainen arvovierailu"]
        assert "Salainen arvovierailu" in body(client.get("/visits/?_export=csv")).decode()


# Editing rights


@pytest.mark.django_db
def test_staff_cannot_edit_other_departments_visit(client_for, staff, other_visit):
    data = visit_form_data(other_visit, title="Kaapattu otsikko")

    response = client_for(staff).post(f"/visits/{other_visit.pk}/edit/", data)

    assert response.status_code == 403
    other_visit.refresh_from_db()
    assert other_visit.title == "Avoin terveysdelegaatio"
    assert other_visit.history.count() == 1  # only its creation


@pytest.mark.django_db
def test_staff_edit_of_own_department_visit_is_stored_and_shown_in_history(
    client_for, staff, own_visit
):
    client = in_language(client_for(staff), "en")
    data = visit_form_data(own_visit, title="Tukholman rehtorit", group_size=30)

    response = client.post(f"/visits/{own_visit.pk}/edit/", data)

    assert response.status_code == 302
    assert response["Location"] == f"/visits/{own_visit.pk}/"
    own_visit.refresh_from_db()
    assert own_visit.title == "Tukholman rehtorit"
    assert own_visit.group_size == 30
    assert own_visit.history.filter(history_type="~", history_user=staff).count() == 1

    history = history_section(client.get(f"/visits/{own_visit.pk}/"))
    assert "<del>Tukholman opettajat</del> → <ins>Tukholman rehtorit</ins>" in history
    assert "<del>12</del> → <ins>30</ins>" in history
    assert str(staff) in history


@pytest.mark.django_db
def test_staff_cannot_move_visit_to_another_departments_unit(
    client_for, staff, own_visit, other_unit
):
    client = in_language(client_for(staff), "en")
    data = visit_form_data(own_visit, host_unit=other_unit, title="Siirretty vierailu")

    response = client.post(f"/visits/{own_visit.pk}/edit/", data)

    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    own_visit.refresh_from_db()
    assert own_visit.host_unit != other_unit
    assert own_visit.title == "Tukholman opettajat"


@pytest.mark.django_db
def test_staff_cannot_create_visit_for_another_departments_unit(client_for, staff, other_unit):
    client = in_language(client_for(staff), "en")

    response = client.post("/visits/new/", visit_form_data(host_unit=other_unit))

    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert not Visit.objects.exists()


REACH_MESSAGE = "You would not be able to see this record after saving it."


@pytest.mark.django_db
def test_staff_cannot_create_confidential_visit_with_someone_else_responsible(
    client_for, staff, unit, contact
):
    client = in_language(client_for(staff), "en")
    data = visit_form_data(host_unit=unit, responsible=contact, confidential=True)

    response = client.post("/visits/new/", data)

    body = response.content.decode()
    assert response.status_code == 200
    assert REACH_MESSAGE in body
    assert "Nothing was saved. Please correct the errors below." in body
    assert not Visit.objects.exists()
    assert not Visit.history.exists()


@pytest.mark.django_db
def test_staff_cannot_make_own_visit_confidential_with_someone_else_responsible(
    client_for, staff, contact, own_visit
):
    client = in_language(client_for(staff), "en")
    data = visit_form_data(own_visit, responsible=contact, confidential=True, title="Uusi nimi")

    response = client.post(f"/visits/{own_visit.pk}/edit/", data)

    assert response.status_code == 200
    assert REACH_MESSAGE in response.content.decode()
    own_visit.refresh_from_db()
    assert own_visit.confidential is False
    assert own_visit.title == "Tukholman opettajat"
    assert own_visit.history.count() == 1


@pytest.mark.django_db
def test_staff_can_create_confidential_visit_naming_themselves_responsible(client_for, staff, unit):
    data = visit_form_data(host_unit=unit, responsible=staff, confidential=True)

    response = client_for(staff).post("/visits/new/", data)

    visit = Visit.objects.get()
    assert response.status_code == 302
    assert visit.confidential is True
    assert client_for(staff).get(f"/visits/{visit.pk}/").status_code == 200


# Demo data


@pytest.mark.django_db
def test_load_demo_twice_does_not_duplicate_visits_or_users(settings):
    settings.DEBUG = True

    call_command("load_demo", visits=12, stdout=io.StringIO())
    visits, users = Visit.objects.count(), User.objects.count()
    requests = VisitRequest.objects.count()
    call_command("load_demo", visits=12, stdout=io.StringIO())

    # 12 logged visits, plus one visit record for each demo request taken to completion.
    assert visits == 12 + VisitRequest.objects.filter(visit__isnull=False).count()
    assert requests > 0
    assert Visit.objects.count() == visits
    assert VisitRequest.objects.count() == requests
    assert User.objects.count() == users


@pytest.mark.django_db
def test_load_demo_accounts_sign_in_with_demo_password_and_have_their_roles(settings):
    settings.DEBUG = True
    call_command("load_demo", visits=3, stdout=io.StringIO())

    for username, role in DEMO_ACCOUNTS.items():
        client = Client()
        response = client.post("/accounts/login/", {"username": username, "password": "espoo-demo"})
        assert response.status_code == 302, username
        assert response["Location"] == "/"
        assert client.get("/visits/").status_code == 200
        user = User.objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [role]


# The list in the user's language


@pytest.mark.django_db
def test_choosing_english_is_saved_and_list_says_visits(client_for, staff):
    client = client_for(staff)

    response = client.post("/language/", {"language": "en", "next": "/visits/"})

    assert response.status_code == 302
    assert response["Location"] == "/visits/"
    staff.refresh_from_db()
    assert staff.language == "en"
    assert ">Visits</h1>" in client.get("/visits/").content.decode()


@pytest.mark.django_db
def test_saved_language_follows_user_to_a_new_browser(client_for, staff):
    client_for(staff).post("/language/", {"language": "en", "next": "/visits/"})
    staff.refresh_from_db()

    response = client_for(staff).get("/visits/")  # fresh client: no language cookie

    assert ">Visits</h1>" in response.content.decode()


@pytest.mark.django_db
def test_choosing_finnish_is_saved_and_list_says_vierailut(client_for, staff):
    """Depends on the Finnish translations (FI_VISITS)."""
    staff.language = "en"
    staff.save()
    client = client_for(staff)

    client.post("/language/", {"language": "fi", "next": "/visits/"})

    staff.refresh_from_db()
    assert staff.language == "fi"
    body = client.get("/visits/").content.decode()
    assert f">{FI_VISITS}</h1>" in body
