"""Accounts and sessions against an attacker and a careless user (issue 8): sign-in and
password-reset throttling, session lifetime, password change and deactivation ending
sessions, no caching of signed-in pages, argon2 hashing."""

import time

import pytest
from django.contrib.auth.hashers import check_password, make_password
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from espoo_intl import settings as production
from espoo_intl.security import RENEWED_AT, SIGNED_IN_AT
from espoo_intl.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "espoo-test"  # UserFactory's


def sign_in(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password})


def signed_in(client) -> bool:
    return client.get("/").status_code == 200


# --- sign-in throttling (django-axes) -----------------------------------------------------


def test_the_sixth_try_after_five_wrong_passwords_is_refused_even_when_right(settings):
    UserFactory(username="anna")
    attacker = Client(REMOTE_ADDR="203.0.113.5")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        assert sign_in(attacker, "anna", "wrong-password").status_code in (200, 429)

    response = sign_in(attacker, "anna", PASSWORD)

    assert response.status_code == 429
    assert not signed_in(attacker)
    # The account is locked from another address too.
    owner = Client(REMOTE_ADDR="198.51.100.7")
    assert sign_in(owner, "anna", PASSWORD).status_code == 429
    assert not signed_in(owner)


def test_the_lockout_page_is_the_portals_own(settings):
    UserFactory(username="anna")
    attacker = Client(REMOTE_ADDR="203.0.113.5", HTTP_ACCEPT_LANGUAGE="en")
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        response = sign_in(attacker, "anna", "wrong-password")
    page = response.content.decode()
    assert response.status_code == 429
    assert "portal-navbar" in page
    assert "Sign-in was refused after 5 failed attempts." in page


def test_another_account_from_another_address_is_not_locked(settings):
    UserFactory(username="anna")
    UserFactory(username="bertil")
    attacker = Client(REMOTE_ADDR="203.0.113.5")
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        sign_in(attacker, "anna", "wrong-password")

    colleague = Client(REMOTE_ADDR="198.51.100.7")
    assert sign_in(colleague, "bertil", PASSWORD).status_code == 302
    assert signed_in(colleague)


def test_an_address_that_guesses_many_accounts_is_locked(settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        UserFactory(username=f"victim{n}")
    UserFactory(username="bertil")
    attacker = Client(REMOTE_ADDR="203.0.113.5")
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(attacker, f"victim{n}", "wrong-password")

    assert sign_in(attacker, "bertil", PASSWORD).status_code == 429
    assert sign_in(Client(REMOTE_ADDR="198.51.100.7"), "bertil", PASSWORD).status_code == 302


def test_a_failure_count_ends_with_a_successful_sign_in(settings):
    UserFactory(username="anna")
    owner = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(owner, "anna", "typo")
    assert sign_in(owner, "anna", PASSWORD).status_code == 302
    owner.post("/accounts/logout/")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(owner, "anna", "typo")
    assert sign_in(owner, "anna", PASSWORD).status_code == 302


def test_behind_a_proxy_the_forwarded_address_counts(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    UserFactory(username="bertil")
    for n in range(settings.AXES_FAILURE_LIMIT):
        UserFactory(username=f"victim{n}")
        sign_in(
            Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5"),
            f"victim{n}",
            "wrong-password",
        )
    # Same proxy, another client: not locked out by the attacker's failures.
    colleague = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert sign_in(colleague, "bertil", PASSWORD).status_code == 302


# --- password reset throttling -------------------------------------------------------------


@pytest.fixture
def fresh_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"reset-{time.monotonic_ns()}",
        }
    }


def reset(client, email):
    return client.post("/accounts/password_reset/", {"email": email})


def test_password_reset_is_throttled_per_address(settings, fresh_cache):
    users = [UserFactory(username=f"user-{n}") for n in range(settings.PASSWORD_RESET_LIMIT + 1)]
    attacker = Client(REMOTE_ADDR="203.0.113.5", HTTP_ACCEPT_LANGUAGE="en")
    for user in users[:-1]:
        assert reset(attacker, user.email).status_code == 302

    response = reset(attacker, users[-1].email)

    assert response.status_code == 429
    assert "Too many password reset requests" in response.content.decode()
    assert len(mail.outbox) == settings.PASSWORD_RESET_LIMIT
    assert reset(Client(REMOTE_ADDR="198.51.100.7"), users[-1].email).status_code == 302


