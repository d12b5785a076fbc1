"""A one-sheet Excel workbook written row by row, in constant memory (issue 12).

XlsxWriter builds the package (content types, relationships, workbook, styles, theme,
document properties, the sheet's head and tail) from a three-cell template that registers
the styles; this module writes only the sheet's `<row>`/`<c>` elements, the same XML that
XlsxWriter's constant_memory mode writes (inline strings, `s="…"` style ids, numbers as
`%.16G`). Why not XlsxWriter cell by cell: its per-cell work (checks, a cell tuple, the
XML writer) cost 9–14 µs a cell, 3–4 s of CPU for 20,000 visits × 18 columns, which alone
missed the 5 s target (bench/results.md); these cells cost about 1 µs.

The rows go to a temporary file as they come (memory flat in the row count), so the
sheet's `<dimension>` can name the real range before the rows are copied into the zip.
"""

import datetime
import decimal
import math
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterable
from io import BytesIO

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name

__all__ = ["write_sheet", "DATE_FORMAT", "TIME_FORMAT"]

DATE_FORMAT = "dd.mm.yyyy"
TIME_FORMAT = "h:mm:ss"
SHEET = "xl/worksheets/sheet1.xml"
ROWS_PER_WRITE = 200
STRING_MAX = 32767  # UTF-16 code units in a cell (Excel's limit; XlsxWriter truncates too)

