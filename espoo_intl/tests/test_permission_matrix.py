"""Who gets which answer from which page: one row per (role, route, method), pretix-style.

A later register joins by adding its records to RECORDS and its routes to MATRIX.
Records out of a user's sight answer 404 (their existence does not leak); records the
user may read but not change answer 403; anonymous users are sent to the login page
(except on the calendar feed, which needs no sign-in).
"""

import string

import pytest

from visits.tests.factories import VisitFactory
from visits.tests.request_factories import VisitRequestFactory

SIGNED_IN = ("staff", "other_staff", "contact", "other_contact", "kv", "lead", "administrator")


def expect(default: int, *, anonymous: int = 302, **by_role: int) -> dict[str, int]:
    """Every signed-in role gets `default` unless named; anonymous is sent to log in (302)
    unless the route needs no sign-in."""
    assert set(by_role) <= set(SIGNED_IN), f"unknown roles: {set(by_role) - set(SIGNED_IN)}"
    return {"anonymous": anonymous} | {role: by_role.get(role, default) for role in SIGNED_IN}


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
    # Visit request: non-confidential, hosted by staff's department, nobody responsible yet.
    "request": lambda ctx: VisitRequestFactory(
        host_unit=ctx["unit"], subject="Oman toimialan vierailupyyntö"
    ),
    # Visit request: confidential, hosted by the other department, other_staff responsible.
    "confidential_request": lambda ctx: VisitRequestFactory(
        host_unit=ctx["other_unit"],
        subject="Luottamuksellinen vierailupyyntö",
        confidential=True,
        responsible=ctx["other_staff"],
    ),
    # Visit request: confidential, registered by staff, not yet routed (no host unit). Who
    # registered it keeps seeing it, but does not edit it.
    "registered_request": lambda ctx: VisitRequestFactory(
        host_unit=None,
        subject="Henkilökunnan kirjaama luottamuksellinen pyyntö",
        confidential=True,
        created_by=ctx["staff"],
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

# Visit requests. The request page's actions are POST-only. Each looks the request up among
# those the user sees (404 otherwise), then checks that the user may take that action at all
# (403 otherwise), and only then reads the form: an empty POST by someone allowed meets an
# invalid form and gets the request page again with status 400. Triage and protocol have
# forms that are valid empty, so allowed users get 302 (an empty evaluation is saved).
KV_ONLY_FORM = expect(403, kv=400, administrator=400)  # transition from "received", route
TRIAGE = expect(403, kv=302, administrator=302)
# request: hosted by staff's department, nobody responsible; its editors are the department's
# staff and contact, kv, admin.
EDITORS_OWN_FORM = expect(403, staff=400, contact=400, kv=400, administrator=400)
PROTOCOL_OWN = expect(403, staff=302, contact=302, kv=302, administrator=302)
# Guest lists follow the confidential rule whatever the request's flag (404 for the rest).
GUESTS_OWN = expect(404, contact=400, kv=400, administrator=400)
# confidential_request: seen (and edited) by its responsible person (other_staff), the host
# department's contact, kv, admin; the same people see its guest list. The responsible person
# may cancel it; routing is kv-tiimi's.
CONFIDENTIAL_REQUEST_TRANSITION = expect(
    404, other_staff=400, other_contact=403, kv=400, administrator=400
)
CONFIDENTIAL_REQUEST_ROUTE = expect(
    404, other_staff=403, other_contact=403, kv=400, administrator=400
)
CONFIDENTIAL_REQUEST_FORM = expect(
    404, other_staff=400, other_contact=400, kv=400, administrator=400
)
CONFIDENTIAL_REQUEST_TRIAGE = expect(
    404, other_staff=403, other_contact=403, kv=302, administrator=302
)
CONFIDENTIAL_REQUEST_PROTOCOL = expect(
    404, other_staff=302, other_contact=302, kv=302, administrator=302
)
# registered_request: seen by whoever registered it (staff), kv, admin; changed by kv, admin.
SEE_REGISTERED = expect(404, staff=200, kv=200, administrator=200)
EDIT_REGISTERED = expect(404, staff=403, kv=200, administrator=200)
REGISTERED_FORM = expect(404, staff=403, kv=400, administrator=400)
REGISTERED_ACTION = expect(404, staff=403, kv=302, administrator=302)  # triage, protocol
REGISTERED_GUESTS = expect(404, kv=400, administrator=400)  # the registrant sees no guests

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
    # Visit requests: anyone signed in may register one.
    ("GET", "/requests/", READ),
    ("POST", "/requests/", NO_POST),
    ("GET", "/requests/new/", READ),
    ("POST", "/requests/new/", READ),
    # Own department's request.
    ("GET", "/requests/{request}/", READ),
    ("POST", "/requests/{request}/", NO_POST),
    ("GET", "/requests/{request}/edit/", EDIT_OWN),
    ("POST", "/requests/{request}/edit/", EDIT_OWN),
    ("GET", "/requests/{request}/transition/", NO_POST),
    ("POST", "/requests/{request}/transition/", KV_ONLY_FORM),
    ("POST", "/requests/{request}/triage/", TRIAGE),
    ("POST", "/requests/{request}/route/", KV_ONLY_FORM),
    ("POST", "/requests/{request}/protocol/kv/", PROTOCOL_OWN),
    ("POST", "/requests/{request}/gifts/", EDITORS_OWN_FORM),
    ("POST", "/requests/{request}/guests/", GUESTS_OWN),
    ("POST", "/requests/{request}/attachments/", EDITORS_OWN_FORM),
    # The other department's confidential request.
    ("GET", "/requests/{confidential_request}/", SEE_OTHER_CONFIDENTIAL),
    ("POST", "/requests/{confidential_request}/", NO_POST),
    ("GET", "/requests/{confidential_request}/edit/", SEE_OTHER_CONFIDENTIAL),
    ("POST", "/requests/{confidential_request}/edit/", SEE_OTHER_CONFIDENTIAL),
    ("POST", "/requests/{confidential_request}/transition/", CONFIDENTIAL_REQUEST_TRANSITION),
    ("POST", "/requests/{confidential_request}/triage/", CONFIDENTIAL_REQUEST_TRIAGE),
    ("POST", "/requests/{confidential_request}/route/", CONFIDENTIAL_REQUEST_ROUTE),
    ("POST", "/requests/{confidential_request}/protocol/kv/", CONFIDENTIAL_REQUEST_PROTOCOL),
    ("POST", "/requests/{confidential_request}/gifts/", CONFIDENTIAL_REQUEST_FORM),
    ("POST", "/requests/{confidential_request}/guests/", CONFIDENTIAL_REQUEST_FORM),
    ("POST", "/requests/{confidential_request}/attachments/", CONFIDENTIAL_REQUEST_FORM),
    # A confidential request staff registered, not yet routed.
    ("GET", "/requests/{registered_request}/", SEE_REGISTERED),
    ("POST", "/requests/{registered_request}/", NO_POST),
    ("GET", "/requests/{registered_request}/edit/", EDIT_REGISTERED),
    ("POST", "/requests/{registered_request}/edit/", EDIT_REGISTERED),
    ("POST", "/requests/{registered_request}/transition/", REGISTERED_FORM),
    ("POST", "/requests/{registered_request}/triage/", REGISTERED_ACTION),
    ("POST", "/requests/{registered_request}/route/", REGISTERED_FORM),
    ("POST", "/requests/{registered_request}/protocol/kv/", REGISTERED_ACTION),
    ("POST", "/requests/{registered_request}/gifts/", REGISTERED_FORM),
    ("POST", "/requests/{registered_request}/guests/", REGISTERED_GUESTS),
    ("POST", "/requests/{registered_request}/attachments/", REGISTERED_FORM),
    # kv-tiimi's dashboard is for kv-tiimi, leadership and administrators; the calendar for all.
    ("GET", "/dashboard/", expect(403, kv=200, lead=200, administrator=200)),
    ("GET", "/calendar/", READ),
    # The feed needs no sign-in: an unknown key is simply not found, for anyone.
    ("GET", "/calendar/feed/nonsense.ics", expect(404, anonymous=404)),
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
