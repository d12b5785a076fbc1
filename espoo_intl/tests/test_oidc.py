"""Single sign-on over OpenID Connect (espoo_intl/oidc.py) against a small provider started on
loopback (oidc_provider.py): the portal sends the browser there, gets a code back, fetches
and checks the signed ID token and the user's claims, and creates or updates the account
with the roles and unit its groups map to. Local accounts keep working."""

import http.client
from urllib.parse import parse_qs, urlsplit

import pytest

from espoo_intl.roles import Role
from espoo_intl.testing import spare_port
from espoo_intl.tests.browser import PASSWORD
from espoo_intl.tests.factories import OrgUnitFactory
from espoo_intl.tests.oidc_provider import OidcProvider

pytestmark = pytest.mark.django_db

BACKEND = "espoo_intl.oidc.PortalOIDCBackend"
GROUP_ROLES = {
    "sg-kv-tiimi": Role.KV_TEAM.value,
    "sg-kv-yhteyshenkilot": Role.CONTACT.value,
    "sg-henkilosto": Role.STAFF.value,
}
SSO_BUTTON = 'id="sso-sign-in"'


@pytest.fixture
def school_unit(department):
    return OrgUnitFactory(
        kind="unit", parent=department, name_fi="Opetus (SSO-testi)", abbreviation="OPE-T"
    )


@pytest.fixture
def provider(settings, school_unit):
    with OidcProvider(client_id="kv-portal", client_secret="test-secret") as op:
        settings.OIDC_ENABLED = True
        settings.OIDC_RP_CLIENT_ID = op.client_id
        settings.OIDC_RP_CLIENT_SECRET = op.client_secret
        for name, url in op.endpoints.items():
            setattr(settings, name, url)
        settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, BACKEND]
        settings.OIDC_GROUP_ROLES = GROUP_ROLES
        settings.OIDC_GROUP_UNITS = {"sg-opetus": "OPE-T"}
        yield op


def claims(username: str, *groups: str) -> dict:
    return {
        "sub": f"sub-{username}",
        "preferred_username": username,
        "email": f"{username}@espoo.fi",
        "given_name": "Maija",
        "family_name": "Meikäläinen",
        "groups": list(groups),
    }


def sign_in_through(client, provider, who: dict):
    """The browser's round trip: portal -> provider (signs `who` in) -> portal's callback."""
    provider.next_claims = who
    start = client.get("/oidc/authenticate/")
    assert start.status_code == 302
    authorize = urlsplit(start["Location"])
    assert f"{authorize.scheme}://{authorize.netloc}" == provider.url
    connection = http.client.HTTPConnection(authorize.hostname, authorize.port, timeout=10)
    connection.request("GET", f"{authorize.path}?{authorize.query}")
    answer = connection.getresponse()
    assert answer.status == 302
    back = urlsplit(answer.getheader("Location"))
    connection.close()
    assert back.path == "/oidc/callback/"
    return client.get(f"{back.path}?{back.query}")


def role_names(user) -> set[str]:
    return set(user.groups.filter(name__in=Role.values).values_list("name", flat=True))


def test_signing_in_through_the_provider_creates_the_user_with_the_mapped_role_and_unit(
    client, provider, school_unit, django_user_model
):
    response = sign_in_through(client, provider, claims("maija.m", "sg-henkilosto", "sg-opetus"))

    assert response.status_code == 302
    assert response["Location"] == "/"
    user = django_user_model.objects.get(username="maija.m")
    assert role_names(user) == {Role.STAFF.value}
    assert user.unit == school_unit
    assert (user.email, user.first_name, user.last_name) == (
        "maija.m@espoo.fi",
        "Maija",
        "Meikäläinen",
    )
    assert not user.has_usable_password()
    assert not user.is_staff
    home = client.get("/")
    assert home.status_code == 200
    assert "Maija" in home.content.decode()


