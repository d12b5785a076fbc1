"""The rules a figure must meet, in one place: the value form and the Excel upload both
call `clean_value`; whether a closed reporting period still takes changes:
`accepts_changes`."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Unit

__all__ = ["clean_value", "parse_number", "accepts_changes", "CLOSED_PERIOD"]

_INTEGER_UNITS = {Unit.COUNT, Unit.PERSONS, Unit.RANK}
CLOSED_PERIOD = gettext_lazy(
    "The reporting period is closed: figures can no longer be saved or submitted. Ask kv-tiimi."
)


def accepts_changes(user, submission) -> bool:
    """Departments save and submit only while the period is open; kv-tiimi (entering for
    outside sources, correcting) at any time."""
    return submission.period.is_open or bool(user and user.sees_everything)


def parse_number(raw) -> Decimal | None:
    """ "1 234,5" / 1234.5 -> Decimal; "" -> None; ValueError for anything else."""
    if raw is None or isinstance(raw, bool):
        if raw is None:
            return None
        raise ValueError(raw)
    if isinstance(raw, int | float | Decimal):
        return Decimal(str(raw))
    text = str(raw).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(raw) from None
    if not number.is_finite():
        raise ValueError(raw)
    return number


def clean_value(unit: str, raw, text: str = "") -> tuple[Decimal | None, str]:
    """(number, text) for an indicator of `unit`, or ValidationError saying what is wrong.
    A text indicator takes text only; every other one a number within its unit's range."""
    text = (text or "").strip()
    if unit == Unit.TEXT:
        if raw not in (None, ""):
            text = text or str(raw).strip()
        return None, text
    try:
        number = parse_number(raw)
    except ValueError:
        raise ValidationError(_("“%(value)s” is not a number.") % {"value": raw}) from None
    if text:
        raise ValidationError(_("This indicator takes a number, not text."))
    if number is None:
        return None, ""
    if number < 0:
        raise ValidationError(_("The value cannot be negative."))
    if unit in _INTEGER_UNITS and number != number.to_integral_value():
        raise ValidationError(_("The value must be a whole number."))
    if unit == Unit.RANK and number < 1:
        raise ValidationError(_("A rank starts from 1."))
    if unit == Unit.PERCENT and number > 100:
        raise ValidationError(_("A percentage cannot be over 100."))
    if unit == Unit.SCALE and not 1 <= number <= 5:
        raise ValidationError(_("A value on the scale must be between 1 and 5."))
    if abs(number) >= Decimal("1e13"):
        raise ValidationError(_("The value is too large."))
    return number, ""
