"""The Excel round trip: the template a department downloads, filled in and uploaded;
every broken file is refused whole, with the errors by row and column."""

import html
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from metrics.models import Value
from metrics.tests.conftest import finnish

pytestmark = pytest.mark.django_db

FILLED = {
    "B1.1": "Julkaistu 2025",
    "C1.1": 4,
    "C1.4": "12",
    "C1.7": 2,
    "C4.1": 3.8,
    "C5.2": 40,
    "C6.1": "7,5",
}


def _template(client, submission):
    response = client.get(f"/metrics/submissions/{submission.pk}/template.xlsx")
    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(response.content))


def _filled(client, submission, **changes):
    book = _template(client, submission)
    sheet = book.active
    for row in sheet.iter_rows(min_row=2):
        code = row[0].value
        row[4].value = FILLED[code]
        row[5].value = "Oma seuranta"
    for (row, column), value in changes.items():
        sheet.cell(row=row, column=column, value=value)
    return book


def _upload(client, submission, book):
    out = io.BytesIO()
    book.save(out)
    file = SimpleUploadedFile("arvot.xlsx", out.getvalue())
    return client.post(f"/metrics/submissions/{submission.pk}/upload/", {"file": file})


def _rows(book) -> dict:
    return {row[0].value: row[2].row for row in book.active.iter_rows(min_row=2)}


def test_template_has_codes_units_last_year_and_validation(client_for, contact, submission):
    book = _template(client_for(contact), submission)
    sheet = book.active
    assert [c.value for c in sheet[1]][:5] == [
        finnish(t) for t in ("code", "indicator", "unit", "last year", "value")
    ]
    assert [r[0].value for r in sheet.iter_rows(min_row=2)] == [
        "B1.1",
        "C1.1",
        "C1.4",
        "C1.7",
        "C4.1",
        "C5.2",
        "C6.1",
    ]
    rules = {
        (dv.type, dv.operator, dv.formula1, dv.formula2)
        for dv in sheet.data_validations.dataValidation
    }
    assert ("decimal", "between", "0", "100") in rules and ("decimal", "between", "1", "5") in rules


def test_a_filled_template_saves_every_value(client_for, contact, submission):
    client = client_for(contact)
    response = _upload(client, submission, _filled(client, submission))
    assert response.status_code == 302
    saved = {
        v.indicator.code: v.display
        for v in Value.objects.filter(submission=submission).select_related("indicator")
    }
    assert saved == {
        "B1.1": "Julkaistu 2025",
        "C1.1": "4",
        "C1.4": "12",
        "C1.7": "2",
        "C4.1": "3.8",
        "C5.2": "40",
        "C6.1": "7.5",
    }


@pytest.mark.parametrize(
    ("code", "column", "value", "message"),
    [
        ("C6.1", 5, 120, "A percentage cannot be over 100."),
        ("C4.1", 5, 0, "A value on the scale must be between 1 and 5."),
        ("C1.1", 5, "neljä", ("“%(value)s” is not a number.", {"value": "neljä"})),
        (
            "C1.1",
            3,
            "EUR",
            ("The unit of %(code)s is %(unit)s.", {"code": "C1.1", "unit": finnish("count")}),
        ),
        ("C1.1", 1, "Z9.9", ("Unknown indicator code “%(code)s”.", {"code": "Z9.9"})),
        (
            "C1.1",
            1,
            "A1.1",
            ("Your submission does not provide indicator %(code)s.", {"code": "A1.1"}),
        ),
        ("C1.1", 5, "=1+1", "A formula is not accepted; type the value."),
        ("C1.1", 8, "yes", "Explain the break in comparability."),
    ],
)
def test_a_broken_row_saves_nothing(client_for, contact, submission, code, column, value, message):
    client = client_for(contact)
    book = _filled(client, submission)
    row = _rows(book)[code]
    book.active.cell(row=row, column=column, value=value)
    response = _upload(client, submission, book)
    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert (
        finnish(message[0], **message[1]) if isinstance(message, tuple) else finnish(message)
    ) in page
    assert f"<td>{row}</td>" in page
    assert not Value.objects.filter(submission=submission, number__isnull=False).exists()
    assert not Value.objects.filter(submission=submission).exclude(text="").exists()


def test_not_a_workbook_and_too_many_rows(client_for, contact, submission):
    client = client_for(contact)
    junk = SimpleUploadedFile("arvot.xlsx", b"PK\x03\x04 not really")
    response = client.post(f"/metrics/submissions/{submission.pk}/upload/", {"file": junk})
    assert finnish("The file is not an Excel workbook (.xlsx).") in response.content.decode()
    book = _filled(client, submission)
    for n in range(600):
        book.active.cell(row=20 + n, column=1, value="C1.1")
    refused = _upload(client, submission, book)
    assert finnish("The file has more than %(n)s rows.", n=500) in refused.content.decode()


def test_other_department_may_not_upload(client_for, other_contact, contact, submission):
    book = _filled(client_for(contact), submission)
    assert _upload(client_for(other_contact), submission, book).status_code == 403
