"""The list pages' filter form and table rows, drawn in Python (issue 12).

The list page spent about half its time in crispy's per-field templates (a select of 250
countries renders one template per option) and most of the rest in django-tables2's
per-cell template loop. These tags draw the same markup (crispy's Bootstrap 5 field layout,
django-tables2's rows) with string building; anything unusual (a field with errors, a
widget other than an input or a select) still goes through crispy, so it looks the same.
"""

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field, as_crispy_form
from django import forms, template
from django.templatetags.l10n import localize, unlocalize
from django.utils import formats
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime

__all__ = ["filter_form", "table_rows"]

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


@register.simple_tag
def table_rows(table) -> SafeString:
    """The `<tr>`s of a table's page, as django-tables2's table.html draws them.

    A column's `<td>` attributes are worked out once per page unless they depend on the
    record (callables)."""
    columns = list(table.columns)
    fixed = {}
    for column in columns:
        td = column.column.attrs.get("td", column.column.attrs.get("cell", {}))
        if _static(td) and _static(table.attrs.get("td", {})):
            fixed[column.name] = column.attrs["td"].as_html()
    lines = []
    for row in table.paginated_rows:
        cells = []
        for column in columns:
            value = row.get_cell(column.name)
            td = fixed.get(column.name)
            if td is None:
                column.current_value, column.current_record = value, row.record
                td = column.attrs["td"].as_html()
            cells.append(f"<td {td}>{_cell(column, value)}</td>")
        lines.append(f"<tr {row.attrs.as_html()}>{''.join(cells)}</tr>")
    return mark_safe("\n".join(lines))
