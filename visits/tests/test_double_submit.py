"""Two identical create POSTs (a double click, a retry after a timeout) make one record and
one set of e-mails; the second lands on the record the first made."""

import re
import threading

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection

from visits.models import Visit, VisitRequest
from visits.tests.test_request_pages import NEW_REQUEST, SUBJECT
from visits.tests.test_visit_forms import visit_form_data


def token_of(client, url: str) -> str:
    html = client.get(url).content.decode()
    [token] = re.findall(r'name="submit_token" value="([0-9a-f-]+)"', html)
    return token


def test_a_visit_posted_twice_is_saved_once(client_for, staff, unit):
    client = client_for(staff)
    data = visit_form_data(host_unit=unit) | {"submit_token": token_of(client, "/visits/new/")}

    first = client.post("/visits/new/", data)
    second = client.post("/visits/new/", data)

    [visit] = Visit.objects.all()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == visit.get_absolute_url()


def test_a_request_posted_twice_is_saved_once_and_mailed_once(
    client_for, django_capture_on_commit_callbacks, staff, kv
):
    client = client_for(staff)
    data = NEW_REQUEST | {"submit_token": token_of(client, "/requests/new/")}

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post("/requests/new/", data)
        second = client.post("/requests/new/", data)

    [visit_request] = VisitRequest.objects.filter(subject=SUBJECT)
    assert first["Location"] == second["Location"] == visit_request.get_absolute_url()
    assert sorted(a for m in mail.outbox for a in m.to) == sorted(
        [kv.email, settings.INTERNATIONAL_MAILBOX]
    )


def test_a_new_form_makes_a_new_record(client_for, staff, unit):
    client = client_for(staff)
    for _ in range(2):
        token = token_of(client, "/visits/new/")
        client.post("/visits/new/", visit_form_data(host_unit=unit) | {"submit_token": token})

    assert Visit.objects.count() == 2


def test_another_users_post_with_the_same_token_is_their_own_record(
    client_for, staff, other_staff, unit, other_unit
):
    token = token_of(client_for(staff), "/visits/new/")
    client_for(staff).post(
        "/visits/new/", visit_form_data(host_unit=unit) | {"submit_token": token}
    )

    response = client_for(other_staff).post(
        "/visits/new/", visit_form_data(host_unit=other_unit) | {"submit_token": token}
    )

    theirs = Visit.objects.get(host_unit=other_unit)
    assert response["Location"] == theirs.get_absolute_url()
    assert Visit.objects.count() == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_posts_at_the_same_moment_make_one_record(client_for, staff, kv):
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith("file:memory"):
        pytest.skip("concurrent requests need a database file or PostgreSQL")
    token = token_of(client_for(staff), "/requests/new/")
    data = NEW_REQUEST | {"submit_token": token}
    answers = []

    def post():
        answers.append(client_for(staff).post("/requests/new/", data))
        connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert [a.status_code for a in answers] == [302, 302]
    assert VisitRequest.objects.filter(subject=SUBJECT).count() == 1
