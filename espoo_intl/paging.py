"""Pagination that no query parameter can break (issue 8): `?per_page=-5`, `?per_page=0`,
a huge page size or a page past the end gives a normal page, not a server error. And the
first rows of a panel with how many there are in all, in one query (`first_rows`)."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import F, Func, IntegerField, Subquery

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
    """The queryset's first `n` rows (in its order) and its count, in one query: the count
    is an uncorrelated subquery (run once) beside the rows, so the database still stops
    after `n` rows (a window count would carry every matching row along). A grouped
    queryset takes a second query for the count."""
    if queryset.query.group_by is not None:
        rows = list(queryset[:n])
        return FirstRows(rows, len(rows) if len(rows) < n else queryset.count())
    # DISTINCT pk: a distinct queryset (for_user across a many-to-many) counts merged rows.
    count = Func(F("pk"), template="COUNT(DISTINCT %(expressions)s)", output_field=IntegerField())
    total = Subquery(queryset.order_by().annotate(rows_counted=count).values("rows_counted"))
    rows = list(queryset.annotate(rows_in_all=total)[:n])
    return FirstRows(rows, rows[0].rows_in_all if rows else 0)
