"""`{{ text|formatted }}`: a short Markdown text as HTML that nh3 has cleaned (no script,
no event handler, no style reaches a page or the PDF)."""

import markdown
import nh3
from django import template
from django.utils.safestring import mark_safe

register = template.Library()

_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "blockquote"}


@register.filter
def formatted(text: str) -> str:
    html = markdown.markdown(text or "", output_format="html")
    return mark_safe(nh3.clean(html, tags=_TAGS, link_rel="noopener noreferrer"))  # noqa: S308 - cleaned by nh3
