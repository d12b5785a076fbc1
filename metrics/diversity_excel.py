"""HR's staff diversity figures from Excel: a template listing the result units, and the
upload (result unit, share, staff), checked row by row and saved all or nothing, with the
file checks of the submission's round trip (metrics.excel)."""

import io
from decimal import ROUND_HALF_UP, Decimal

import openpyxl
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from espoo_intl.exports import neutralise_cell
from espoo_intl.models import OrgUnit

from .excel import UploadError, UploadRefused, cell_value, header_row, upload_rows
from .models import StaffDiversity, Unit
from .rules import clean_value
from .services import staff_diversity_save

__all__ = ["diversity_template", "diversity_upload_apply"]

_COLUMNS = ("unit", "share", "staff")
_ONE_DECIMAL = Decimal("0.1")


def _headers() -> dict[str, str]:
    return {
        "unit": _("result unit"),
        "share": _("share of staff speaking other languages (%)"),
        "staff": _("staff"),
    }


def _units():
    return OrgUnit.objects.filter(kind=OrgUnit.Kind.UNIT, is_active=True).order_by("name_fi")


def diversity_template(year: int) -> bytes:
    """Every active result unit with its share for `year` so far, to fill in."""
    current = {f.unit_id: f for f in StaffDiversity.objects.filter(year=year)}
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = str(year)
    header_row(sheet, list(_headers().values()))
    for unit in _units():
        figure = current.get(unit.pk)
        sheet.append([
            neutralise_cell(unit.name), figure.share if figure else None, figure.staff if figure else None,
        ])  # fmt: skip
    for column, width in zip("ABC", (50, 24, 10), strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _unit_names() -> dict[str, list[OrgUnit]]:
    """A result unit by any of its names or its abbreviation, case-insensitive."""
    names: dict[str, list[OrgUnit]] = {}
    for unit in _units():
        for name in {unit.name_fi, unit.name_en, unit.name_sv, unit.abbreviation} - {"", None}:
            names.setdefault(name.strip().casefold(), []).append(unit)
    return names


def _share(cell) -> Decimal:
    """The share in percent to one decimal; a cell formatted as a percentage holds a
    fraction (7.5 % is 0.075)."""
    number, _text = clean_value(Unit.PERCENT, cell.value if cell is not None else None)
    if number is None:
        raise ValidationError(_("Give the share."))
    if (
        cell is not None
        and isinstance(cell.value, int | float)
        and "%" in (cell.number_format or "")
    ):
        number = number * 100
        if number > 100:
            raise ValidationError(_("A percentage cannot be over 100."))
    return number.quantize(_ONE_DECIMAL, ROUND_HALF_UP)


def _read(upload) -> tuple[list[dict], list[UploadError]]:
    headers = _headers()
    rows, errors = upload_rows(upload, _COLUMNS, headers)
    names, figures, seen = _unit_names(), [], set()
    for number, cells in rows:
        name = str(cell_value(cells, "unit") or "").strip()
        found = names.get(name.casefold(), [])
        if len(found) != 1:
            message = (
                _("Several result units are called “%(name)s”; use the abbreviation.")
                if found
                else _("Unknown result unit “%(name)s”.")
            )
            errors.append(UploadError(number, headers["unit"], message % {"name": name}))
            continue
        unit = found[0]
        if unit.pk in seen:
            errors.append(UploadError(number, headers["unit"], _("%(name)s is given twice.") % {"name": name}))  # fmt: skip
            continue
        seen.add(unit.pk)
        try:
            share = _share(cells.get("share"))
        except ValidationError as error:
            errors.append(UploadError(number, headers["share"], " ".join(error.messages)))
            continue
        try:
            staff, _text = clean_value(Unit.PERSONS, cell_value(cells, "staff"))
        except ValidationError as error:
            errors.append(UploadError(number, headers["staff"], " ".join(error.messages)))
            continue
        figures.append(
            {"unit": unit, "share": share, "staff": None if staff is None else int(staff)}
        )
    return figures, sorted(errors, key=lambda e: e.row)


def diversity_upload_apply(*, year: int, upload, actor) -> int:
    """Check every row of HR's file and save the year's figures of every unit in it, or
    nothing (UploadRefused lists each error by row and column). Units not in the file keep
    their figures. Returns how many rows were saved."""
    figures, errors = _read(upload)
    if errors:
        raise UploadRefused(errors)
    if not figures:
        raise UploadRefused([UploadError(0, "", _("The file has no values."))])
    return staff_diversity_save(year=year, figures=figures, actor=actor)
