"""Exports that a spreadsheet cannot turn into live formulas (OWASP "CSV injection").

Every register's list exports through `SafeTableExport` (set on ObjectListView): a text cell
that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading single quote,
so Excel and LibreOffice show it as text. Numbers stay numbers.

Formats: "xlsx" (dates are date cells shown dd.mm.yyyy), "csv_excel" (what Finnish Excel
opens on a double click: UTF-8 with a byte-order mark, semicolons) and plain "csv" (commas,
no BOM, for scripts).

A register list's export (issue 12) does not go through django-tables2 cell by cell:
`export_columns(table)` works out once per column how to read a record's value (choice
labels, country names, related names, yes/no, dates) and the rows stream from the
queryset in chunks: CSV as a StreamingHttpResponse, Excel row by row into a temporary
file (espoo_intl/xlsx.py: XlsxWriter's package, the cells written here; openpyxl still
reads the imported workbooks).
Memory stays flat in the row count. A column the fast readers do not know (a table's own
`value_FOO`/`render_FOO`, another column class) is read through django-tables2 as before,
so its value is the same.
"""

import csv
import datetime
import decimal
import io
import itertools
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import django_tables2 as tables
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.encoding import force_str
from django.utils.translation import gettext
from django_countries.fields import Country, CountryField
from django_tables2.export import TableExport
from django_tables2.rows import BoundRow

from .xlsx import DATE_FORMAT as XLSX_DATE_FORMAT
from .xlsx import write_sheet

__all__ = [
    "FORMULA_TRIGGERS", "CSV_EXCEL", "XLSX_DATE_FORMAT", "XLSX_CONTENT_TYPE", "CSV_CONTENT_TYPE",
    "neutralise_cell", "neutralise_dataset", "SafeTableExport", "export_extension",
    "ExportColumn", "ExportCell", "export_columns", "export_records", "csv_chunks", "write_xlsx",
]  # fmt: skip

XLSX_CONTENT_TYPE = TableExport.FORMATS[TableExport.XLSX]
CSV_CONTENT_TYPE = TableExport.FORMATS[TableExport.CSV]
EXPORT_CHUNK = 2000  # rows fetched (and their many-to-many rows prefetched) at a time
# Values that need no force_str() (most cells: checking the type is cheaper than the call).
_PLAIN = frozenset({str, type(None), bool, int, float, decimal.Decimal, datetime.date})

CSV_EXCEL = "csv_excel"

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
    """The dataset as one sheet (write_xlsx: date cells dd.mm.yyyy, no formulas)."""
    out = io.BytesIO()
    write_xlsx(list(dataset.headers or []), dataset, out, title=str(dataset.title or "Export"))
    return out.getvalue()


# --- register list exports without django-tables2 per cell (issue 12) -----------------------


@dataclass(frozen=True)
class ExportColumn:
    """How an export reads one column: `read(record, bound_row)` from a model instance
    (bound_row is None unless `needs_row`), and, when the column is plain data, `plan` to
    read it from a `values_list()` row instead (no model instances at all)."""

    header: str
    read: Callable
    needs_row: bool = False
    plan: "_Plan | None" = None


@dataclass(frozen=True)
class ExportCell:
    """How an export reads a column the table draws itself (a `render_FOO`/`value_FOO`
    method), declared once on the table as `export_cells = {"FOO": ExportCell(...)}`, so
    the export stays on values_list() rows instead of django-tables2 cell by cell:

    - `ExportCell()`: the column's data as for any plain column (its `value_FOO` gives
      just that; `render_FOO` is for the page);
    - `ExportCell(fields=("a", "b"), cell=f)`: `f(a, b)` of the row's stored values;
    - `ExportCell(many="partners", cell=f)`: `f(objects)` of the row's many-to-many
      objects, in their model's order (as a prefetch gives them).

    The table's `value_FOO` must give the same (each app's tests compare the two)."""

    fields: tuple = ()
    many: str = ""
    cell: Callable | None = None


@dataclass(frozen=True)
class _Plan:
    # "field": a column of the row; "fk": a related object; "many": related names;
    # "fields": several columns of the row (an ExportCell)
    kind: str
    attname: str = ""  # what values_list() selects ("kind", "host_unit_id")
    finish: Callable = lambda value: value  # the stored value(s) -> the cell
    field: object = None  # the relation ("fk", "many")
    nested: tuple = ()  # select_related() of the related objects ("fk")
    attnames: tuple = ()  # what values_list() selects ("fields")
    cell: Callable | None = None  # objects -> the cell ("many" of an ExportCell)


def _walk(model, parts):
    """The model field each part of an accessor names (None once it leaves the fields)."""
    fields = []
    for part in parts:
        if model is None:
            fields.append(None)
            continue
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            fields.append(None)
            model = None
            continue
        fields.append(field)
        model = field.related_model if field.is_relation else None
    return fields


