"""Who gets which answer from which page: one row per (role, route, method), pretix-style.

A later register joins by adding its records to RECORDS and its routes to MATRIX.
Records out of a user's sight answer 404 (their existence does not leak); records the
user may read but not change answer 403; anonymous users are sent to the login page.
"""

import string

import pytest

from visits.tests.factories import VisitFactory

SIGNED_IN = ("staff", "other_staff", "contact", "other_contact", "kv", "lead", "administrator")


def expect(default: int, **by_role: int) -> dict[str, int]:
    """Every signed-in role gets `default` unless named; anonymous is always sent to log in."""
    assert set(by_role) <= set(SIGNED_IN), f"unknown roles: {set(by_role) - set(SIGNED_IN)}"
    return {"anonymous": 302} | {role: by_role.get(role, default) for role in SIGNED_IN}


# The records the routes point at, built only for the cases that name them. A builder gets
# the role users (`users` fixture) plus "unit" (staff's) and "other_unit" (other_staff's).
RECORDS = {
    # Non-confidential, hosted by staff's department.
    "visit": lambda ctx: VisitFactory(host_unit=ctx["unit"], title="Oman toimialan vierailu"),
    # Non-confidential, hosted by the other department.
    "other_visit": lambda ctx: VisitFactory(
        host_unit=ctx["other_unit"], title="Toisen toimialan vierailu"
    ),
    # Confidential, hosted by the other department, other_staff responsible.
    "other_confidential": lambda ctx: VisitFactory(
        host_unit=ctx["other_unit"],
        title="Luottamuksellinen arvovierailu",
        kind="dignitary",
        dignitary_rank="ambassador",
        confidential=True,
        responsible=ctx["other_staff"],
    ),
    # Confidential, hosted by staff's own department, nobody responsible: being in the
    # department is not enough, only its international contact sees it.
    "own_confidential": lambda ctx: VisitFactory(
        host_unit=ctx["unit"], title="Oman toimialan luottamuksellinen vierailu", confidential=True
    ),
}

# Who may do what with a record, by how the record stands to the roles.
READ = expect(200)
NO_POST = expect(405)
EDIT_OWN = expect(403, staff=200, contact=200, kv=200, administrator=200)
EDIT_OTHER = expect(403, other_staff=200, other_contact=200, kv=200, administrator=200)
DELETE_PAGE = expect(403, kv=200, administrator=200)
DELETE_DONE = expect(403, kv=302, administrator=302)  # 302: deleted, back to the list
# other_confidential: seen by its responsible person, the host department's contact, kv, admin.
SEE_OTHER_CONFIDENTIAL = expect(404, other_staff=200, other_contact=200, kv=200, administrator=200)
DELETE_OTHER_CONFIDENTIAL_PAGE = expect(
    404, other_staff=403, other_contact=403, kv=200, administrator=200
)
DELETE_OTHER_CONFIDENTIAL = expect(
    404, other_staff=403, other_contact=403, kv=302, administrator=302
)
# own_confidential: seen by the host department's contact, kv, admin.
SEE_OWN_CONFIDENTIAL = expect(404, contact=200, kv=200, administrator=200)
DELETE_OWN_CONFIDENTIAL_PAGE = expect(404, contact=403, kv=200, administrator=200)
DELETE_OWN_CONFIDENTIAL = expect(404, contact=403, kv=302, administrator=302)

# (method, route, {role: status}). `{name}` in a route is the pk of RECORDS[name].
# An edit or add POST carries an empty form: 200 means the form came back with its errors.
MATRIX = [
    ("GET", "/visits/", READ),
    ("POST", "/visits/", NO_POST),
    ("GET", "/visits/new/", expect(200, lead=403)),
    ("POST", "/visits/new/", expect(200, lead=403)),
    # Own department's visit.
    ("GET", "/visits/{visit}/", READ),
    ("POST", "/visits/{visit}/", NO_POST),
    ("GET", "/visits/{visit}/edit/", EDIT_OWN),
    ("POST", "/visits/{visit}/edit/", EDIT_OWN),
    ("GET", "/visits/{visit}/delete/", DELETE_PAGE),
    ("POST", "/visits/{visit}/delete/", DELETE_DONE),
    # The other department's visit.
    ("GET", "/visits/{other_visit}/", READ),
    ("POST", "/visits/{other_visit}/", NO_POST),
    ("GET", "/visits/{other_visit}/edit/", EDIT_OTHER),
    ("POST", "/visits/{other_visit}/edit/", EDIT_OTHER),
    ("GET", "/visits/{other_visit}/delete/", DELETE_PAGE),
    ("POST", "/visits/{other_visit}/delete/", DELETE_DONE),
    # The other department's confidential visit.
    ("GET", "/visits/{other_confidential}/", SEE_OTHER_CONFIDENTIAL),
    ("POST", "/visits/{other_confidential}/", NO_POST),
    ("GET", "/visits/{other_confidential}/edit/", SEE_OTHER_CONFIDENTIAL),
    ("POST", "/visits/{other_confidential}/edit/", SEE_OTHER_CONFIDENTIAL),
    ("GET", "/visits/{other_confidential}/delete/", DELETE_OTHER_CONFIDENTIAL_PAGE),
    ("POST", "/visits/{other_confidential}/delete/", DELETE_OTHER_CONFIDENTIAL),
    # Own department's confidential visit.
    ("GET", "/visits/{own_confidential}/", SEE_OWN_CONFIDENTIAL),
    ("GET", "/visits/{own_confidential}/edit/", SEE_OWN_CONFIDENTIAL),
    ("POST", "/visits/{own_confidential}/edit/", SEE_OWN_CONFIDENTIAL),
    ("GET", "/visits/{own_confidential}/delete/", DELETE_OWN_CONFIDENTIAL_PAGE),
    ("POST", "/visits/{own_confidential}/delete/", DELETE_OWN_CONFIDENTIAL),
    # The admin is for administrators only; everyone else goes to the admin's login.
    ("GET", "/admin/", expect(302, administrator=200)),
]

CASES = [
    pytest.param(role, method, route, status, id=f"{method} {route} {role}")
    for method, route, statuses in MATRIX
    for role, status in statuses.items()
]


def _record_names(route: str) -> list[str]:
    return [name for _text, name, _spec, _conv in string.Formatter().parse(route) if name]


def _login_url(route: str) -> str:
    return "/admin/login/" if route.startswith("/admin/") else "/accounts/login/"


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "method", "route", "expected"), CASES)
def test_role_gets_expected_status(
    role, method, route, expected, users, unit, other_unit, client_for
):
    ctx = users | {"unit": unit, "other_unit": other_unit}
    records = {name: RECORDS[name](ctx) for name in _record_names(route)}
    url = route.format(**{name: record.pk for name, record in records.items()})

    client = client_for(users[role])
    response = client.get(url) if method == "GET" else client.post(url)

    assert response.status_code == expected
    if expected == 302 and (role == "anonymous" or route.startswith("/admin/")):
        assert response["Location"].startswith(_login_url(route))
    # Only an allowed delete removes the record; every refused or empty POST leaves it.
    deleted = route.endswith("/delete/") and method == "POST" and expected == 302
    deleted = deleted and role != "anonymous"
    for record in records.values():
        assert type(record).objects.filter(pk=record.pk).exists() is not deleted
