"""The Excel round trip of a submission: a template to fill in (codes, names, units, last
year's values, data validation) and the upload, checked row by row and saved all or
nothing. Formulas are never executed: a cell holding one is refused."""

import io
from dataclasses import dataclass

import openpyxl
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from espoo_intl.exports import neutralise_cell

from .models import Indicator, Submission, Unit, Value
from .rules import clean_value
from .services import submission_save

__all__ = [
    "MAX_BYTES", "MAX_ROWS", "UploadError", "UploadRefused", "template_workbook", "upload_apply",
    "upload_rows", "cell_value", "header_row",
]  # fmt: skip

MAX_BYTES = 1024 * 1024
MAX_ROWS = 500
_COLUMNS = (
    "code",
    "indicator",
    "unit",
    "last_year",
    "value",
    "source",
    "comment",
    "break",
    "explanation",
)
_TRUE = {"x", "1", "yes", "kyllä", "ja", "true"}
_FALSE = {"", "0", "no", "ei", "nej", "false"}
_FILL = PatternFill("solid", fgColor="FFF2CC")


def _headers() -> dict[str, str]:
    return {
        "code": _("code"), "indicator": _("indicator"), "unit": _("unit"),
        "last_year": _("last year"), "value": _("value"), "source": _("source"),
        "comment": _("comment"), "break": _("break in comparability (yes/no)"),
        "explanation": _("explanation of the break"),
    }  # fmt: skip


def _unit_labels(unit: str) -> set[str]:
    """What the unit column may say: the code or its name in any language."""
    labels = {unit}
    for language in ("fi", "sv", "en"):
        with translation.override(language):
            labels.add(str(Unit(unit).label))
    return {label.casefold() for label in labels}


def _validation(unit: str) -> DataValidation | None:
    error = _("Check the value against the unit.")

    def rule(kind, operator, low, high=None):
        return DataValidation(
            type=kind, operator=operator, formula1=str(low), formula2=None if high is None else str(high),
            error=error, showErrorMessage=True, allow_blank=True,
        )  # fmt: skip

    if unit == Unit.PERCENT:
        return rule("decimal", "between", 0, 100)
    if unit == Unit.SCALE:
        return rule("decimal", "between", 1, 5)
    if unit in (Unit.COUNT, Unit.PERSONS):
        return rule("whole", "greaterThanOrEqual", 0)
    if unit == Unit.RANK:
        return rule("whole", "greaterThanOrEqual", 1)
    if unit in (Unit.EUR, Unit.RATIO):
        return rule("decimal", "greaterThanOrEqual", 0)
    return None


def header_row(sheet, titles: list[str]) -> None:
    """A template's first row: the column titles in bold, kept in view when scrolling."""
    sheet.append(titles)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"


def _last_year(submission: Submission) -> dict[int, str]:
    earlier = Value.objects.filter(
        submission__provider=submission.provider,
        submission__period__year=submission.period.year - 1,
    )
    return {v.indicator_id: v.display for v in earlier}


