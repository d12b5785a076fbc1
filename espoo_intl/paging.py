"""Pagination that no query parameter can break (issue 8): `?per_page=-5`, `?per_page=0`,
a huge page size or a page past the end gives a normal page, not a server error. And the
first rows of a panel with how many there are in all, in one query (`first_rows`)."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, Window

__all__ = [
    "SafePaginator",
    "DEFAULT_PER_PAGE",
    "MAX_PER_PAGE",
    "FirstRows",
    "first_rows",
    "PANEL_ROWS",
]

DEFAULT_PER_PAGE = 25
MAX_PER_PAGE = 200
# A dashboard panel's table lists at most this many rows (the page stays the same size
# however many records pile up, issue 12); a line under it gives the total.
PANEL_ROWS = 20


class SafePaginator(Paginator):
    """Keeps the page size between 1 and MAX_PER_PAGE (django-tables2 reads it from
    `?per_page=`; it turns an unknown or out-of-range `?page=` into the first or last page)."""

    def __init__(self, object_list, per_page, *args, **kwargs):
        try:
            per_page = int(per_page)
        except (TypeError, ValueError):
            per_page = DEFAULT_PER_PAGE
        if per_page < 1:
            per_page = DEFAULT_PER_PAGE
        super().__init__(object_list, min(per_page, MAX_PER_PAGE), *args, **kwargs)


@dataclass(frozen=True)
class FirstRows:
    """The first rows of a list (a dashboard panel's table) and how many there are in all."""

    rows: list
    total: int

    @property
    def shown(self) -> int:
        return len(self.rows)

    @property
    def more(self) -> bool:
        return self.total > len(self.rows)


def first_rows(queryset, n: int) -> FirstRows:
    """The queryset's first `n` rows (in its order) and its count: one query (a window
    count), so a panel costs the same however many rows there are. A distinct or grouped
    queryset, whose window would count the rows before they are merged, takes a second
    query for the count."""
    query = queryset.query
    if query.distinct or query.group_by is not None:
        rows = list(queryset[:n])
        total = len(rows) if len(rows) < n else queryset.count()
        return FirstRows(rows, total)
    rows = list(queryset.annotate(rows_in_all=Window(Count("pk")))[:n])
    return FirstRows(rows, rows[0].rows_in_all if rows else 0)
