from espoo_intl.views import ObjectDeleteView, ObjectDetailView, ObjectEditView, ObjectListView

from .. import services
from ..filtersets import VisitFilterSet
from ..forms import VisitForm
from ..models import Visit
from ..tables import VisitTable

_related = ("host_unit__parent", "responsible", "created_by")


class VisitListView(ObjectListView):
    model = Visit
    table_class = VisitTable
    filterset_class = VisitFilterSet
    select_related = ("host_unit__parent", "responsible")
    prefetch_related = ("themes",)
    export_name = "vierailut"


class VisitDetailView(ObjectDetailView):
    model = Visit
    select_related = _related
    prefetch_related = ("themes",)


class VisitEditView(ObjectEditView):
    model = Visit
    form_class = VisitForm
    create_service = services.visit_create
    update_service = services.visit_update


class VisitDeleteView(ObjectDeleteView):
    model = Visit
    delete_service = services.visit_delete
