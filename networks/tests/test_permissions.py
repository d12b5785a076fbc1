"""Who gets which answer from which networks page (espoo_intl.testing.matrix_test).

Networks are not confidential: every signed-in user reads them. The owning unit's
department (staff, international contact), the network's contacts and kv-tiimi edit
them and evaluate them; leadership reads; delete is for kv-tiimi and administrators.
"""

from espoo_intl.testing import expect, matrix_test, row
from networks.tests.factories import EvaluationFactory, NetworkFactory

RECORDS = {
    # Owned by staff's unit (staff's department edits).
    "network": lambda ctx: NetworkFactory(owning_unit=ctx["unit"], name="Oman toimialan verkosto"),
    # Owned by the other department, with staff as one of its contact people.
    "contact_network": lambda ctx: NetworkFactory(
        owning_unit=ctx["other_unit"], name="Yhteyshenkilön verkosto", contacts=[ctx["staff"]]
    ),
    # Owned by the other department, nobody of staff's department named.
    "other_network": lambda ctx: NetworkFactory(
        owning_unit=ctx["other_unit"], name="Toisen verkosto"
    ),
    "evaluation": lambda ctx: EvaluationFactory(network=NetworkFactory(owning_unit=ctx["unit"])),
    "other_evaluation": lambda ctx: EvaluationFactory(
        network=NetworkFactory(owning_unit=ctx["other_unit"])
    ),
    # The other department's network, with staff as a contact person.
    "contact_evaluation": lambda ctx: EvaluationFactory(
        network=NetworkFactory(owning_unit=ctx["other_unit"], contacts=[ctx["staff"]])
    ),
}

# Own department: staff and contact edit; the other department's people do not.
OWN = {"staff": 200, "contact": 200, "kv": 200, "administrator": 200}
OTHER = {"other_staff": 200, "other_contact": 200, "kv": 200, "administrator": 200}
# Posting an empty form: the form is shown again with its errors (200), or refused (403).
OWN_POST = {"staff": 200, "contact": 200, "kv": 200, "administrator": 200}
DELETE = {"kv": 302, "administrator": 302}

MATRIX = [
    row("GET", "/networks/", expect(200)),
    row("GET", "/networks/new/", expect(200, lead=403)),
    row("POST", "/networks/new/", expect(200, lead=403)),
    row("GET", "/networks/{network}/", expect(200)),
    row("GET", "/networks/{network}/edit/", expect(403, **OWN)),
    row("POST", "/networks/{network}/edit/", expect(403, **OWN_POST)),
    row("GET", "/networks/{other_network}/edit/", expect(403, **OTHER)),
    # staff is a contact person of a network owned by the other department.
    row("GET", "/networks/{contact_network}/edit/", expect(403, staff=200, **OTHER)),
    row("GET", "/networks/{network}/delete/", expect(403, kv=200, administrator=200)),
    row("POST", "/networks/{network}/delete/", expect(403, **DELETE)),
    row("GET", "/networks/evaluations/", expect(200)),
    row("GET", "/networks/evaluations/overview/", expect(200)),
    row("GET", "/networks/evaluations/new/", expect(200, lead=403)),
    row("POST", "/networks/evaluations/new/", expect(200, lead=403)),
    row("GET", "/networks/evaluations/{evaluation}/", expect(200)),
    row("GET", "/networks/evaluations/{evaluation}/edit/", expect(403, **OWN)),
    row("POST", "/networks/evaluations/{evaluation}/edit/", expect(403, **OWN_POST)),
    row("GET", "/networks/evaluations/{other_evaluation}/edit/", expect(403, **OTHER)),
    row("GET", "/networks/evaluations/{contact_evaluation}/edit/", expect(403, staff=200, **OTHER)),
    row("GET", "/networks/evaluations/{evaluation}/delete/", expect(403, kv=200, administrator=200)),
    row("POST", "/networks/evaluations/{evaluation}/delete/", expect(403, **DELETE)),
    row("GET", "/networks/999999/", expect(404)),
    row("GET", "/networks/evaluations/999999/", expect(404)),
]  # fmt: skip

test_permissions = matrix_test(MATRIX, RECORDS)
