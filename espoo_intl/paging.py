"""Pagination that no query parameter can break (issue 8): `?per_page=-5`, `?per_page=0`,
a huge page size or a page past the end gives a normal page, not a server error."""

from django.core.paginator import Paginator

__all__ = ["SafePaginator", "DEFAULT_PER_PAGE", "MAX_PER_PAGE"]

DEFAULT_PER_PAGE = 25
MAX_PER_PAGE = 200


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
