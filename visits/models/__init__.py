from .catalogue import Theme
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
    RequestEvent,
    VisitRequest,
)
from .visit import Visit

__all__ = [
    "Theme", "Visit", "VisitRequest", "RequestEvent", "OPEN_STATES", "EVALUATION", "TIMELY",
    "EVALUATION_QUESTIONS", "ProtocolRule",
    "ProtocolNotice", "RoutingRule", "ChecklistTemplate", "ChecklistItem", "Guest", "Gift",
]  # fmt: skip
