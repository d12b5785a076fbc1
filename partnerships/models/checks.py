"""Validation rules shared by partnerships and projects (one place for each rule)."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

__all__ = ["date_order_errors", "money_errors"]


def date_order_errors(obj, start_field: str = "start_date", end_field: str = "end_date") -> dict:
    """The end date is not before the start date."""
    start, end = getattr(obj, start_field), getattr(obj, end_field)
    if start and end and end < start:
        return {end_field: _("The end date cannot be before the start date.")}
    return {}


def money_errors(obj, fields) -> dict:
    """Sums of money are never negative."""
    return {
        name: _("The amount cannot be negative.")
        for name in fields
        if getattr(obj, name) is not None and getattr(obj, name) < Decimal("0")
    }
