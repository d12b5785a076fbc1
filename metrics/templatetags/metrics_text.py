"""`{{ text|formatted }}`: a short Markdown text as HTML that nh3 has cleaned (no script,
no event handler, no style reaches a page or the PDF). `{{ value|figure }}`: a figure as the
reader writes numbers."""

from decimal import Decimal

import markdown
import nh3
from django import template
from django.utils import formats
from django.utils.safestring import mark_safe

register = template.Library()

_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "blockquote"}


@register.filter
def formatted(text: str) -> str:
    html = markdown.markdown(text or "", output_format="html")
    return mark_safe(nh3.clean(html, tags=_TAGS, link_rel="noopener noreferrer"))  # noqa: S308 - cleaned by nh3


@register.filter
def figure(value):
    """1267.000 -> "1267", 7.500 -> "7,5" (in Finnish): an entered figure without the
    database's trailing zeros, in the reader's number format; text and None as they are."""
    if isinstance(value, Decimal) and value.is_finite():
        return formats.number_format(value.normalize(), use_l10n=True)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return formats.number_format(value, use_l10n=True)
    return value