def template_workbook(submission: Submission) -> bytes:
    """The submission's values as an .xlsx to fill in (the current values filled in)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = str(submission.period.year)
    headers = _headers()
    header_row(sheet, [headers[c] for c in _COLUMNS])
    last_year = _last_year(submission)
    validations = {}
    yes, no = _("yes"), _("no")
    for row, value in enumerate(
        submission.values.select_related("indicator").order_by("indicator__order"), start=2
    ):
        indicator = value.indicator
        current = value.text if indicator.unit == Unit.TEXT else value.number
        sheet.append([
            indicator.code, neutralise_cell(indicator.name), str(indicator.get_unit_display()),
            neutralise_cell(last_year.get(indicator.id, "")), neutralise_cell(current),
            neutralise_cell(value.source), neutralise_cell(value.comment),
            yes if value.comparability_break else no, neutralise_cell(value.break_explanation),
        ])  # fmt: skip
        for column in "EFGHI":
            sheet[f"{column}{row}"].fill = _FILL
        if (rule := _validation(indicator.unit)) is not None:
            validations.setdefault(indicator.unit, rule).add(f"E{row}")
    breaks = DataValidation("list", formula1=f'"{yes},{no}"', allow_blank=True)
    if sheet.max_row >= 2:  # an empty submission has no rows to check
        breaks.add(f"H2:H{sheet.max_row}")
    for rule in [*validations.values(), breaks]:
        sheet.add_data_validation(rule)
    for column, width in zip("ABCDEFGHI", (8, 60, 16, 14, 16, 30, 30, 14, 30), strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@dataclass(frozen=True)
class UploadError:
    row: int
    column: str
    message: str


class UploadRefused(ValidationError):
    def __init__(self, errors: list[UploadError]):
        super().__init__([f"{e.row}/{e.column}: {e.message}" for e in errors])
        self.errors = errors


def _text(cell) -> str:
    return "" if cell is None or cell.value is None else str(cell.value).strip()


def upload_rows(upload, columns: tuple[str, ...], headers: dict[str, str]):
    """The rows of an uploaded workbook's first sheet below its header row, as
    (row number, {column: cell}), blank rows skipped; the file checked for size, format and
    row count, and any row holding a formula reported instead of read. Returns
    (rows, errors); a file refused whole gives no rows and one error (row 0)."""
    if upload.size > MAX_BYTES:
        return [], [UploadError(0, "", _("The file is larger than 1 MB."))]
    try:
        book = openpyxl.load_workbook(upload, read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 - any unreadable file is refused the same way
        return [], [UploadError(0, "", _("The file is not an Excel workbook (.xlsx)."))]
    sheet = book.worksheets[0]
    if (sheet.max_row or 0) > MAX_ROWS + 1:
        book.close()
        return [], [UploadError(0, "", _("The file has more than %(n)s rows.") % {"n": MAX_ROWS})]
    rows, errors = [], []
    for number, row in enumerate(sheet.iter_rows(min_row=2, max_col=len(columns)), start=2):
        cells = dict(zip(columns, row, strict=False))
        if all(_text(cell) == "" for cell in row):
            continue
        formulas = [c for c in columns if cells.get(c) is not None and cells[c].data_type == "f"]
        errors += [
            UploadError(number, headers[c], _("A formula is not accepted; type the value."))
            for c in formulas
        ]
        if not formulas:
            rows.append((number, cells))
    book.close()
    return rows, errors


def cell_value(cells: dict, column: str):
    cell = cells.get(column)
    return None if cell is None else cell.value


def _read(submission: Submission, upload) -> tuple[dict, list[UploadError]]:
    headers = _headers()
    rows, errors = upload_rows(upload, _COLUMNS, headers)
    values = {v.indicator.code: v for v in submission.values.select_related("indicator")}
    data, seen = {}, set()
    for number, cells in rows:
        code = _text(cells.get("code"))
        value = values.get(code)
        if value is None:
            known = Indicator.objects.filter(code=code).exists()
            message = (
                _("Your submission does not provide indicator %(code)s.")
                if known
                else _("Unknown indicator code “%(code)s”.")
            )
            errors.append(UploadError(number, headers["code"], message % {"code": code}))
            continue
        if code in seen:
            errors.append(
                UploadError(
                    number,
                    headers["code"],
                    _("Indicator %(code)s is given twice.") % {"code": code},
                )
            )
            continue
        seen.add(code)
        unit = value.indicator.unit
        if _text(cells.get("unit")).casefold() not in _unit_labels(unit):
            errors.append(
                UploadError(
                    number,
                    headers["unit"],
                    _("The unit of %(code)s is %(unit)s.")
                    % {"code": code, "unit": value.indicator.get_unit_display()},
                )
            )
            continue
        raw = cell_value(cells, "value")
        try:
            clean_value(unit, raw)
        except ValidationError as error:
            errors.append(UploadError(number, headers["value"], " ".join(error.messages)))
            continue
        flag = _text(cells.get("break")).casefold()
        if flag not in _TRUE | _FALSE | {_("yes").casefold(), _("no").casefold()}:
            errors.append(UploadError(number, headers["break"], _("Answer yes or no.")))
            continue
        broken = flag in _TRUE or flag == _("yes").casefold()
        explanation = _text(cells.get("explanation"))
        if broken and not explanation:
            errors.append(
                UploadError(
                    number, headers["explanation"], _("Explain the break in comparability.")
                )
            )
            continue
        data[value.pk] = {
            "number": "" if unit == Unit.TEXT else raw, "text": _text(cells["value"]) if unit == Unit.TEXT else "",
            "source": _text(cells.get("source")), "comment": _text(cells.get("comment")),
            "comparability_break": broken, "break_explanation": explanation,
        }  # fmt: skip
    return data, errors


def upload_apply(submission: Submission, *, actor, upload) -> int:
    """Check every row of the uploaded template and save them all, or nothing (raises
    UploadRefused listing each error by row and column). Returns how many rows were saved."""
    data, errors = _read(submission, upload)
    if errors:
        raise UploadRefused(errors)
    if not data:
        raise UploadRefused([UploadError(0, "", _("The file has no values."))])
    submission_save(submission, actor=actor, values=data, texts={}, version=submission.version)
    return len(data)
