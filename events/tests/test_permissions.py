"""Who gets which answer from which events page: one row per (role, route, method), run by
espoo_intl.testing.matrix_test. Records out of a user's sight answer 404, records the user
may read but not change 403, anonymous users go to the login page. The page's actions are
POST-only; an empty POST by someone allowed meets the form's errors (400), except where
the form is valid empty (the assessment, a checklist tick: 302)."""

from espoo_intl.testing import expect, matrix_test, row
from events.choices import EventState
from events.tests.factories import EventFactory

RECORDS = {
    # Proposed, owned by staff's department.
    "event": lambda ctx: EventFactory(owning_unit=ctx["unit"], name="Oman toimialan tapahtuma"),
    # Proposed, owned by the other department.
    "other_event": lambda ctx: EventFactory(
        owning_unit=ctx["other_unit"], name="Toisen toimialan tapahtuma"
    ),
    # Confidential, owned by staff's department, proposed by kv-tiimi: only the department's
    # international contact (and kv-tiimi, administrators) see it.
    "confidential": lambda ctx: EventFactory(
        owning_unit=ctx["unit"], name="Luottamuksellinen", confidential=True, created_by=ctx["kv"]
    ),
    # Reported (closed), owned by staff's department.
    "closed": lambda ctx: EventFactory(
        owning_unit=ctx["unit"], name="Raportoitu tapahtuma", state=EventState.REPORTED
    ),
    # A checklist point of the event named before it.
    "item": lambda ctx: _last_event(ctx).checklist.first(),
}


def _last_event(ctx):
    return next(ctx[name] for name in reversed(ctx) if name in ("event", "other_event", "closed", "confidential"))  # fmt: skip


READ = expect(200)
NO_POST = expect(405)
EDITORS = dict(staff=200, contact=200, kv=200, administrator=200)
OTHER_EDITORS = dict(other_staff=200, other_contact=200, kv=200, administrator=200)
EDIT_OWN = expect(403, **EDITORS)
EDIT_OTHER = expect(403, **OTHER_EDITORS)
FORM_OWN = expect(403, **dict.fromkeys(EDITORS, 400))
DONE_OWN = expect(403, **dict.fromkeys(EDITORS, 302))
FORM_OTHER = expect(403, **dict.fromkeys(OTHER_EDITORS, 400))
KV_FORM = expect(403, kv=400, administrator=400)
DELETE_PAGE = expect(403, kv=200, administrator=200)
DELETE_DONE = expect(403, kv=302, administrator=302)
SEE_CONFIDENTIAL = expect(404, contact=200, kv=200, administrator=200)
CONFIDENTIAL_FORM = expect(404, contact=400, kv=400, administrator=400)
CONFIDENTIAL_KV_FORM = expect(404, contact=403, kv=400, administrator=400)
CLOSED_EDIT = expect(403, **dict.fromkeys(EDITORS, 400))  # the editors learn it is closed

MATRIX = [
    row("GET", "/events/", READ),
    row("POST", "/events/", NO_POST),
    row("GET", "/events/new/", expect(200, lead=403)),
    row("POST", "/events/new/", expect(200, lead=403)),
    # Own department's proposed event.
    row("GET", "/events/{event}/", READ),
    row("POST", "/events/{event}/", NO_POST),
    row("GET", "/events/{event}/edit/", EDIT_OWN),
    row("POST", "/events/{event}/edit/", EDIT_OWN),
    row("GET", "/events/{event}/delete/", DELETE_PAGE),
    row("POST", "/events/{event}/delete/", DELETE_DONE),
    row("GET", "/events/{event}/transition/", NO_POST),
    row("POST", "/events/{event}/transition/", FORM_OWN),
    row("GET", "/events/{event}/assess/", NO_POST),
    row("POST", "/events/{event}/assess/", DONE_OWN),
    row("GET", "/events/{event}/decide/", NO_POST),
    row("POST", "/events/{event}/decide/", KV_FORM),
    row("GET", "/events/{event}/background-check/", NO_POST),
    row("POST", "/events/{event}/background-check/", KV_FORM),
    row("GET", "/events/{event}/agreement/", NO_POST),
    row("POST", "/events/{event}/agreement/", FORM_OWN),
    row("GET", "/events/{event}/checklist/{item}/", NO_POST),
    row("POST", "/events/{event}/checklist/{item}/", DONE_OWN),
    # The other department's event.
    row("GET", "/events/{other_event}/", READ),
    row("GET", "/events/{other_event}/edit/", EDIT_OTHER),
    row("POST", "/events/{other_event}/edit/", EDIT_OTHER),
    row("POST", "/events/{other_event}/delete/", DELETE_DONE),
    row("POST", "/events/{other_event}/transition/", FORM_OTHER),
    row("POST", "/events/{other_event}/agreement/", FORM_OTHER),
    row("POST", "/events/{other_event}/decide/", KV_FORM),
    # Own department's confidential event.
    row("GET", "/events/{confidential}/", SEE_CONFIDENTIAL),
    row("GET", "/events/{confidential}/edit/", SEE_CONFIDENTIAL),
    row("POST", "/events/{confidential}/transition/", CONFIDENTIAL_FORM),
    row("POST", "/events/{confidential}/decide/", CONFIDENTIAL_KV_FORM),
    row("POST", "/events/{confidential}/background-check/", CONFIDENTIAL_KV_FORM),
    row(
        "GET", "/events/{confidential}/delete/", expect(404, contact=403, kv=200, administrator=200)
    ),  # fmt: skip
    # A reported (closed) event: read-only for everyone.
    row("GET", "/events/{closed}/", READ),
    row("GET", "/events/{closed}/edit/", CLOSED_EDIT),
    row("POST", "/events/{closed}/edit/", CLOSED_EDIT),
    row("POST", "/events/{closed}/transition/", expect(403)),
    row("POST", "/events/{closed}/assess/", CLOSED_EDIT),
    row("POST", "/events/{closed}/agreement/", CLOSED_EDIT),
    row("POST", "/events/{closed}/decide/", KV_FORM),
    row("POST", "/events/{closed}/checklist/{item}/", CLOSED_EDIT),
]

test_permissions = matrix_test(MATRIX, RECORDS)
