"""The core's own pages as users meet them: the health check, the demo loader's refusal
in production, the language choice and the password reset."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from espoo_intl.models import User

DEMO_ACCOUNTS = ("staff", "contact", "kv", "lead", "admin")


# Health check


@pytest.mark.django_db
def test_healthz_reports_database_and_broker_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "broker": "ok",
        "outbox_pending": 0,
        "outbox_oldest_seconds": 0,
    }


# Demo data


@pytest.mark.django_db
def test_load_demo_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError):
        call_command("load_demo", stdout=io.StringIO())

    assert not User.objects.filter(username__in=DEMO_ACCOUNTS).exists()


# Language


@pytest.mark.django_db
def test_choosing_english_is_saved_and_the_start_page_is_in_english(client_for, staff):
    client = client_for(staff)

    response = client.post("/language/", {"language": "en", "next": "/"})

    assert response.status_code == 302
    assert response["Location"] == "/"
    staff.refresh_from_db()
    assert staff.language == "en"
    assert '<html lang="en">' in client.get("/").content.decode()


@pytest.mark.django_db
def test_saved_language_follows_user_to_a_new_browser(client_for, staff):
    client_for(staff).post("/language/", {"language": "en", "next": "/"})
    staff.refresh_from_db()

    response = client_for(staff).get("/")  # fresh client: no language cookie

    assert '<html lang="en">' in response.content.decode()


@pytest.mark.django_db
def test_choosing_finnish_is_saved_and_the_start_page_is_in_finnish(client_for, staff):
    staff.language = "en"
    staff.save()
    client = client_for(staff)

    client.post("/language/", {"language": "fi", "next": "/"})

    staff.refresh_from_db()
    assert staff.language == "fi"
    assert '<html lang="fi">' in client.get("/").content.decode()


# Password reset


@pytest.mark.django_db
def test_password_reset_sends_email_to_known_address(client, staff, mailoutbox):
    response = client.post("/accounts/password_reset/", {"email": staff.email})

    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [staff.email]
    assert "/accounts/reset/" in mailoutbox[0].body


@pytest.mark.django_db
def test_password_reset_for_unknown_address_sends_nothing_but_looks_the_same(client, mailoutbox):
    response = client.post("/accounts/password_reset/", {"email": "nobody@example.espoo.fi"})

    assert response.status_code == 302
    assert mailoutbox == []
