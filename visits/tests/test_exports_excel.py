"""Exports a Finnish office opens without an import wizard (issue 7): the "CSV (Excel)"
file is UTF-8 with a byte-order mark and semicolons; plain CSV stays commas; xlsx dates are
date cells shown dd.mm.yyyy. Formula neutralising applies to every format."""

import csv
import datetime
import io

import openpyxl
import pytest

from espoo_intl.testing import body as read_body
from visits.tests.factories import VisitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit(unit):
    return VisitFactory(
        host_unit=unit,
        title='=HYPERLINK("http://x")',
        visiting_organisation="Göteborgs stad; kulttuuri",
        start_date=datetime.date(2025, 6, 10),
        end_date=datetime.date(2025, 6, 11),
    )


def test_csv_for_excel_has_a_bom_and_semicolons(client_for, kv, visit):
    response = client_for(kv).get("/visits/?_export=csv_excel")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.csv"')
    body = read_body(response)
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    header, *data = rows
    assert len(header) > 3
    row = dict(zip(header, data[0], strict=True))
    assert "Göteborgs stad; kulttuuri" in row.values()  # quoted, not split
    assert '\'=HYPERLINK("http://x")' in row.values()  # neutralised


def test_plain_csv_stays_comma_separated_without_bom(client_for, kv, visit):
    body = read_body(client_for(kv).get("/visits/?_export=csv"))
    assert not body.startswith("\ufeff".encode())
    assert body.decode().splitlines()[0].count(",") > 3


def test_xlsx_dates_are_date_cells_shown_day_month_year(client_for, kv, visit):
    response = client_for(kv).get("/visits/?_export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(read_body(response))).active
    header = [c.value for c in sheet[1]]
    dates = [c for c in sheet[2] if isinstance(c.value, datetime.datetime | datetime.date)]
    assert dates, header
    assert dates[0].value.date() == datetime.date(2025, 6, 10)
    assert dates[0].number_format == "dd.mm.yyyy"
    assert dates[0].is_date
    assert '\'=HYPERLINK("http://x")' in [c.value for c in sheet[2]]


def test_the_list_offers_both_csv_kinds(client_for, kv):
    html = client_for(kv).get("/visits/").content.decode()
    assert "_export=csv_excel" in html and "_export=csv" in html and "_export=xlsx" in html
