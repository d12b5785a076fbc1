"""The list pages' filter form and table rows, drawn in Python (issue 12).

The list page spent about half its time in crispy's per-field templates (a select of 250
countries renders one template per option) and most of the rest in django-tables2's
per-cell template loop. These tags draw the same markup (crispy's Bootstrap 5 field layout,
django-tables2's rows) with string building; anything unusual (a field with errors, a
widget other than an input or a select) still goes through crispy, so it looks the same.
"""

import functools

import django_tables2 as tables
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field, as_crispy_form
from django import forms, template
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.template.defaultfilters import date as date_filter
from django.templatetags.l10n import localize, unlocalize
from django.utils import formats
from django.utils.encoding import force_str
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime

from espoo_intl.tables import YesNoColumn

__all__ = ["filter_form", "table_rows", "rows_html"]

register = template.Library()

# Inputs drawn by the fast path (crispy gives them "form-control"); others go to crispy.
_SKIPPED_INPUTS = (forms.CheckboxInput, forms.FileInput, forms.HiddenInput)


def _attrs(attrs: dict) -> str:
    """Django's widgets/attrs.html: True -> bare name, False -> left out."""
    parts = []
    for name, value in attrs.items():
        if value is True:
            parts.append(f" {name}")
        elif value is not False and value is not None:
            parts.append(f' {name}="{escape(value)}"')
    return "".join(parts)


def _with_class(widget, extra: str) -> None:
    """The classes crispy adds: the widget's name ("select", "textinput") and Bootstrap's."""
    name = widget.__class__.__name__.lower()
    css = widget.attrs.get("class", "")
    if name not in css:
        css = f"{css} {name}".strip()
    for cls in extra.split():
        if cls not in css.split():
            css += f" {cls}"
    widget.attrs["class"] = css


def _options(options) -> str:
    return "".join(
        f'<option value="{escape(o["value"])}"{_attrs(o["attrs"])}>{escape(o["label"])}</option>'
        for o in options
    )


def _select(context: dict) -> str:
    w = context["widget"]
    body = []
    for group, options, _index in w["optgroups"]:
        if group:
            body.append(f'<optgroup label="{escape(group)}">{_options(options)}</optgroup>')
        else:
            body.append(_options(options))
    return f'<select name="{escape(w["name"])}"{_attrs(w["attrs"])}>{"".join(body)}</select>'


def _plain_select(widget) -> bool:
    """A Select whose options are drawn as Django's own Select draws them."""
    cls = type(widget)
    return (
        cls.optgroups is forms.Select.optgroups
        and cls.create_option is forms.Select.create_option
        and cls.format_value is forms.Select.format_value
        and not cls.option_inherits_attrs
    )


def _select_from_choices(widget, name: str, value, attrs: dict) -> str:
    """Django's Select, drawn from its choices without a dict per option (Select.optgroups
    and create_option, for a single choice: the first option matching the value is selected)."""
    values = set(widget.format_value(value))
    chosen = False
    body = []

    def option(v, label) -> str:
        nonlocal chosen
        selected = not chosen and str(v) in values
        chosen |= selected
        mark = " selected" if selected else ""
        return f'<option value="{escape(v)}"{mark}>{escape(label)}</option>'

    for v, label in widget.choices:
        if v is None:
            v = ""
        if isinstance(label, (list, tuple)):
            inner = "".join(option("" if sv is None else sv, sl) for sv, sl in label)
            body.append(f'<optgroup label="{escape(v)}">{inner}</optgroup>')
        else:
            body.append(option(v, label))
    return f'<select name="{escape(name)}"{_attrs(attrs)}>{"".join(body)}</select>'


def _input(context: dict) -> str:
    w = context["widget"]
    value = "" if w["value"] is None else f' value="{escape(w["value"])}"'
    return f'<input type="{w["type"]}" name="{escape(w["name"])}"{value}{_attrs(w["attrs"])}>'


def _fast_field(bf) -> str | None:
    """One field in crispy's Bootstrap 5 layout, or None when crispy should draw it."""
    widget = bf.field.widget
    if bf.errors or bf.is_hidden:
        return None
    if isinstance(widget, forms.Select) and not widget.allow_multiple_selected:
        _with_class(widget, "form-select")
        draw = _select
    elif isinstance(widget, forms.widgets.Input) and not isinstance(widget, _SKIPPED_INPUTS):
        _with_class(widget, "form-control")
        draw = _input
    else:
        return None
    attrs = bf.build_widget_attrs({}, widget)
    if bf.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", bf.auto_id)
    if draw is _select and _plain_select(widget):
        control = _select_from_choices(widget, bf.html_name, bf.value(), {**widget.attrs, **attrs})
    else:
        control = draw(widget.get_context(bf.html_name, bf.value(), {**widget.attrs, **attrs}))
    required = bf.field.required
    label = ""
    if bf.label:
        label = format_html(
            '<label for="{}" class="form-label{}">{}{}</label> ',
            bf.id_for_label,
            " requiredField" if required else "",
            bf.label,
            mark_safe('<span class="asteriskField">*</span>') if required else "",
        )
    help_text = ""
    if bf.help_text:
        help_text = format_html(
            '<div id="{}_helptext" class="form-text">{}</div>', bf.auto_id, mark_safe(bf.help_text)
        )
    css = f" {bf.css_classes()}" if bf.css_classes() else ""
    return f'<div id="div_{bf.auto_id}" class="mb-3{css}"> {label}{control}{help_text} </div>'


