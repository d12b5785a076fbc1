from .catalogue import Theme
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
