from espoo_intl.views import ObjectDeleteView, ObjectDetailView, ObjectEditView, ObjectListView

from .. import services
from ..filtersets import ProjectFilterSet
from ..forms import ProjectForm
from ..models import Project
from ..tables import ProjectTable

__all__ = ["ProjectListView", "ProjectDetailView", "ProjectEditView", "ProjectDeleteView"]


class ProjectListView(ObjectListView):
    model = Project
    table_class = ProjectTable
    filterset_class = ProjectFilterSet
    select_related = ("lead_unit__parent",)
    prefetch_related = ("partners", "themes")
    export_name = "kansainvaliset-projektit"


class ProjectDetailView(ObjectDetailView):
    model = Project
    select_related = ("lead_unit__parent", "partnership", "created_by")
    prefetch_related = ("partners", "themes")


class ProjectEditView(ObjectEditView):
    model = Project
    form_class = ProjectForm
    create_service = services.project_create
    update_service = services.project_update


class ProjectDeleteView(ObjectDeleteView):
    model = Project
    delete_service = services.project_delete
