"""Numbers and dates in the report document, as the report's language writes them;
a missing figure reads "missing", never 0."""

import datetime

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from reports.render import format_number

register = template.Library()

_SUFFIX = {"eur": "\u00a0€", "percent": "\u00a0%"}


@register.simple_tag(takes_context=True)
def num(context, value, unit="", signed=False):
    """`{% num value unit %}`: the number with € or % after it; "missing" when None."""
    if value is None:
        return format_html('<span class="missing">{}</span>', _("missing"))
    if isinstance(value, str):
        return value
    return format_number(value, context["language"], signed=signed) + _SUFFIX.get(unit, "")


@register.filter
def day(value: str | None) -> str:
    """An ISO date as 31.12.2025."""
    if not value:
        return ""
    date = datetime.date.fromisoformat(value)
    return f"{date.day}.{date.month}.{date.year}"


@register.filter
def lookup(mapping: dict, key):
    return mapping.get(key) if mapping else None
