"""Who gets which answer from which metrics page (espoo_intl.testing.matrix_test).

Everyone signed in reads the framework, an indicator's figures and the records behind a
derived figure (the list itself follows the record rules: see test_derived.py); only
kv-tiimi and administrators open and save the catalogue pages. An empty POST to a catalogue
page is refused as invalid (400) without saving anything. Reporting periods are listed to
everyone; only kv-tiimi opens one, closes and reopens it, sees its progress page and sends reminders; a submission
is read by everyone signed in (so is a value's correction history) and edited by its provider's department and kv-tiimi. The indicators come from the
catalogue migration (0002_seed_catalogue)."""

import datetime

from espoo_intl.testing import expect, matrix_test, row
from metrics.models import Indicator, Provider, ReportingPeriod, Submission, Value


def _period(ctx) -> ReportingPeriod:
    return ReportingPeriod.objects.get_or_create(
        year=2025, defaults={"deadline": datetime.date(2026, 3, 1)}
    )[0]


def _submission(ctx) -> Submission:
    """A draft of staff's department (staff and contact edit it)."""
    department = ctx["unit"].department
    provider = Provider.objects.create(unit=department, name_fi=department.name_fi)
    return Submission.objects.create(period=_period(ctx), provider=provider)


def _value(ctx) -> Value:
    """A value of that draft (its history is read like the submission)."""
    return Value.objects.create(
        submission=_submission(ctx), indicator=Indicator.objects.get(code="C1.1")
    )


RECORDS = {"period": _period, "submission": _submission, "value": _value}

READ = expect(200)
KV_PAGE = expect(403, kv=200, administrator=200)
KV_SAVE = expect(403, kv=400, administrator=400)
KV_STEP = expect(403, kv=302, administrator=302)
NO_POST = expect(405)
# The submission's department (staff, contact) and kv-tiimi; an empty form is invalid.
EDITORS_SAVE = expect(403, staff=400, contact=400, kv=400, administrator=400)

CATALOGUES = ("goals", "objectives", "providers", "indicators", "diversity")

MATRIX = [
    row("GET", "/metrics/", READ),
    row("POST", "/metrics/", NO_POST),
    row("GET", "/metrics/overview/", READ),
    row("GET", "/metrics/diversity/", READ),
    # HR's Excel: kv-tiimi's (the staff diversity catalogue's permission); no file: invalid.
    row("POST", "/metrics/diversity/import/", KV_SAVE),
    row("GET", "/metrics/diversity/import/", NO_POST),
    row("GET", "/metrics/diversity/template.xlsx", KV_PAGE),
    row("GET", "/metrics/indicators/A2.4/", READ),
    row("GET", "/metrics/indicators/C6.1/chart.svg", READ),
    row("GET", "/metrics/indicators/A1.1/", READ),
    row("GET", "/metrics/indicators/X9.9/", expect(404)),
    row("GET", "/metrics/indicators/A2.4/2024/records/", READ),
    row("POST", "/metrics/indicators/A2.4/2024/records/", NO_POST),
    *(row("GET", f"/metrics/catalogue/{name}/", KV_PAGE) for name in CATALOGUES),
    *(row("POST", f"/metrics/catalogue/{name}/", KV_SAVE) for name in CATALOGUES),
    row("GET", "/metrics/periods/", READ),
    row("POST", "/metrics/periods/", KV_SAVE),  # empty: invalid
    row("GET", "/metrics/periods/{period}/", KV_PAGE),
    # Closing and reopening: a confirmation page, then the step (an open period cannot be
    # reopened: a message, and back to the progress page).
    row("GET", "/metrics/periods/{period}/close/", KV_PAGE),
    row("POST", "/metrics/periods/{period}/close/", KV_STEP),
    row("GET", "/metrics/periods/{period}/reopen/", KV_PAGE),
    row("POST", "/metrics/periods/{period}/reopen/", KV_STEP),
    row("GET", "/metrics/submissions/", READ),
    row("GET", "/metrics/submissions/{submission}/", READ),
    row("POST", "/metrics/submissions/{submission}/", EDITORS_SAVE),  # empty: invalid
    row("POST", "/metrics/submissions/{submission}/transition/", EDITORS_SAVE),
    row("GET", "/metrics/submissions/{submission}/transition/", NO_POST),
    row(
        "POST", "/metrics/submissions/{submission}/remind/", expect(403, kv=302, administrator=302)
    ),
    row("GET", "/metrics/submissions/{submission}/remind/", NO_POST),
    row("GET", "/metrics/submissions/{submission}/template.xlsx", READ),
    row("POST", "/metrics/submissions/{submission}/template.xlsx", NO_POST),
    row("POST", "/metrics/submissions/{submission}/upload/", EDITORS_SAVE),  # no file: invalid
    row("GET", "/metrics/submissions/{submission}/upload/", NO_POST),
    row("GET", "/metrics/values/{value}/history/", READ),
    row("GET", "/metrics/values/999999/history/", expect(404)),
    row("POST", "/metrics/values/{value}/history/", NO_POST),
]

test_permissions = matrix_test(MATRIX, RECORDS)
