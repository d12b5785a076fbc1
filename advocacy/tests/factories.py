import datetime
import itertools

from django.utils import timezone

from advocacy.choices import Kind, Requester
from advocacy.models import AdvocacyItem, DevelopmentItem

_numbers = itertools.count(100)


def make_item(*, units, kind=Kind.CONSULTATION, **fields) -> AdvocacyItem:
    """An item saved directly (tests that exercise the services use them instead)."""
    defaults = {
        "title": f"{kind} item",
        "requester": Requester.COMMISSION,
        "deadline": timezone.localdate() + datetime.timedelta(days=30),
    }
    if kind == Kind.OFFICIAL:
        defaults["body"] = "board"
    item = AdvocacyItem.objects.create(kind=kind, **(defaults | fields))
    item.units.set(units)
    return item


def make_development(*, owner_unit, **fields) -> DevelopmentItem:
    number = next(_numbers)
    return DevelopmentItem.objects.create(
        number=number, title_fi=f"Kehityskohde {number}", owner_unit=owner_unit, **fields
    )
