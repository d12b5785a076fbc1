"""Who gets which answer from which metrics page (espoo_intl.testing.matrix_test).

Everyone signed in reads the framework, an indicator's figures and the records behind a
derived figure (the list itself follows the record rules: see test_derived.py); only
kv-tiimi and administrators open and save the catalogue pages. An empty POST to a catalogue
page is refused as invalid (400) without saving anything. The indicators come from the
catalogue migration (0002_seed_catalogue)."""

from espoo_intl.testing import expect, matrix_test, row

READ = expect(200)
KV_PAGE = expect(403, kv=200, administrator=200)
KV_SAVE = expect(403, kv=400, administrator=400)
NO_POST = expect(405)

CATALOGUES = ("goals", "objectives", "providers", "indicators")

MATRIX = [
    row("GET", "/metrics/", READ),
    row("POST", "/metrics/", NO_POST),
    row("GET", "/metrics/indicators/A2.4/", READ),
    row("GET", "/metrics/indicators/A1.1/", READ),
    row("GET", "/metrics/indicators/X9.9/", expect(404)),
    row("GET", "/metrics/indicators/A2.4/2024/records/", READ),
    row("POST", "/metrics/indicators/A2.4/2024/records/", NO_POST),
    *(row("GET", f"/metrics/catalogue/{name}/", KV_PAGE) for name in CATALOGUES),
    *(row("POST", f"/metrics/catalogue/{name}/", KV_SAVE) for name in CATALOGUES),
]

test_permissions = matrix_test(MATRIX, {})
