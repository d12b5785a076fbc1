"""Validation rules shared by visits and visit requests (one place for each rule)."""

from django.utils.translation import gettext_lazy as _

from ..choices import VisitKind

__all__ = ["date_and_rank_errors"]


def date_and_rank_errors(obj, start_field: str, end_field: str) -> dict:
    """End not before start; a dignitary rank exactly when the kind is a dignitary visit."""
    errors = {}
    start, end = getattr(obj, start_field), getattr(obj, end_field)
    if start and end and end < start:
        errors[end_field] = _("The end date cannot be before the start date.")
    if obj.kind == VisitKind.DIGNITARY and not obj.dignitary_rank:
        errors["dignitary_rank"] = _("Choose the dignitary rank for a dignitary visit.")
    if obj.kind and obj.kind != VisitKind.DIGNITARY and obj.dignitary_rank:
        errors["dignitary_rank"] = _("A dignitary rank is only given for a dignitary visit.")
    return errors
