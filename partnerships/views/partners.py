from espoo_intl.views import ObjectDeleteView, ObjectDetailView, ObjectEditView, ObjectListView

from .. import services
from ..filtersets import PartnerFilterSet
from ..forms import PartnerForm
from ..models import Partner
from ..tables import PartnerTable

__all__ = ["PartnerListView", "PartnerDetailView", "PartnerEditView", "PartnerDeleteView"]


class PartnerListView(ObjectListView):
    model = Partner
    table_class = PartnerTable
    filterset_class = PartnerFilterSet
    export_name = "kumppanit"


class PartnerDetailView(ObjectDetailView):
    model = Partner
    select_related = ("created_by",)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        ctx["partnerships"] = self.object.partnerships.for_user(user)
        ctx["projects"] = self.object.projects.for_user(user)
        return ctx


class PartnerEditView(ObjectEditView):
    model = Partner
    form_class = PartnerForm
    create_service = services.partner_create
    update_service = services.partner_update


class PartnerDeleteView(ObjectDeleteView):
    model = Partner
    delete_service = services.partner_delete