# Excel writes a control character as _xHHHH_ and a literal "_xHHHH_" with its underscore
# escaped; &, < and > are XML's. The same substitutions as XlsxWriter's, run only on the
# strings that need one (most need none).
_NEEDS_ESCAPE = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
_LITERAL_ESCAPE = re.compile(r"(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile(r"([\x00-\x08\x0b-\x1f])")
_DIMENSION = re.compile(r'<dimension ref="[^"]*"/>')
_EPOCH = datetime.datetime(1899, 12, 31)
_EPOCH_ORDINAL = _EPOCH.toordinal()


def _escape(text: str) -> str:
    text = _LITERAL_ESCAPE.sub(r"_x005F\1", text)
    text = _CONTROL.sub(lambda match: f"_x{ord(match.group(1)):04X}_", text)
    text = text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _truncate(text: str) -> str:
    encoded = text.encode("utf-16-le")
    if len(encoded) // 2 <= STRING_MAX:
        return text
    return encoded[: STRING_MAX * 2].decode("utf-16-le", errors="ignore")


def _string_cell(ref: str, text: str) -> str:
    if len(text) > STRING_MAX // 2:
        text = _truncate(text)
    if _NEEDS_ESCAPE.search(text):
        text = _escape(text)
    space = ' xml:space="preserve"' if text and (text[0].isspace() or text[-1].isspace()) else ""
    return f'<c r="{ref}" t="inlineStr"><is><t{space}>{text}</t></is></c>'


def excel_serial(value) -> float | int:
    """A date, datetime (naive) or time as Excel's 1900-system serial number, as XlsxWriter
    reckons it (1900 counted as a leap year, a time alone as a fraction of a day)."""
    if type(value) is datetime.date:
        days = value.toordinal() - _EPOCH_ORDINAL
        return days + 1 if days > 59 else days
    if isinstance(value, datetime.datetime):
        delta = value.replace(tzinfo=None) - _EPOCH
        serial = delta.days + (delta.seconds + delta.microseconds / 1e6) / 86400
        if value.isocalendar() == (1900, 1, 1):
            serial -= 1
        return serial + 1 if serial > 59 else serial
    if isinstance(value, datetime.date):  # a date subclass
        return excel_serial(datetime.date(value.year, value.month, value.day))
    delta = datetime.datetime.combine(_EPOCH, value.replace(tzinfo=None)) - _EPOCH
    return (delta.seconds + delta.microseconds / 1e6) / 86400


def _number(value) -> str:
    if not math.isfinite(value):
        raise TypeError("NaN and infinity have no cell in an export")
    return f"{value:.16G}"


class _Styles:
    def __init__(self, blank: int, date: int, time: int):
        self.blank = f' s="{blank}"/>'
        self.date = f' s="{date}"><v>'
        self.time = f' s="{time}"><v>'


def _row_xml(number: int, values, letters: list[str], styles: _Styles) -> str:
    """One `<row>`: text as inline strings (escaped, never markup: XlsxWriter would pass
    text shaped like "<r>…</r>" through as rich-text XML), None a styled blank (so the row
    is as long as the header), dates as date cells."""
    cells = [f'<row r="{number}">']
    append = cells.append
    while len(letters) < len(values):
        letters.append(xl_col_to_name(len(letters)))
    for letter, value in zip(letters, values, strict=False):
        ref = f"{letter}{number}"
        kind = type(value)
        if kind is str:
            append(_string_cell(ref, value))
        elif value is None:
            append(f'<c r="{ref}"{styles.blank}')
        elif kind is bool:
            append(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
        elif kind is int or kind is float or kind is decimal.Decimal:
            append(f'<c r="{ref}"><v>{_number(value)}</v></c>')
        elif isinstance(value, datetime.datetime | datetime.date):
            append(f'<c r="{ref}"{styles.date}{excel_serial(value):.16G}</v></c>')
        elif isinstance(value, datetime.time):
            append(f'<c r="{ref}"{styles.time}{excel_serial(value):.16G}</v></c>')
        elif isinstance(value, bool | int | float | decimal.Decimal):
            append(f'<c r="{ref}"><v>{_number(value)}</v></c>')
        else:
            append(_string_cell(ref, str(value)))
    append("</row>")
    return "".join(cells)


def _template(title: str):
    """XlsxWriter's package for a sheet named `title`, with one cell in each style the rows
    use, and those styles' ids."""
    buffer = BytesIO()
    book = xlsxwriter.Workbook(buffer, {"constant_memory": True})
    sheet = book.add_worksheet(title)
    blank = book.add_format()
    date = book.add_format({"num_format": DATE_FORMAT})
    time = book.add_format({"num_format": TIME_FORMAT})
    sheet.write_blank(0, 0, None, blank)
    sheet.write_datetime(0, 1, datetime.date(2000, 1, 1), date)
    sheet.write_datetime(0, 2, datetime.time(12), time)
    book.close()
    styles = _Styles(blank.xf_index, date.xf_index, time.xf_index)
    return zipfile.ZipFile(BytesIO(buffer.getvalue())), styles


def write_sheet(rows: Iterable[list], out, *, title: str) -> int:
    """Write the rows (the first is the header) as the one sheet of an .xlsx into `out`
    (a binary file); return the number of rows written. Text is never a formula."""
    template, styles = _template(title)
    letters: list[str] = []
    width = count = 0
    with tempfile.TemporaryFile() as body:
        batch = []
        for count, values in enumerate(rows, start=1):
            width = max(width, len(values))
            batch.append(_row_xml(count, values, letters, styles))
            if len(batch) >= ROWS_PER_WRITE:
                body.write("".join(batch).encode("utf-8"))
                batch = []
        if batch:
            body.write("".join(batch).encode("utf-8"))
        body.seek(0)
        sheet_xml = template.read(SHEET).decode("utf-8")
        head, _, rest = sheet_xml.partition("<sheetData>")
        _, _, tail = rest.partition("</sheetData>")
        last = f"{xl_col_to_name(width - 1)}{count}" if width and count else "A1"
        head = _DIMENSION.sub(f'<dimension ref="{"A1" if last == "A1" else "A1:" + last}"/>', head)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as package:
            for info in template.infolist():
                if info.filename != SHEET:
                    package.writestr(info, template.read(info))
                    continue
                sheet_info = zipfile.ZipInfo(SHEET, info.date_time)
                sheet_info.compress_type = zipfile.ZIP_DEFLATED
                sheet_info.external_attr = info.external_attr
                with package.open(sheet_info, "w", force_zip64=True) as sheet:
                    sheet.write(f"{head}<sheetData>".encode())
                    shutil.copyfileobj(body, sheet, 1 << 18)
                    sheet.write(f"</sheetData>{tail}".encode())
    return count
