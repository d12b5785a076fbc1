"""Validation rules shared by visits and visit requests (one place for each rule)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import VisitKind

__all__ = [
    "date_and_rank_errors", "date_range_errors", "fee_errors", "sensible_years",
    "NO_FEE_KINDS", "EARLIEST_YEAR", "YEARS_AHEAD",
]  # fmt: skip

# Dates stay within sensible years: nothing before 2000, nothing over ten years ahead (a
# date in year 9999 broke every reader's iCal feed).
EARLIEST_YEAR = 2000
YEARS_AHEAD = 10

# 3.4: a fee may be charged for an expert visit, never for a dignitary or partner-city visit.
NO_FEE_KINDS = (VisitKind.DIGNITARY, VisitKind.TWIN_CITY)


def sensible_years() -> tuple[datetime.date, datetime.date]:
    """The first and the last date a visit or a request may have."""
    today = timezone.localdate()
    return datetime.date(EARLIEST_YEAR, 1, 1), datetime.date(today.year + YEARS_AHEAD, 12, 31)


def date_range_errors(obj, *fields: str) -> dict:
    """Each of these date fields lies within `sensible_years()`."""
    first, last = sensible_years()
    errors = {}
    for name in fields:
        value = getattr(obj, name)
        if value and not (first <= value <= last):
            errors[name] = _("Give a date between %(first)s and %(last)s.") % {
                "first": first.strftime("%d.%m.%Y"),
                "last": last.strftime("%d.%m.%Y"),
            }
    return errors


def fee_errors(obj, *fields: str) -> dict:
    """No fee (the fields given, e.g. paid / invoiced amount) on a dignitary or a
    partner-city visit (3.4)."""
    if obj.kind not in NO_FEE_KINDS:
        return {}
    return {
        name: _("No fee is charged for a dignitary or a twin or partner city visit.")
        for name in fields
        if getattr(obj, name)
    }


def date_and_rank_errors(obj, start_field: str, end_field: str) -> dict:
    """End not before start; both within sensible years; a dignitary rank exactly when the
    kind is a dignitary visit; dignitary rules cover foreign guests only (3.3)."""
    errors = date_range_errors(obj, start_field, end_field)
    start, end = getattr(obj, start_field), getattr(obj, end_field)
    if start and end and end < start:
        errors[end_field] = _("The end date cannot be before the start date.")
    if obj.kind == VisitKind.DIGNITARY and not obj.dignitary_rank:
        errors["dignitary_rank"] = _("Choose the dignitary rank for a dignitary visit.")
    if obj.kind and obj.kind != VisitKind.DIGNITARY and obj.dignitary_rank:
        errors["dignitary_rank"] = _("A dignitary rank is only given for a dignitary visit.")
    if obj.kind == VisitKind.DIGNITARY and obj.country == "FI":
        errors["country"] = _(
            "The dignitary rules cover foreign guests only: a visit by a Finnish ambassador "
            "or minister is logged as another kind of visit."
        )
    return errors
