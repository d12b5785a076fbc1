"""Exports that a spreadsheet cannot turn into live formulas (OWASP "CSV injection").

Every register's list exports through `SafeTableExport` (set on ObjectListView): a text cell
that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading single quote,
so Excel and LibreOffice show it as text. Numbers stay numbers.

Formats: "xlsx" (dates are date cells shown dd.mm.yyyy), "csv_excel" (what Finnish Excel
opens on a double click: UTF-8 with a byte-order mark, semicolons) and plain "csv" (commas,
no BOM, for scripts).
"""

import datetime
import io

import openpyxl
from django_tables2.export import TableExport

__all__ = [
    "FORMULA_TRIGGERS", "CSV_EXCEL", "XLSX_DATE_FORMAT", "neutralise_cell", "neutralise_dataset",
    "SafeTableExport", "export_extension",
]  # fmt: skip

CSV_EXCEL = "csv_excel"
XLSX_DATE_FORMAT = "dd.mm.yyyy"

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    """The value as a spreadsheet should store it: text that could start a formula is quoted."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def neutralise_dataset(dataset):
    """Quote every risky header and cell of a tablib Dataset in place; return it."""
    if dataset.headers:
        dataset.headers = [neutralise_cell(h) for h in dataset.headers]
    rows = [tuple(neutralise_cell(v) for v in row) for row in dataset]
    del dataset[:]
    dataset.extend(rows)
    return dataset


class SafeTableExport(TableExport):
    """django-tables2's export, only in the formats the portal offers, with cells neutralised."""

    FORMATS = {
        TableExport.CSV: TableExport.FORMATS[TableExport.CSV],
        CSV_EXCEL: TableExport.FORMATS[TableExport.CSV],
        TableExport.XLSX: TableExport.FORMATS[TableExport.XLSX],
    }

    @classmethod
    def is_valid_format(cls, export_format):
        return export_format in cls.FORMATS

    def table_to_dataset(self, table, exclude_columns, dataset_kwargs=None):
        dataset = super().table_to_dataset(table, exclude_columns, dataset_kwargs)
        if self.format == TableExport.XLSX:
            _dates_as_dates(dataset, table, exclude_columns)
        return neutralise_dataset(dataset)

    def export(self):
        if self.format == CSV_EXCEL:
            return "\ufeff" + self.dataset.export("csv", delimiter=";")
        if self.format == TableExport.XLSX:
            return _xlsx(self.dataset)
        return super().export()


def export_extension(export_format: str) -> str:
    """The file name's extension for an export format (the Excel CSV is a .csv too)."""
    return "csv" if export_format == CSV_EXCEL else export_format


def _dates_as_dates(dataset, table, exclude_columns) -> None:
    """Put the record's own date back in each cell whose column holds a date (the table
    renders dates as text), so the spreadsheet gets a date cell it can sort and sum."""
    exclude = set(exclude_columns or ())
    columns = [
        c
        for c in table.columns.iterall()
        if not (c.column.exclude_from_export or c.name in exclude)
    ]
    rows = []
    for bound_row, values in zip(table.rows, list(dataset), strict=False):
        row = list(values)
        for i, column in enumerate(columns):
            try:
                raw = column.accessor.resolve(bound_row.record)
            except Exception:  # noqa: BLE001 (a computed column has no attribute to read)
                continue
            if isinstance(raw, datetime.datetime):
                row[i] = raw.replace(tzinfo=None)
            elif isinstance(raw, datetime.date):
                row[i] = raw
        rows.append(tuple(row))
    del dataset[:]
    dataset.extend(rows)


def _xlsx(dataset) -> bytes:
    """The dataset as one sheet; date cells formatted dd.mm.yyyy."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = str(dataset.title or "Export")[:31]
    sheet.append(list(dataset.headers or []))
    for values in dataset:
        sheet.append(list(values))
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, datetime.date):
                cell.number_format = XLSX_DATE_FORMAT
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
