"""The Excel export writes its own cells (espoo_intl/xlsx.py, issue 12): a spreadsheet
reads from them exactly what it read when XlsxWriter wrote every cell, for every kind of
value an export holds, awkward text included."""

import datetime
import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest
import xlsxwriter

from espoo_intl.exports import neutralise_cell, write_xlsx

HEADERS = ["Teksti", "Luku", "Päivä", "=kaava", "", "Muu"]

AWKWARD_TEXT = [
    "Tukholma & Uppsala <kaupunki>",
    '=HYPERLINK("http://x")',
    "+SUM(A1:A2)",
    "-5",
    "@komento",
    "\tsarkain alussa",
    " välilyönti alussa",
    "välilyönti lopussa ",
    "rivinvaihto lopussa\n",
    "rivi\nrivi",
    "ohjausmerkki \x01 ja \x1f ja \x0b",
    "kirjaimellinen _x0041_ ja _xZZZZ_",
    "ei-merkki \ufffe \uffff",
    "Åbo, Göteborg, Łódź, 東京, 🙂",
    "http://example.org/polku?x=1&y=2",
    "lainaus \"ja\" 'heittomerkki'",
    "",
    "x" * 40_000,
    "🙂" * 20_000,  # two UTF-16 units each: cut at Excel's limit without splitting one
]

OTHER_VALUES = [
    None,
    0,
    -12,
    10**15,
    1.5,
    1 / 3,
    1e-7,
    Decimal("800"),
    Decimal("1200.50"),
    Decimal("0.000"),
    True,
    False,
    datetime.date(2025, 6, 10),
    datetime.date(1900, 1, 1),
    datetime.date(1900, 2, 28),
    datetime.date(1900, 3, 1),
    datetime.date(9999, 12, 31),
    datetime.datetime(2024, 3, 1, 14, 30, 15),
    datetime.datetime(1900, 1, 1, 6, 0),
    datetime.datetime(2024, 3, 1, 8, 0, tzinfo=datetime.UTC),
    datetime.time(13, 45, 30),
    Decimal("3.14159265358979323846"),
]


def _xlsxwriter_cell_by_cell(headers, rows, out):
    """How the export was written before: XlsxWriter, one call per cell."""
    book = xlsxwriter.Workbook(
        out,
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    sheet = book.add_worksheet("Export")
    date_format = book.add_format({"num_format": "dd.mm.yyyy"})
    blank_format = book.add_format()
    time_format = book.add_format({"num_format": "h:mm:ss"})
    for col, header in enumerate(headers):
        sheet.write_string(0, col, neutralise_cell(str(header)))
    for row, values in enumerate(rows, start=1):
        for col, value in enumerate(values):
            if isinstance(value, str):
                sheet.write_string(row, col, neutralise_cell(value))
            elif value is None:
                sheet.write_blank(row, col, None, blank_format)
            elif isinstance(value, bool):
                sheet.write_boolean(row, col, value)
            elif isinstance(value, int | float | Decimal):
                sheet.write_number(row, col, value)
            elif isinstance(value, datetime.datetime):
                sheet.write_datetime(row, col, value.replace(tzinfo=None), date_format)
            elif isinstance(value, datetime.date):
                sheet.write_datetime(row, col, value, date_format)
            elif isinstance(value, datetime.time):
                sheet.write_datetime(row, col, value, time_format)
            else:
                sheet.write_string(row, col, neutralise_cell(str(value)))
    book.close()


def _rows():
    values = AWKWARD_TEXT + OTHER_VALUES + [object.__new__(_Named)]
    width = len(HEADERS)
    # Every value in every column, so each column holds each kind.
    return [[values[(i + col) % len(values)] for col in range(width)] for i in range(len(values))]


class _Named:
    def __str__(self):
        return "=olio"


def _cells(content: bytes, **options):
    book = openpyxl.load_workbook(io.BytesIO(content), **options)
    return book.sheetnames, [
        [(c.value, c.data_type, c.number_format if c.value is not None else None) for c in row]
        for row in book.active.iter_rows()
    ]


def _both(headers, rows):
    old, new = io.BytesIO(), io.BytesIO()
    _xlsxwriter_cell_by_cell(headers, rows, old)
    assert write_xlsx(headers, iter(rows), new) == len(rows)
    return old.getvalue(), new.getvalue()


@pytest.mark.parametrize("read_only", [False, True])
def test_every_cell_reads_as_it_did_when_xlsxwriter_wrote_it(read_only):
    old, new = _both(HEADERS, _rows())
    assert _cells(new, read_only=read_only) == _cells(old, read_only=read_only)


def test_the_sheet_is_the_xml_xlsxwriter_wrote_apart_from_the_document_dates():
    old, new = _both(HEADERS, _rows())
    with zipfile.ZipFile(io.BytesIO(old)) as before, zipfile.ZipFile(io.BytesIO(new)) as after:
        assert after.namelist() == before.namelist()
        sheet = "xl/worksheets/sheet1.xml"
        assert after.read(sheet) == before.read(sheet)
        assert after.read("xl/workbook.xml") == before.read("xl/workbook.xml")


def test_text_is_never_a_formula_and_risky_text_is_quoted():
    _, new = _both(HEADERS, _rows())
    with zipfile.ZipFile(io.BytesIO(new)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    _, cells = _cells(new)
    texts = {value for row in cells for value, kind, _ in row if kind == "s"}
    assert {"'=kaava", '\'=HYPERLINK("http://x")', "'+SUM(A1:A2)", "'-5", "'=olio"} <= texts


def test_text_shaped_like_xml_stays_text():
    """XlsxWriter passed text in the shape "<r>…</r>" into the sheet as rich-text XML (an
    empty cell then, or markup of the user's choosing); it is now text like any other."""
    text = "<r></r></is><f>HYPERLINK(1)</f><is><r></r>"
    out = io.BytesIO()
    write_xlsx(["Otsikko"], iter([[text]]), out)
    _, cells = _cells(out.getvalue())
    assert cells[1] == [(text, "s", "General")]


def test_an_empty_export_is_a_sheet_with_its_header_only():
    old, new = _both(HEADERS, [])
    assert _cells(new) == _cells(old)
    assert _cells(new)[1][0][0][0] == "Teksti"


def test_a_not_a_number_has_no_cell():
    with pytest.raises(TypeError):
        write_xlsx(["Luku"], iter([[float("nan")]]), io.BytesIO())
