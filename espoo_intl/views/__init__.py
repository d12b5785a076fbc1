from .generic import ObjectDeleteView, ObjectDetailView, ObjectEditView, ObjectListView
from .workflow import TransitionView

__all__ = [
    "ObjectDeleteView",
    "ObjectDetailView",
    "ObjectEditView",
    "ObjectListView",
    "TransitionView",
]
