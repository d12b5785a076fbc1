"""Who gets which answer from which partnerships page (partners, partnerships, projects),
run by espoo_intl.testing.matrix_test. Records out of sight answer 404, records a user may
read but not change 403, anonymous users go to the login page."""

from espoo_intl.testing import expect, matrix_test, row
from partnerships.choices import PartnershipStatus
from partnerships.tests.factories import PartnerFactory, PartnershipFactory, ProjectFactory

RECORDS = {
    # Registered by staff (staff's department edits it).
    "partner": lambda ctx: PartnerFactory(created_by=ctx["staff"]),
    # Registered by other_staff.
    "other_partner": lambda ctx: PartnerFactory(created_by=ctx["other_staff"]),
    "partnership": lambda ctx: PartnershipFactory(owning_unit=ctx["unit"]),
    "other_partnership": lambda ctx: PartnershipFactory(owning_unit=ctx["other_unit"]),
    # Ended: closed, read-only.
    "ended": lambda ctx: PartnershipFactory(
        owning_unit=ctx["unit"], status=PartnershipStatus.ENDED
    ),  # fmt: skip
    "project": lambda ctx: ProjectFactory(lead_unit=ctx["unit"]),
    "other_project": lambda ctx: ProjectFactory(lead_unit=ctx["other_unit"]),
}

READ = expect(200)
NO_POST = expect(405)
ADD = expect(200, lead=403)  # an empty form comes back with its errors
EDIT_OWN = expect(403, staff=200, contact=200, kv=200, administrator=200)
EDIT_OTHER = expect(403, other_staff=200, other_contact=200, kv=200, administrator=200)
DELETE_PAGE = expect(403, kv=200, administrator=200)
DELETE_DONE = expect(403, kv=302, administrator=302)
FORM_OWN = expect(403, staff=400, contact=400, kv=400, administrator=400)  # empty form: 400
ACTION_OWN = expect(403, staff=302, contact=302, kv=302, administrator=302)  # valid empty
GET_ACTION = expect(405)

MATRIX = []
for base, own, other in (
    ("partners", "partner", "other_partner"),
    ("partnerships", "partnership", "other_partnership"),
    ("projects", "project", "other_project"),
):
    MATRIX += [
        row("GET", f"/{base}/", READ),
        row("POST", f"/{base}/", NO_POST),
        row("GET", f"/{base}/new/", ADD),
        row("POST", f"/{base}/new/", ADD),
        row("GET", f"/{base}/{{{own}}}/", READ),
        row("POST", f"/{base}/{{{own}}}/", NO_POST),
        row("GET", f"/{base}/{{{own}}}/edit/", EDIT_OWN),
        row("POST", f"/{base}/{{{own}}}/edit/", EDIT_OWN),
        row("GET", f"/{base}/{{{own}}}/delete/", DELETE_PAGE),
        row("POST", f"/{base}/{{{own}}}/delete/", DELETE_DONE),
        row("GET", f"/{base}/{{{other}}}/", READ),
        row("GET", f"/{base}/{{{other}}}/edit/", EDIT_OTHER),
        row("POST", f"/{base}/{{{other}}}/edit/", EDIT_OTHER),
        row("POST", f"/{base}/{{{other}}}/delete/", DELETE_DONE),
    ]

MATRIX += [
    row("GET", "/partnerships/{partnership}/transition/", GET_ACTION),
    row("POST", "/partnerships/{partnership}/transition/", FORM_OWN),
    row("GET", "/partnerships/{partnership}/assess/", GET_ACTION),
    row("POST", "/partnerships/{partnership}/assess/", ACTION_OWN),
    row(
        "POST",
        "/partnerships/{other_partnership}/assess/",
        expect(403, other_staff=302, other_contact=302, kv=302, administrator=302),
    ),  # fmt: skip
    row("GET", "/partnerships/{partnership}/assessments/", READ),
    row("POST", "/partnerships/{partnership}/assessments/", NO_POST),
    row("GET", "/partnerships/{partnership}/attachments/", GET_ACTION),
    row("POST", "/partnerships/{partnership}/attachments/", FORM_OWN),
    # An ended partnership is read-only: its editors are told so (400), the rest refused.
    row("GET", "/partnerships/{ended}/", READ),
    row("GET", "/partnerships/{ended}/edit/", FORM_OWN),
    row("POST", "/partnerships/{ended}/edit/", FORM_OWN),
    row("POST", "/partnerships/{ended}/assess/", FORM_OWN),
    row("POST", "/partnerships/{ended}/attachments/", FORM_OWN),
    row("POST", "/partnerships/{ended}/transition/", expect(403)),  # no step leads out
]

test_permissions = matrix_test(MATRIX, RECORDS)
