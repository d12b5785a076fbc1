"""Exports that a spreadsheet cannot turn into live formulas (OWASP "CSV injection").

Every register's list exports through `SafeTableExport` (set on ObjectListView): a text cell
that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading single quote,
so Excel and LibreOffice show it as text. Numbers stay numbers.
"""

from django_tables2.export import TableExport

__all__ = ["FORMULA_TRIGGERS", "neutralise_cell", "neutralise_dataset", "SafeTableExport"]

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
        TableExport.XLSX: TableExport.FORMATS[TableExport.XLSX],
    }

    @classmethod
    def is_valid_format(cls, export_format):
        return export_format in cls.FORMATS

    def table_to_dataset(self, table, exclude_columns, dataset_kwargs=None):
        return neutralise_dataset(super().table_to_dataset(table, exclude_columns, dataset_kwargs))
