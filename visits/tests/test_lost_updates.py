"""Two people editing the same record: the second save is refused and shown the first
one's change; an edit without its version is refused; a closed record is read-only."""

import pytest
from django.core.exceptions import ValidationError

from visits.choices import RequestState as S
from visits.services import visit_update
from visits.services.requests import request_update
from visits.tests.test_request_pages import as_post, en, page  # noqa: F401 - fixture
from visits.tests.test_visit_forms import in_language, visit_form_data

from .factories import VisitFactory
from .request_factories import VisitRequestFactory

pytestmark = pytest.mark.django_db

CLOSED = [S.DEBRIEFED, S.DECLINED, S.CANCELLED]


# --- visits: the generic edit view and record_update ------------------------------------------


def test_a_visit_edited_by_two_people_keeps_the_first_save_and_tells_the_second(
    client_for, staff, contact, unit
):
    visit = VisitFactory(host_unit=unit, title="Tukholman opettajat", group_size=12)
    url = f"/visits/{visit.pk}/edit/"
    first, second = in_language(client_for(staff), "en"), in_language(client_for(contact), "en")
    opened = visit_form_data(visit)  # both opened the form on the same version

    saved = first.post(url, opened | {"title": "Tukholman rehtorit"})
    refused = second.post(url, opened | {"group_size": "30"})

    assert saved.status_code == 302
    html = page(refused)
    assert "Someone else saved this record while you were editing." in html
    assert "Title: <strong>Tukholman rehtorit</strong>" in html
    visit.refresh_from_db()
    assert (visit.title, visit.group_size, visit.version) == ("Tukholman rehtorit", 12, 2)

    # Made again on the version shown, the second save goes through and keeps both changes.
    again = second.post(url, visit_form_data(visit) | {"group_size": "30"})
    assert again.status_code == 302
    visit.refresh_from_db()
    assert (visit.title, visit.group_size, visit.version) == ("Tukholman rehtorit", 30, 3)


def test_a_visit_edit_posted_without_its_version_is_refused(client_for, staff, unit):
    visit = VisitFactory(host_unit=unit, title="Tukholman opettajat")
    data = visit_form_data(visit, title="Kaapattu otsikko")
    del data["expected_version"]

    response = in_language(client_for(staff), "en").post(f"/visits/{visit.pk}/edit/", data)

    assert "does not say which version of the record it changes" in page(response)
    visit.refresh_from_db()
    assert visit.title == "Tukholman opettajat"


def test_record_update_refuses_a_stale_instance(staff, unit):
    visit = VisitFactory(host_unit=unit, group_size=12)
    mine, theirs = (type(visit).objects.get(pk=visit.pk) for _ in range(2))
    visit_update(theirs, actor=staff, group_size=20)

    with pytest.raises(ValidationError) as excinfo:
        visit_update(mine, actor=staff, group_size=5)

    assert excinfo.value.code == "stale"
    visit.refresh_from_db()
    assert (visit.group_size, visit.version) == (20, 2)


# --- visit requests ---------------------------------------------------------------------------


def test_a_request_form_posted_without_its_version_is_refused(en, kv, unit):  # noqa: F811
    visit_request = VisitRequestFactory(host_unit=unit, visitor="Ambassador of Sweden")
    url = f"/requests/{visit_request.pk}/edit/"
    client = en(kv)
    data = as_post(client.get(url).context["form"]) | {"visitor": "Crown Princess of Sweden"}
    del data["expected_version"]

    response = client.post(url, data)

    assert "does not say which version of the record it changes" in page(response)
    visit_request.refresh_from_db()
    assert (visit_request.visitor, visit_request.version) == ("Ambassador of Sweden", 1)


@pytest.mark.parametrize("state", CLOSED)
def test_a_closed_request_cannot_be_edited_through_its_edit_page(en, kv, unit, state):  # noqa: F811
    visit_request = VisitRequestFactory(state=state, host_unit=unit, visitor="Ambassador")
    open_twin = VisitRequestFactory(host_unit=unit)
    client = en(kv)
    data = as_post(client.get(f"/requests/{open_twin.pk}/edit/").context["form"])
    data |= {"visitor": "Someone else", "expected_version": "1"}

    posted = client.post(f"/requests/{visit_request.pk}/edit/", data)
    opened = client.get(f"/requests/{visit_request.pk}/edit/")
    detail = page(client.get(f"/requests/{visit_request.pk}/"))

    assert "This record is closed: its details are kept as they are." in page(posted, 400)
    assert opened.status_code == 400
    visit_request.refresh_from_db()
    assert (visit_request.visitor, visit_request.version) == ("Ambassador", 1)
    assert f"/requests/{visit_request.pk}/edit/" not in detail


@pytest.mark.parametrize("state", CLOSED)
def test_the_request_service_refuses_a_closed_request(kv, unit, state):
    visit_request = VisitRequestFactory(state=state, host_unit=unit, group_size=4)

    with pytest.raises(ValidationError) as excinfo:
        request_update(visit_request, actor=kv, expected_version=1, group_size=9)

    assert excinfo.value.code == "closed"
    visit_request.refresh_from_db()
    assert visit_request.group_size == 4
