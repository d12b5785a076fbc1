from .generic import ObjectDeleteView, ObjectDetailView, ObjectEditView, ObjectListView

__all__ = ["ObjectDeleteView", "ObjectDetailView", "ObjectEditView", "ObjectListView"]
