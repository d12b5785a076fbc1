from espoo_intl.models import Theme  # shared by every register; re-exported for old imports

from .planning import (
    Attachment,
    ChecklistItem,
    ChecklistTemplate,
    Gift,
    Guest,
    ProtocolNotice,
    ProtocolRule,
    RoutingRule,
)
from .request import OPEN_STATES, VisitRequest
from .visit import Visit

__all__ = [
    "Theme", "Visit", "VisitRequest", "OPEN_STATES", "ProtocolRule",
    "ProtocolNotice", "RoutingRule", "ChecklistTemplate", "ChecklistItem", "Guest", "Gift",
    "Attachment",
]  # fmt: skip
