"""Who gets which answer from which report page (espoo_intl.testing.matrix_test).

kv-tiimi and administrators see every version and compile and publish; leadership sees the
published versions only (a draft or an unpublished final answers 404); unit staff and
international contacts see no report at all (the list 403, every version 404). The progress
fragment of a finished job answers 286, htmx's "stop polling". Empty POSTs by someone
allowed meet the form's errors (400); publishing a draft or an already published version is
refused with a message (400)."""

from espoo_intl.testing import expect, matrix_test, row
from reports.tests.factories import VersionFactory

RECORDS = {
    "draft": lambda ctx: VersionFactory(final=False, started_by=ctx["kv"]),
    "final": lambda ctx: VersionFactory(final=True, started_by=ctx["kv"]),
    "published": lambda ctx: VersionFactory(final=True, published=True, started_by=ctx["kv"]),
}

KV = dict(kv=200, administrator=200)
NOBODY_ELSE = expect(404, **KV)
SEEN_BY_LEADERSHIP = expect(404, lead=200, **KV)
NO_GET = expect(405)

MATRIX = [
    row("GET", "/reports/", expect(403, lead=200, **KV)),
    row("POST", "/reports/", NO_GET),
    row("GET", "/reports/compile/", NO_GET),
    row("POST", "/reports/compile/", expect(403, kv=400, administrator=400)),
    # A draft: kv-tiimi only.
    row("GET", "/reports/{draft}/", NOBODY_ELSE),
    row("POST", "/reports/{draft}/", NO_GET),
    row("GET", "/reports/{draft}/progress/", expect(404, kv=286, administrator=286)),
    row("GET", "/reports/{draft}/download/", NOBODY_ELSE),
    row("GET", "/reports/{draft}/publish/", NO_GET),
    row("POST", "/reports/{draft}/publish/", expect(404, kv=400, administrator=400)),
    # A final version, not published: kv-tiimi only; publishing it works.
    row("GET", "/reports/{final}/", NOBODY_ELSE),
    row("GET", "/reports/{final}/progress/", expect(404, kv=286, administrator=286)),
    row("GET", "/reports/{final}/download/", NOBODY_ELSE),
    row("POST", "/reports/{final}/publish/", expect(404, kv=302, administrator=302)),
    # A published version: leadership reads and downloads it, publishing again is refused.
    row("GET", "/reports/{published}/", SEEN_BY_LEADERSHIP),
    row("GET", "/reports/{published}/progress/", expect(404, lead=286, kv=286, administrator=286)),
    row("GET", "/reports/{published}/download/", SEEN_BY_LEADERSHIP),
    row("POST", "/reports/{published}/publish/", expect(404, lead=403, kv=400, administrator=400)),
]

test_permissions = matrix_test(MATRIX, RECORDS)
