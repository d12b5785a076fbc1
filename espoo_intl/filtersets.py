"""The base of every register's FilterSet: free-text search and unit-tree filtering."""

import django_filters
from django.db.models import Max, Min, Q
from django.utils.translation import gettext_lazy as _

__all__ = ["RegisterFilterSet", "ALL", "MAX_SEARCH_TERMS", "MAX_SEARCH_LENGTH", "year_span"]

ALL = _("all")
# A search is a few words: more would only build a query the database refuses (issue 8).
MAX_SEARCH_TERMS = 10
MAX_SEARCH_LENGTH = 200


class RegisterFilterSet(django_filters.FilterSet):
    """`q` finds records whose `search_fields` contain every word typed."""

    search_fields: tuple[str, ...] = ()
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=MAX_SEARCH_LENGTH)

    def search(self, queryset, name, value):
        """Every word must match; words past the first MAX_SEARCH_TERMS are ignored."""
        terms = Q()
        for word in value.split()[:MAX_SEARCH_TERMS]:
            any_field = Q()
            for field in self.search_fields:
                any_field |= Q(**{f"{field}__icontains": word})
            terms &= any_field
        return queryset.filter(terms)

    def in_unit(self, queryset, name, unit):
        """A department includes its result units."""
        return queryset.filter(Q(**{name: unit}) | Q(**{f"{name}__parent": unit}))


def year_span(queryset, field: str) -> list[int]:
    """The years from the latest to the earliest `field` date in `queryset`, newest first.

    One MIN/MAX query: `.dates(field, "year")` truncated every row's date in Python on
    SQLite and took longer than the rest of a 20,000-visit list page (issue 12). A year
    with no rows between the first and the last is offered too (it lists nothing)."""
    span = queryset.aggregate(first=Min(field), last=Max(field))
    if span["first"] is None:
        return []
    return list(range(span["last"].year, span["first"].year - 1, -1))
