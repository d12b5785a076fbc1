from espoo_intl.models import Theme  # shared by every register; re-exported for old imports

from .planning import (
    ChecklistItem,
    ChecklistTemplate,
    Gift,
    Guest,
    ProtocolNotice,
    ProtocolRule,
    RoutingRule,
)
from .request import (
    EVALUATION,
    EVALUATION_QUESTIONS,
    OPEN_STATES,
    TIMELY,
    VisitRequest,
)
from .visit import Visit

__all__ = [
    "Theme", "Visit", "VisitRequest", "OPEN_STATES", "EVALUATION", "TIMELY",
    "EVALUATION_QUESTIONS", "ProtocolRule",
    "ProtocolNotice", "RoutingRule", "ChecklistTemplate", "ChecklistItem", "Guest", "Gift",
]  # fmt: skip