@register.simple_tag
def filter_form(form) -> SafeString:
    """`{{ form|crispy }}` for a list's filter form, without a template per field and option."""
    if form.non_field_errors():
        return as_crispy_form(form)
    parts = []
    for bf in form:
        html = _fast_field(bf)
        parts.append(html if html is not None else as_crispy_field(bf))
    return mark_safe(" ".join(parts))


def _cell(column, value) -> str:
    """A cell as django-tables2's template prints it (`{{ cell }}`, |localize, |unlocalize)."""
    if column.localize is None:
        return conditional_escape(formats.localize(template_localtime(value)))
    return conditional_escape(localize(value) if column.localize else unlocalize(value))


def _static(attrs) -> bool:
    return not any(callable(v) for v in attrs.values())


_FAST_COLUMNS = (tables.Column, tables.DateColumn, tables.BooleanColumn)
_MISSING = object()


def _field(model, parts: list[str]):
    """The model field the accessor ends on, with the model it belongs to, or (None, None)."""
    for i, part in enumerate(parts):
        try:
            field = model._meta.get_field(part)
        except (FieldDoesNotExist, AttributeError):
            return None, None
        if i == len(parts) - 1:
            return field, model
        model = field.related_model
        if model is None:
            return None, None
    return None, None


def _fast_cell(table, bound_column):
    """A function row -> the cell's content as django-tables2's BoundRow.get_cell gives it,
    for the columns whose every step is known here (issue 12: get_cell's generic machinery,
    asked per cell, was a third of a list page), or None for get_cell.

    Known: a plain Column, a DateColumn or a BooleanColumn (YesNoColumn), with no render_FOO
    method on the table, whose accessor is a chain of attributes. A field with choices shows
    its label, as get_FOO_display() does; a DateColumn formats as its template would.
    """
    column = bound_column.column
    if type(column) not in (*_FAST_COLUMNS, YesNoColumn):
        return None
    if getattr(table, f"render_{bound_column.name}", None) is not None:
        return None
    accessor = str(bound_column.accessor)
    if not accessor or "." in accessor:
        return None
    parts = accessor.split("__")
    model = getattr(table._meta, "model", None)
    field, owner = _field(model, parts) if model is not None else (None, None)
    labels = None
    if field is not None and field.choices:
        labels = {k: force_str(v, strings_only=True) for k, v in field.flatchoices}
    if isinstance(field, (models.ManyToManyField, models.ForeignObjectRel)):
        return None
    if type(column) is tables.DateColumn:
        fmt = column.template_code.split('date:"', 1)[1].split('"', 1)[0]
        draw = functools.partial(_date, fmt, bound_column.default)
    elif type(column) is tables.Column:
        draw = None
    else:  # BooleanColumn: its own render, which reads the record and the bound column
        draw = _boolean(column, bound_column)
    empty, default, link = column.empty_values, bound_column.default, bound_column.link

    def cell(row):
        record = value = row.record
        for part in parts:
            value = getattr(value, part, _MISSING)
            if value is _MISSING or callable(value):  # A.resolve would call it
                raise _Unknown
            if value is None:
                break
        if labels is not None and value is not None:
            value = labels.get(value, value)
        if value in empty:
            return default
        content = value if draw is None else draw(value, record)
        if link:
            return link(content, value=value, record=record, column=column,
                        bound_column=bound_column, bound_row=row, table=table)  # fmt: skip
        return content

    return cell


class _Unknown(Exception):
    """A record the fast path cannot read (get_cell decides)."""


def _date(fmt: str, default, value, record):
    """DateColumn's `{{ value|date:fmt|default:default }}` without a template per cell."""
    text = date_filter(value, fmt)
    return text if text else default


def _boolean(column, bound_column):
    def draw(value, record):
        return column.render(value=value, record=record, bound_column=bound_column)

    return draw


@register.simple_tag
def table_rows(table) -> SafeString:
    """The `<tr>`s of a table's page, as django-tables2's table.html draws them.

    A column's `<td>` attributes are worked out once per page unless they depend on the
    record (callables); a cell's content comes from `_fast_cell` where it can."""
    return rows_html(table)


def rows_html(table, *, fast: bool = True) -> SafeString:
    """table_rows; `fast=False` asks django-tables2's get_cell for every cell (the tests
    compare the two)."""
    columns = list(table.columns)
    fixed, reader = {}, {}
    for column in columns:
        td = column.column.attrs.get("td", column.column.attrs.get("cell", {}))
        if _static(td) and _static(table.attrs.get("td", {})):
            fixed[column.name] = column.attrs["td"].as_html()
        reader[column.name] = _fast_cell(table, column) if fast else None
    lines = []
    for row in table.paginated_rows:
        cells = []
        for column in columns:
            read = reader[column.name]
            try:
                value = read(row) if read is not None else row.get_cell(column.name)
            except _Unknown:  # this column goes to get_cell from here on
                reader[column.name] = None
                value = row.get_cell(column.name)
            td = fixed.get(column.name)
            if td is None:
                column.current_value, column.current_record = value, row.record
                td = column.attrs["td"].as_html()
            cells.append(f"<td {td}>{_cell(column, value)}</td>")
        lines.append(f"<tr {row.attrs.as_html()}>{''.join(cells)}</tr>")
    return mark_safe("\n".join(lines))
