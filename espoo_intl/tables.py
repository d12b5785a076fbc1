"""The base table of every register list."""

import functools

import django_tables2 as tables
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_tables2 import utils as tables_utils

__all__ = ["RegisterTable", "YesNoColumn", "joined_names"]

_signature = tables_utils.signature


@functools.lru_cache(maxsize=2048)
def _cached_signature(function, bound: bool):
    if bound:
        args, kwargs_name = _signature(function)
        return args[1:], kwargs_name  # without `self`, as for the bound method
    return _signature(function)


def _signature_once(fn):
    """django-tables2 asks `inspect.signature()` of a column's render/value method for
    every cell (issue 12: a third of a list's table time): ask once per function."""
    function = getattr(fn, "__func__", None)
    try:
        if function is not None:
            return _cached_signature(function, True)
        return _cached_signature(fn, False)
    except TypeError:  # an unhashable callable
        return _signature(fn)


tables_utils.signature = _signature_once


class YesNoColumn(tables.BooleanColumn):
    """ "yes"/"no" in the user's language, on the page and in exports (never a tick and a
    blank: a blank cell reads as "unknown")."""

    def __init__(self, **kwargs):
        kwargs.setdefault("yesno", (_("yes"), _("no")))
        super().__init__(**kwargs)

    def value(self, record, value, bound_column):
        return (
            gettext("yes") if self._get_bool_value(record, value, bound_column) else gettext("no")
        )


def joined_names(objects) -> str:
    """Related objects in a cell: their names, comma-separated ("" for none)."""
    return ", ".join(str(o) for o in objects)


class RegisterTable(tables.Table):
    """Shows `SCREEN_COLUMNS` on the page; every column still goes to the CSV and Excel
    exports (django-tables2's `as_values` includes hidden columns). A column the table
    draws itself (`render_FOO`/`value_FOO`) declares how the export reads it in
    `export_cells` (espoo_intl.exports.ExportCell), or is read cell by cell."""

    SCREEN_COLUMNS: tuple = ()
    export_cells: dict = {}
    # Choice labels are lower-case in the catalogues; in a cell they start with a capital.
    CAPITALISED: tuple = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.columns.names():
            if self.SCREEN_COLUMNS and name not in self.SCREEN_COLUMNS:
                self.columns.hide(name)
        for name in self.CAPITALISED:
            self.columns[name].column.attrs.setdefault("td", {})["class"] = "text-capfirst"

    def value_themes(self, value):
        return joined_names(value.all())
