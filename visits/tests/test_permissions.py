"""Who gets which answer from which visits page: one row per (role, route, method),
pretix-style, run by espoo_intl.testing.matrix_test.

Records out of a user's sight answer 404 (their existence does not leak); records the
user may read but not change answer 403; anonymous users are sent to the login page
(except on the calendar feed, which needs no sign-in). Every URL pattern the app declares
needs a row here (espoo_intl/tests/test_url_coverage.py).
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from espoo_intl.attachments import Attachment, attachment_store
from espoo_intl.testing import expect, matrix_test, row
from visits.choices import RequestState
from visits.tests.factories import VisitFactory
from visits.tests.request_factories import (
    ChecklistItemFactory,
    GuestFactory,
    VisitRequestFactory,
)


def _attachment(visit_request) -> Attachment:
    letter = SimpleUploadedFile("kutsukirje.pdf", b"%PDF-1.4\n", content_type="application/pdf")
    return attachment_store(visit_request, actor=None, file=letter)


# The records the routes point at, built only for the cases that name them. A builder gets
# the role users (`users` fixture) plus "unit" (staff's) and "other_unit" (other_staff's),
# and the records the route names before it.
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
    "visit_request": lambda ctx: VisitRequestFactory(
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
    # Visit request: debriefed (closed, read-only), hosted by staff's department.
    "closed_request": lambda ctx: VisitRequestFactory(
        host_unit=ctx["unit"], subject="Päättynyt vierailupyyntö", state=RequestState.DEBRIEFED
    ),
    # A checklist item of the visit named first in the route (a visit logged directly).
    "visit_item": lambda ctx: ChecklistItemFactory(
        visit=next(ctx[n] for n in ("visit", "other_confidential") if n in ctx),
        visit_request=None,
    ),
    # What hangs on the request named before it in the route.
    "item": lambda ctx: ChecklistItemFactory(visit_request=_last_request(ctx)),
    "guest": lambda ctx: GuestFactory(visit_request=_last_request(ctx), name="Anna Andersson"),
    "attachment": lambda ctx: _attachment(_last_request(ctx)),
    # Attachments of the requests above, downloaded through the core's /attachments/<pk>/.
    "request_letter": lambda ctx: _attachment(RECORDS["visit_request"](ctx)),
    "confidential_letter": lambda ctx: _attachment(RECORDS["confidential_request"](ctx)),
    "registered_letter": lambda ctx: _attachment(RECORDS["registered_request"](ctx)),
}


def _last_request(ctx):
    return next(ctx[name] for name in reversed(ctx) if name.endswith("request") and name in RECORDS)


# Who may do what with a record, by how the record stands to the roles.
READ = expect(200)
NO_POST = expect(405)  # the method is not allowed (checked before the record)
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

# A visit's checklist: added (302) and ticked by the visit's editors; an empty item form or
# nothing selected is refused (400).
VISIT_EDITORS_OWN = expect(403, staff=302, contact=302, kv=302, administrator=302)
VISIT_EDITORS_OWN_FORM = expect(403, staff=400, contact=400, kv=400, administrator=400)
VISIT_EDITORS_OTHER_CONFIDENTIAL = expect(
    404, other_staff=302, other_contact=302, kv=302, administrator=302
)
VISIT_EDITORS_OTHER_CONFIDENTIAL_FORM = expect(
    404, other_staff=400, other_contact=400, kv=400, administrator=400
)

# Visit requests. The request page's actions are POST-only. Each looks the request up among
# those the user sees (404 otherwise), then checks that the user may take that action at all
# (403 otherwise), and only then reads the form: an empty POST by someone allowed meets an
# invalid form and gets the request page again with status 400. Triage and protocol have
# forms that are valid empty, so allowed users get 302 (an empty evaluation is saved).
KV_ONLY_FORM = expect(403, kv=400, administrator=400)  # transition from "received", route
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
    404, other_staff=403, other_contact=400, kv=400, administrator=400
)
CONFIDENTIAL_REQUEST_FORM = expect(
    404, other_staff=400, other_contact=400, kv=400, administrator=400
)
CONFIDENTIAL_REQUEST_TRIAGE = expect(
    404, other_staff=403, other_contact=302, kv=302, administrator=302
)
# A department's kv-yhteyshenkilö coordinates its own requests that are not city-level.
COORDINATOR_ACTION = expect(403, contact=302, kv=302, administrator=302)
COORDINATOR_FORM = expect(403, contact=400, kv=400, administrator=400)
CONFIDENTIAL_REQUEST_PROTOCOL = expect(
    404, other_staff=302, other_contact=302, kv=302, administrator=302
)
# registered_request: seen by whoever registered it (staff), kv, admin; changed by kv, admin.
SEE_REGISTERED = expect(404, staff=200, kv=200, administrator=200)
EDIT_REGISTERED = expect(404, staff=403, kv=200, administrator=200)
REGISTERED_FORM = expect(404, staff=403, kv=400, administrator=400)
REGISTERED_ACTION = expect(404, staff=403, kv=302, administrator=302)  # triage, protocol
REGISTERED_GUESTS = expect(404, kv=400, administrator=400)  # the registrant sees no guests
GUEST_DELETE_OWN = expect(404, contact=302, kv=302, administrator=302)
GUEST_DELETE_OTHER = expect(404, other_staff=302, other_contact=302, kv=302, administrator=302)
GUEST_DELETE_CLOSED = expect(404, contact=400, kv=400, administrator=400)
# The rule tables are kv-tiimi's (and the administrators').
RULES = expect(403, kv=200, administrator=200)
RULES_POST = expect(403, kv=400, administrator=400)

# (method, route, {role: status}). `{name}` in a route is the pk of RECORDS[name].
# An edit or add POST carries an empty form: 200 means the form came back with its errors.
MATRIX = [
    row("GET", "/visits/", READ),
    row("POST", "/visits/", NO_POST),
    row("GET", "/visits/new/", expect(200, lead=403)),
    row("POST", "/visits/new/", expect(200, lead=403)),
    # Own department's visit.
    row("GET", "/visits/{visit}/", READ),
    row("POST", "/visits/{visit}/", NO_POST),
    row("GET", "/visits/{visit}/edit/", EDIT_OWN),
    row("POST", "/visits/{visit}/edit/", EDIT_OWN),
    row("GET", "/visits/{visit}/delete/", DELETE_PAGE),
    row("POST", "/visits/{visit}/delete/", DELETE_DONE),
    # The other department's visit.
    row("GET", "/visits/{other_visit}/", READ),
    row("POST", "/visits/{other_visit}/", NO_POST),
    row("GET", "/visits/{other_visit}/edit/", EDIT_OTHER),
    row("POST", "/visits/{other_visit}/edit/", EDIT_OTHER),
    row("GET", "/visits/{other_visit}/delete/", DELETE_PAGE),
    row("POST", "/visits/{other_visit}/delete/", DELETE_DONE),
    # The other department's confidential visit.
    row("GET", "/visits/{other_confidential}/", SEE_OTHER_CONFIDENTIAL),
    row("POST", "/visits/{other_confidential}/", NO_POST),
    row("GET", "/visits/{other_confidential}/edit/", SEE_OTHER_CONFIDENTIAL),
    row("POST", "/visits/{other_confidential}/edit/", SEE_OTHER_CONFIDENTIAL),
    row("GET", "/visits/{other_confidential}/delete/", DELETE_OTHER_CONFIDENTIAL_PAGE),
    row("POST", "/visits/{other_confidential}/delete/", DELETE_OTHER_CONFIDENTIAL),
    # Own department's confidential visit.
    row("GET", "/visits/{own_confidential}/", SEE_OWN_CONFIDENTIAL),
    row("GET", "/visits/{own_confidential}/edit/", SEE_OWN_CONFIDENTIAL),
    row("POST", "/visits/{own_confidential}/edit/", SEE_OWN_CONFIDENTIAL),
    row("GET", "/visits/{own_confidential}/delete/", DELETE_OWN_CONFIDENTIAL_PAGE),
    row("POST", "/visits/{own_confidential}/delete/", DELETE_OWN_CONFIDENTIAL),
    # A visit's checklist (a visit logged directly).
    row("GET", "/visits/{visit}/checklist/", NO_POST),
    row("POST", "/visits/{visit}/checklist/", VISIT_EDITORS_OWN),
    row("POST", "/visits/{other_confidential}/checklist/", VISIT_EDITORS_OTHER_CONFIDENTIAL),
    row("POST", "/visits/{visit}/items/{visit_item}/", VISIT_EDITORS_OWN_FORM),
    row(
        "POST",
        "/visits/{other_confidential}/items/{visit_item}/",
        VISIT_EDITORS_OTHER_CONFIDENTIAL_FORM,
    ),
    row("POST", "/visits/{visit}/items/done/", VISIT_EDITORS_OWN_FORM),
    row("POST", "/visits/{other_confidential}/items/done/", VISIT_EDITORS_OTHER_CONFIDENTIAL_FORM),
    # Visit requests: anyone signed in may register one.
    row("GET", "/requests/", READ),
    row("POST", "/requests/", NO_POST),
    row("GET", "/requests/new/", READ),
    row("POST", "/requests/new/", READ),
    # Own department's request.
    row("GET", "/requests/{visit_request}/", READ),
    row("POST", "/requests/{visit_request}/", NO_POST),
    row("GET", "/requests/{visit_request}/edit/", EDIT_OWN),
    row("POST", "/requests/{visit_request}/edit/", EDIT_OWN),
    row("GET", "/requests/{visit_request}/transition/", NO_POST),
    row("POST", "/requests/{visit_request}/transition/", KV_ONLY_FORM),
    row("POST", "/requests/{visit_request}/triage/", COORDINATOR_ACTION),
    row("POST", "/requests/{visit_request}/route/", COORDINATOR_FORM),
    # Nobody is responsible yet: the coordinators may report, but are told to name one.
    row("POST", "/requests/{visit_request}/report-responsible/", COORDINATOR_FORM),
    row("POST", "/requests/{visit_request}/protocol/kv/", PROTOCOL_OWN),
    row("POST", "/requests/{visit_request}/gifts/", EDITORS_OWN_FORM),
    row("POST", "/requests/{visit_request}/guests/", GUESTS_OWN),
    row("POST", "/requests/{visit_request}/attachments/", EDITORS_OWN_FORM),
    # The other department's confidential request.
    row("GET", "/requests/{confidential_request}/", SEE_OTHER_CONFIDENTIAL),
    row("POST", "/requests/{confidential_request}/", NO_POST),
    row("GET", "/requests/{confidential_request}/edit/", SEE_OTHER_CONFIDENTIAL),
    row("POST", "/requests/{confidential_request}/edit/", SEE_OTHER_CONFIDENTIAL),
    row("POST", "/requests/{confidential_request}/transition/", CONFIDENTIAL_REQUEST_TRANSITION),
    row("POST", "/requests/{confidential_request}/triage/", CONFIDENTIAL_REQUEST_TRIAGE),
    row("POST", "/requests/{confidential_request}/route/", CONFIDENTIAL_REQUEST_ROUTE),
    row("POST", "/requests/{confidential_request}/protocol/kv/", CONFIDENTIAL_REQUEST_PROTOCOL),
    row("POST", "/requests/{confidential_request}/gifts/", CONFIDENTIAL_REQUEST_FORM),
    row("POST", "/requests/{confidential_request}/guests/", CONFIDENTIAL_REQUEST_FORM),
    row("POST", "/requests/{confidential_request}/attachments/", CONFIDENTIAL_REQUEST_FORM),
    # A confidential request staff registered, not yet routed.
    row("GET", "/requests/{registered_request}/", SEE_REGISTERED),
    row("POST", "/requests/{registered_request}/", NO_POST),
    row("GET", "/requests/{registered_request}/edit/", EDIT_REGISTERED),
    row("POST", "/requests/{registered_request}/edit/", EDIT_REGISTERED),
    row("POST", "/requests/{registered_request}/transition/", REGISTERED_FORM),
    row("POST", "/requests/{registered_request}/triage/", REGISTERED_ACTION),
    row("POST", "/requests/{registered_request}/route/", REGISTERED_FORM),
    row("POST", "/requests/{registered_request}/protocol/kv/", REGISTERED_ACTION),
    row("POST", "/requests/{registered_request}/gifts/", REGISTERED_FORM),
    row("POST", "/requests/{registered_request}/guests/", REGISTERED_GUESTS),
    row("POST", "/requests/{registered_request}/attachments/", REGISTERED_FORM),
    # Checklist items: the request's editors; an empty form is refused (400).
    row("POST", "/requests/{visit_request}/items/{item}/", EDITORS_OWN_FORM),
    row("POST", "/requests/{confidential_request}/items/{item}/", CONFIDENTIAL_REQUEST_FORM),
    row("POST", "/requests/{registered_request}/items/{item}/", REGISTERED_FORM),
    # Marking several items done: nothing selected is refused (400).
    row("POST", "/requests/{visit_request}/items/done/", EDITORS_OWN_FORM),
    row("POST", "/requests/{confidential_request}/items/done/", CONFIDENTIAL_REQUEST_FORM),
    row("POST", "/requests/{registered_request}/items/done/", REGISTERED_FORM),
    # Removing a guest: who sees the guest list (404 for the rest); 302: removed.
    row("GET", "/requests/{visit_request}/guests/{guest}/delete/", NO_POST),
    row("POST", "/requests/{visit_request}/guests/{guest}/delete/", GUEST_DELETE_OWN),
    row("POST", "/requests/{confidential_request}/guests/{guest}/delete/", GUEST_DELETE_OTHER),
    # A closed request is read-only: removing a guest is refused with a message (400).
    row("POST", "/requests/{closed_request}/guests/{guest}/delete/", GUEST_DELETE_CLOSED),
    # Attachments are downloaded by whoever sees the request they belong to.
    row("GET", "/attachments/{request_letter}/", READ),
    row("GET", "/attachments/{confidential_letter}/", SEE_OTHER_CONFIDENTIAL),
    row("GET", "/attachments/{registered_letter}/", SEE_REGISTERED),
    # kv-tiimi's rule tables: read and saved by kv-tiimi and administrators; an empty POST is
    # an incomplete formset (400).
    row("GET", "/requests/rules/protocol/", RULES),
    row("POST", "/requests/rules/protocol/", RULES_POST),
    row("GET", "/requests/rules/routing/", RULES),
    row("POST", "/requests/rules/routing/", RULES_POST),
    row("GET", "/requests/rules/checklist/", RULES),
    row("POST", "/requests/rules/checklist/", RULES_POST),
]

test_permissions = matrix_test(MATRIX, RECORDS)