def test_password_reset_is_throttled_per_email_address(settings, fresh_cache):
    user = UserFactory(username="anna")
    for n in range(settings.PASSWORD_RESET_LIMIT):
        assert reset(Client(REMOTE_ADDR=f"203.0.113.{n + 1}"), user.email).status_code == 302

    assert reset(Client(REMOTE_ADDR="198.51.100.7"), user.email.upper()).status_code == 429
    assert len(mail.outbox) == settings.PASSWORD_RESET_LIMIT


# --- sessions ----------------------------------------------------------------------------


def test_a_session_expires_after_the_idle_timeout_and_each_request_renews_it(client):
    client.force_login(UserFactory())
    response = client.get("/")
    assert response.cookies["sessionid"]["max-age"] == 30 * 60


def session_writes(client, url="/") -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    writes = [q for q in queries if "django_session" in q["sql"] and "SELECT" not in q["sql"]]
    return len(writes), response


def test_the_idle_timeout_is_renewed_at_most_once_a_minute_not_on_every_page(client):
    client.force_login(UserFactory())
    first, _ = session_writes(client)
    assert first == 1  # the first page stamps the session

    again, response = session_writes(client)
    assert again == 0  # a page within the minute writes nothing
    assert "sessionid" not in response.cookies
    assert response.status_code == 200

    session = client.session
    session[RENEWED_AT] = int(time.time()) - 61
    session.save()
    later, response = session_writes(client)
    assert later == 1  # a minute on, the timeout is pushed forward again
    assert response.cookies["sessionid"]["max-age"] == 30 * 60
    assert client.session.get_expiry_age() == 30 * 60


def test_a_session_ends_at_the_absolute_timeout_however_active(client, settings):
    client.force_login(UserFactory())
    assert signed_in(client)
    session = client.session
    session[SIGNED_IN_AT] = int(time.time()) - settings.SESSION_ABSOLUTE_TIMEOUT - 60
    session.save()

    response = client.get("/")

    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert not signed_in(client)


def test_a_recent_session_stays(client):
    client.force_login(UserFactory())
    session = client.session
    session[SIGNED_IN_AT] = int(time.time()) - 3600
    session.save()
    assert signed_in(client)


def test_changing_the_password_ends_the_users_other_sessions():
    user = UserFactory()
    here, elsewhere = Client(), Client()
    here.force_login(user)
    elsewhere.force_login(user)

    response = here.post(
        "/accounts/password_change/",
        {
            "old_password": PASSWORD,
            "new_password1": "uusi-Salasana-2026",
            "new_password2": "uusi-Salasana-2026",
        },
    )

    assert response.status_code == 302
    assert signed_in(here)
    assert not signed_in(elsewhere)


def test_a_deactivated_users_session_stops_at_the_next_request(client):
    user = UserFactory()
    client.force_login(user)
    assert signed_in(client)
    user.is_active = False
    user.save()
    assert not signed_in(client)


def test_signing_out_ends_the_session(client):
    client.force_login(UserFactory())
    cookie = client.cookies["sessionid"].value
    client.post("/accounts/logout/")
    stolen = Client()
    stolen.cookies["sessionid"] = cookie
    assert not signed_in(stolen)


# --- caching -----------------------------------------------------------------------------


def test_a_signed_in_page_is_never_stored(client):
    client.force_login(UserFactory())
    cache_control = client.get("/").headers["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control


# --- password hashing ----------------------------------------------------------------------


def test_passwords_are_hashed_with_argon2_in_production():
    # conftest.py switches the suite to MD5 for speed; the settings module keeps argon2 first.
    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_argon2_hashes_and_checks(settings):
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    hashed = make_password("salasana")
    assert hashed.startswith("argon2$")
    assert check_password("salasana", hashed)