def _call(obj):
    plain_method = callable(obj) and not isinstance(obj, models.Manager)
    if plain_method and not getattr(obj, "do_not_call_in_templates", False):
        return obj()
    return obj


def _reader(parts, fields):
    """value -> the accessor's end, from the object `parts` start at: getattr along it,
    calling plain methods as django-tables2 does; a choice field gives its label, a
    country its name (looked up once per code)."""
    labels = _labels(fields[-1] if fields else None)
    countries = {}

    def read(obj):
        for index, part in enumerate(parts):
            if obj is None:
                return None
            if isinstance(fields[index], CountryField) and index < len(parts) - 1:
                country = getattr(obj, part)  # a Country, or its code from values_list()
                code = getattr(country, "code", country)
                if code not in countries:
                    countries[code] = _rest(Country(code=code), parts[index + 1 :])
                return countries[code]
            try:
                obj = _call(getattr(obj, part))
            except Exception:  # noqa: BLE001 (django-tables2 shows the default then)
                return None
        return labels.get(obj, obj) if labels is not None else obj

    return read


def _labels(field) -> dict | None:
    """A choice field's {stored value: label} (what get_FOO_display() gives)."""
    if field is None or field.is_relation or not getattr(field, "choices", None):
        return None
    return {k: force_str(v, strings_only=True) for k, v in field.flatchoices}


def _memo(function):
    """function(value), worked out once per distinct value within one export."""
    seen = {}

    def memo(value):
        try:
            return seen[value]
        except KeyError:
            seen[value] = result = function(value)
            return result
        except TypeError:  # unhashable
            return function(value)

    return memo


def _rest(obj, parts):
    for part in parts:
        if obj is None:
            return None
        obj = _call(getattr(obj, part))
    return obj


def _value_themes():
    from .tables import RegisterTable

    return RegisterTable.value_themes


def _nested(queryset, name) -> tuple:
    """The list's select_related() below `name` ("host_unit__parent" -> ("parent",))."""
    tree = queryset.query.select_related
    if not isinstance(tree, dict) or name not in tree:
        return ()

    def paths(node, prefix=""):
        for key, child in node.items():
            yield prefix + key
            yield from paths(child, f"{prefix}{key}__")

    return tuple(paths(tree[name]))


def _declared_column(declared: ExportCell, queryset):
    """(model reader, values plan) of a column the table declares with an ExportCell."""
    cell = declared.cell
    if declared.many:
        field = queryset.model._meta.get_field(declared.many)
        return (lambda record, _row=None: cell(list(getattr(record, declared.many).all()))), _Plan(
            "many", field=field, cell=cell
        )
    paths = [path.split("__") for path in declared.fields]

    def read(record, _row=None):
        return cell(*(_rest(record, parts) for parts in paths))

    return read, _Plan("fields", attnames=tuple(declared.fields), finish=cell)


def _fast_column(table, bound_column, queryset):
    """(model reader, values plan) for a plain-data column, or None (django-tables2 reads it)."""
    from .tables import YesNoColumn

    name, column = bound_column.name, bound_column.column
    table_type = type(table)
    declared = getattr(table_type, "export_cells", {}).get(name)
    if declared is not None and (declared.fields or declared.many):
        return _declared_column(declared, queryset)
    if declared is None and getattr(table_type, f"render_{name}", None) is not None:
        return None
    own_value = getattr(table_type, f"value_{name}", None)
    if declared is None and own_value is not None and own_value is not _value_themes():
        return None
    kind = type(column)
    if kind in (tables.URLColumn, tables.EmailColumn) and column.text is None:
        kind = tables.Column  # the address itself, as text
    if kind not in (tables.Column, tables.DateColumn, tables.ManyToManyColumn, YesNoColumn):
        return None
    parts = str(bound_column.accessor).split("__")
    fields = _walk(queryset.model, parts)
    first = fields[0]
    if first is None or first.auto_created and not first.concrete:
        return None  # a property, a method or a reverse relation
    if kind is tables.ManyToManyColumn:
        if len(parts) != 1 or not first.many_to_many:
            return None

        def names(items):
            return ", ".join(str(item) for item in items) or None

        return (lambda record, _row=None: names(getattr(record, name).all())), _Plan(
            "many", finish=names, field=first
        )
    if first.many_to_many or first.one_to_many:
        return None
    empty = column.empty_values
    if kind is YesNoColumn:
        yes, no = gettext("yes"), gettext("no")

        def finish(value):
            return yes if value else no
    else:

        def finish(value):
            return None if value in empty else value

    model_read = _reader(parts, fields)
    if first.many_to_one or first.one_to_one:
        rest = _reader(parts[1:], fields[1:])
        plan = _Plan(
            "fk",
            first.attname,
            finish=lambda obj: finish(rest(obj)),
            field=first,
            nested=_nested(queryset, name) if len(parts) > 1 else (),
        )
    elif len(parts) == 1:
        labels = _labels(first)
        plan = _Plan(
            "field",
            first.attname,
            finish=(lambda value: finish(labels.get(value, value))) if labels else finish,
        )
    else:  # a stored value read further ("country__name"): once per distinct value
        rest = _reader(parts, fields)
        plan = _Plan(
            "field", first.attname, finish=_memo(lambda value: finish(_stored(rest, value)))
        )
    return (lambda record, _row=None: finish(model_read(record))), plan