def test_signing_in_again_updates_an_existing_account_from_its_groups(
    client, provider, staff, school_unit
):
    """A local account with the provider's username is the same person: the provider's
    groups now decide its roles (unit staff taken away, kv-tiimi given) and unit."""
    response = sign_in_through(client, provider, claims(staff.username.upper(), "sg-kv-tiimi", "sg-opetus"))  # fmt: skip

    assert response.status_code == 302
    staff.refresh_from_db()
    assert role_names(staff) == {Role.KV_TEAM.value}
    assert staff.unit == school_unit
    assert staff.email == f"{staff.username.upper()}@espoo.fi"
    assert client.get("/dashboard/").status_code == 200  # kv-tiimi's page


def test_a_group_the_configuration_does_not_name_gives_no_role(client, provider, django_user_model):
    response = sign_in_through(client, provider, claims("outsider", "sg-unknown", "Domain Users"))

    assert response.status_code == 302
    user = django_user_model.objects.get(username="outsider")
    assert role_names(user) == set()
    assert user.unit is None
    assert client.get("/dashboard/").status_code == 403


def test_an_id_token_not_signed_by_the_provider_signs_nobody_in(
    client, provider, django_user_model
):
    provider.forge()

    response = sign_in_through(client, provider, claims("mallory", "sg-kv-tiimi"))

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?sso=failed"
    assert not django_user_model.objects.filter(username="mallory").exists()
    client.cookies["django_language"] = "en"
    page = client.get(response["Location"])
    assert "did not succeed" in page.content.decode()
    assert client.get("/").status_code == 302  # still signed out


def test_a_deactivated_account_is_not_signed_in_by_the_provider(client, provider, staff):
    staff.is_active = False
    staff.save()

    response = sign_in_through(client, provider, claims(staff.username, "sg-kv-tiimi"))

    assert response["Location"] == "/accounts/login/?sso=failed"
    staff.refresh_from_db()
    assert role_names(staff) == {Role.STAFF.value}


def test_local_accounts_sign_in_with_a_password_beside_single_sign_on(client, provider, staff):
    page = client.get("/accounts/login/")
    assert SSO_BUTTON in page.content.decode()

    response = client.post("/accounts/login/", {"username": staff.username, "password": PASSWORD})

    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_single_sign_on_is_off_by_default(client, staff):
    assert SSO_BUTTON not in client.get("/accounts/login/").content.decode()
    assert client.get("/oidc/authenticate/").status_code == 404
    assert client.get("/oidc/callback/?code=x&state=y").status_code == 404
    response = client.post("/accounts/login/", {"username": staff.username, "password": PASSWORD})
    assert response.status_code == 302


def test_a_provider_that_does_not_answer_gives_the_sign_in_page_not_an_error(
    client, provider, settings
):
    start = client.get("/oidc/authenticate/")
    [state] = parse_qs(urlsplit(start["Location"]).query)["state"]
    settings.OIDC_OP_TOKEN_ENDPOINT = f"http://127.0.0.1:{spare_port()}/token"

    response = client.get(f"/oidc/callback/?code=anything&state={state}")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?sso=failed"


def test_the_administrator_group_gives_the_admin_and_taking_it_away_takes_the_admin(
    client, provider, settings, django_user_model
):
    settings.OIDC_GROUP_ROLES = {**GROUP_ROLES, "sg-portal-admins": Role.ADMINISTRATOR.value}

    sign_in_through(client, provider, claims("admin.a", "sg-portal-admins"))
    user = django_user_model.objects.get(username="admin.a")
    assert role_names(user) == {Role.ADMINISTRATOR.value}
    assert user.is_staff
    assert client.get("/admin/").status_code == 200

    client.post("/accounts/logout/")
    sign_in_through(client, provider, claims("admin.a", "sg-henkilosto"))
    user.refresh_from_db()
    assert role_names(user) == {Role.STAFF.value}
    assert not user.is_staff
    assert client.get("/admin/").status_code == 302


def test_claims_that_make_no_valid_account_give_the_sign_in_page_not_an_error(
    client, provider, django_user_model
):
    response = sign_in_through(client, provider, claims("not a <valid> username", "sg-henkilosto"))

    assert response["Location"] == "/accounts/login/?sso=failed"
    assert not django_user_model.objects.filter(first_name="Maija").exists()
