"""The calendar month's entries, drawn in Python (issue 12).

A busy month of a big city lists a few hundred entries, several days each: the template loop
over them was a third of the page. This tag draws the same `<ul>` per day.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

__all__ = ["day_entries"]

register = template.Library()


@register.simple_tag
def day_entries(entries) -> SafeString:
    """A day's entries: a link to each, its badge, and a "confidential" mark."""
    if not entries:
        return mark_safe("")
    confidential = format_html(
        ' <span class="badge text-bg-warning">{}</span>', gettext("confidential")
    )
    items = format_html_join(
        "\n",
        '<li class="mb-1"><a href="{}">{}</a>{}{}</li>',
        (
            (
                entry.url,
                entry.title,
                format_html(' <span class="badge text-bg-light border">{}</span>', entry.badge)
                if entry.badge
                else "",
                confidential if entry.confidential else "",
            )
            for entry in entries
        ),
    )
    return format_html('<ul class="list-unstyled mb-0">\n{}\n</ul>', items)
