"""Who gets which answer from which advocacy page (run by espoo_intl.testing.matrix_test).

Every item is visible to everyone signed in; the preparing units' department (staff and
the international contact), kv-tiimi and administrators change it; leadership reads;
delete is for kv-tiimi and administrators. Development items: kv-tiimi edits, the owner
unit's department adds notes. Empty POSTs answer 400 to those allowed (the form is
refused), 403 to everyone else."""

from espoo_intl.testing import expect, matrix_test, row

from .factories import make_development, make_item

RECORDS = {
    "item": lambda ctx: make_item(units=[ctx["unit"]]),
    "development": lambda ctx: make_development(owner_unit=ctx["unit"]),
}

EDITORS_400 = expect(403, staff=400, contact=400, kv=400, administrator=400)

MATRIX = [
    row("GET", "/advocacy/", expect(200)),
    row("GET", "/advocacy/new/", expect(200, lead=403)),
    row("POST", "/advocacy/new/", expect(200, lead=403)),  # the form again, with its errors
    row("GET", "/advocacy/{item}/", expect(200)),
    row("GET", "/advocacy/{item}/edit/", expect(403, staff=200, contact=200, kv=200, administrator=200)),
    row("POST", "/advocacy/{item}/edit/", expect(403, staff=200, contact=200, kv=200, administrator=200)),
    row("GET", "/advocacy/{item}/delete/", expect(403, kv=200, administrator=200)),
    row("POST", "/advocacy/{item}/delete/", expect(403, kv=302, administrator=302)),
    row("POST", "/advocacy/{item}/transition/", EDITORS_400),
    row("POST", "/advocacy/{item}/decisions/", EDITORS_400),
    row("POST", "/advocacy/{item}/parts/", EDITORS_400),
    row("POST", "/advocacy/{item}/attachments/", EDITORS_400),
    row("GET", "/development/", expect(200)),
    row("GET", "/development/{development}/", expect(200)),
    row("GET", "/development/{development}/edit/", expect(403, kv=200, administrator=200)),
    row("POST", "/development/{development}/edit/", expect(403, kv=200, administrator=200)),
    row("POST", "/development/{development}/notes/", EDITORS_400),
]  # fmt: skip

test_permissions = matrix_test(MATRIX, RECORDS)