def _stored(read, value):
    # `read` walks the accessor from the record; give it the stored value where the
    # record's attribute would be (a CountryField's code becomes a Country, as on a model).
    return read(_Holder(value))


class _Holder:
    __slots__ = ("_value",)

    def __init__(self, value):
        self._value = value

    def __getattr__(self, name):
        return self._value


def _slow_reader(name):
    return lambda record, row: row.get_cell_value(name)


def export_columns(table, exclude_columns: Iterable[str] = ()) -> list[ExportColumn]:
    """Every column the export shows (hidden ones too, as django-tables2's export does)."""
    exclude = set(exclude_columns or ())
    queryset = table.data.data if isinstance(table.data.data, models.QuerySet) else None
    columns = []
    for bound_column in table.columns.iterall():
        if bound_column.column.exclude_from_export or bound_column.name in exclude:
            continue
        header = force_str(bound_column.header, strings_only=True)
        fast = _fast_column(table, bound_column, queryset) if queryset is not None else None
        if fast is not None:
            columns.append(ExportColumn(header, fast[0], plan=fast[1]))
        else:
            columns.append(ExportColumn(header, _slow_reader(bound_column.name), needs_row=True))
    return columns


def _chunks(iterable, size):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _values_records(queryset, columns) -> Iterator[list]:
    """Rows read with values_list(): related objects fetched once per key, many-to-many
    names per chunk of rows, no model instance per row."""
    plans = [c.plan for c in columns]
    attnames = list(dict.fromkeys(name for p in plans for name in (p.attname, *p.attnames) if name))
    position = {name: i + 1 for i, name in enumerate(attnames)}
    spots = {id(p): [position[name] for name in p.attnames] for p in plans if p.attnames}
    rows = (
        queryset.prefetch_related(None)
        .values_list("pk", *attnames)
        .iterator(chunk_size=EXPORT_CHUNK)
    )
    related = {id(p): {} for p in plans if p.kind == "fk"}
    finished = {id(p): {} for p in plans if p.kind == "fk"}  # the same key, the same cell
    objects = {id(p): {} for p in plans if p.kind == "many"}  # each related object, once
    names = {id(p): {} for p in plans if p.kind == "many"}  # str() of each object, once
    ranks = {id(p): {} for p in plans if p.kind == "many"}
    for chunk in _chunks(rows, EXPORT_CHUNK):
        many = {}
        for plan in plans:
            if plan.kind == "fk":
                cache = related[id(plan)]
                wanted = {row[position[plan.attname]] for row in chunk} - cache.keys() - {None}
                if wanted:
                    model = plan.field.related_model
                    found = model._base_manager.select_related(*plan.nested).in_bulk(wanted)
                    cache.update(found)
            elif plan.kind == "many" and id(plan) not in many:
                pks = [row[0] for row in chunk]
                targets = _many_targets(plan.field, pks, objects[id(plan)], ranks[id(plan)])
                many[id(plan)] = _many_cells(plan, targets, objects[id(plan)], names[id(plan)])
        for row in chunk:
            values = []
            for plan in plans:
                if plan.kind == "field":
                    values.append(plan.finish(row[position[plan.attname]]))
                elif plan.kind == "fields":
                    values.append(plan.finish(*(row[i] for i in spots[id(plan)])))
                elif plan.kind == "fk":
                    key = row[position[plan.attname]]
                    shown = finished[id(plan)]
                    if key not in shown:
                        obj = related[id(plan)].get(key) if key is not None else None
                        shown[key] = plan.finish(obj) if obj is not None else None
                    values.append(shown[key])
                elif plan.cell is not None:  # an ExportCell's objects, none as well
                    cells = many[id(plan)]
                    values.append(cells[row[0]] if row[0] in cells else plan.cell([]))
                else:
                    values.append(many[id(plan)].get(row[0]))
            yield [v if type(v) in _PLAIN else force_str(v, strings_only=True) for v in values]


def _many_targets(field, pks, objects: dict, ranks: dict) -> dict:
    """{pk: [related pk, ...]} in the related model's own order (as prefetch gives them);
    `objects` keeps each related object across chunks, `ranks` its place in that order
    (the related models are small: themes, partners, people, units)."""
    through = field.remote_field.through
    source = field.m2m_field_name()
    target = field.m2m_reverse_field_name()
    target_model = field.related_model
    if not ranks:  # the related model's rows once per export, in its own order
        ordered = target_model._base_manager.order_by(*(target_model._meta.ordering or ["pk"]))
        for i, obj in enumerate(ordered):
            ranks[obj.pk] = i
            objects[obj.pk] = obj
    pairs = through.objects.filter(**{f"{source}__in": pks}).values_list(
        f"{source}_id", f"{target}_id"
    )
    grouped = {}
    for s, t in pairs:
        grouped.setdefault(s, []).append(t)
    missing = {t for targets in grouped.values() for t in targets} - objects.keys()
    if missing:
        objects.update(target_model._base_manager.in_bulk(missing))
    for targets in grouped.values():
        targets.sort(key=lambda t: ranks.get(t, -1))
    return grouped


def _many_cells(plan, grouped: dict, objects: dict, names: dict) -> dict:
    """{pk: cell}: the ExportCell's `cell(objects)`, or the names joined as django-tables2's
    ManyToManyColumn shows them (str() of each object once per export)."""
    if plan.cell is not None:
        return {s: plan.cell([objects[t] for t in targets]) for s, targets in grouped.items()}
    for t in {t for targets in grouped.values() for t in targets} - names.keys():
        names[t] = str(objects[t])
    return {s: ", ".join(names[t] for t in targets) for s, targets in grouped.items()}


def export_records(table, columns: list[ExportColumn]) -> Iterator[list]:
    """Each record's values, EXPORT_CHUNK rows at a time (never all in memory): from
    values_list() rows when every column is plain data, else from model instances."""
    data = table.data.data
    if isinstance(data, models.QuerySet) and all(c.plan is not None for c in columns):
        yield from _values_records(data, columns)
        return
    records = data.iterator(chunk_size=EXPORT_CHUNK) if isinstance(data, models.QuerySet) else data
    needs_row = any(c.needs_row for c in columns)
    for record in records:
        row = BoundRow(record, table=table) if needs_row else None
        yield [force_str(c.read(record, row), strings_only=True) for c in columns]


class _Echo:
    def write(self, value):
        return value


def _csv_text(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    return neutralise_cell(value)


def csv_chunks(headers: list[str], rows: Iterable[list], *, excel: bool) -> Iterator[str]:
    """The CSV text in pieces for a StreamingHttpResponse: Finnish Excel's dialect (BOM,
    semicolons) or plain commas; cells that could start a formula quoted."""
    writer = csv.writer(_Echo(), delimiter=";" if excel else ",")
    if excel:
        yield "\ufeff"
    yield writer.writerow([neutralise_cell(h) for h in headers])
    batch = []
    for values in rows:
        batch.append(writer.writerow([_csv_text(v) for v in values]))
        if len(batch) >= 500:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


_XLSX_PLAIN = frozenset(
    {type(None), bool, int, float, decimal.Decimal, datetime.date, datetime.datetime, datetime.time}
)


def _xlsx_cell(value):
    """Text quoted if it could start a formula; a value of another kind as its text."""
    if isinstance(value, bool | int | float | decimal.Decimal | datetime.date | datetime.time):
        return value
    return neutralise_cell(value if isinstance(value, str) else str(value))


def write_xlsx(headers: list[str], rows: Iterable[list], out, *, title: str = "Export") -> int:
    """One sheet, written row by row in constant memory (espoo_intl/xlsx.py: XlsxWriter's
    package, our cells): memory stays flat in the row count (issue 12). Text is always an
    inline string, so no cell is ever a formula, and risky text is quoted as well; dates
    are date cells shown dd.mm.yyyy; an empty cell is still written, so each row is as
    long as the header. Returns the number of data rows."""
    plain, triggers = _XLSX_PLAIN, FORMULA_TRIGGERS
    quoted = (
        [
            v
            if type(v) in plain or type(v) is str and not v.startswith(triggers)
            else _xlsx_cell(v)
            for v in values
        ]
        for values in rows
    )
    header = [neutralise_cell(str(h)) for h in headers]
    written = write_sheet(itertools.chain([header], quoted), out, title=str(title)[:31] or "Export")
    return max(written - 1, 0)


def xlsx_tempfile(headers, rows, *, title: str = "Export"):
    """The workbook in a temporary file (deleted when closed), positioned at its start."""
    out = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 (the caller closes it)
    write_xlsx(headers, rows, out, title=title)
    out.seek(0)
    return out
