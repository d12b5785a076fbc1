from django.urls import path

from .views import requests as request_views
from .views import rules as rule_views
from .views import visits as views

# Visits under /visits/, visit requests under /requests/ (one namespace, "visits").
app_name = "visits"
urlpatterns = [
    path("visits/", views.VisitListView.as_view(), name="visit_list"),
    path("visits/new/", views.VisitEditView.as_view(), name="visit_add"),
    path("visits/<int:pk>/", views.VisitDetailView.as_view(), name="visit_detail"),
    path("visits/<int:pk>/edit/", views.VisitEditView.as_view(), name="visit_edit"),
    path("visits/<int:pk>/delete/", views.VisitDeleteView.as_view(), name="visit_delete"),
    path("visits/<int:pk>/checklist/", views.VisitChecklistAddView.as_view(), name="visit_checklist_add"),
    path("visits/<int:pk>/items/<int:item_pk>/", views.VisitChecklistItemView.as_view(), name="visit_item"),
    path("visits/<int:pk>/items/done/", views.VisitChecklistMarkDoneView.as_view(), name="visit_items_done"),
    path("requests/", request_views.RequestListView.as_view(), name="request_list"),
    path("requests/new/", request_views.RequestEditView.as_view(), name="request_add"),
    path("requests/<int:pk>/", request_views.RequestDetailView.as_view(), name="request_detail"),
    path("requests/<int:pk>/edit/", request_views.RequestEditView.as_view(), name="request_edit"),
    path("requests/<int:pk>/transition/", request_views.TransitionView.as_view(), name="request_transition"),
    path("requests/<int:pk>/triage/", request_views.TriageView.as_view(), name="request_triage"),
    path("requests/<int:pk>/route/", request_views.RouteView.as_view(), name="request_route"),
    path("requests/<int:pk>/report-responsible/", request_views.ReportResponsibleView.as_view(), name="request_report_responsible"),
    path("requests/<int:pk>/protocol/<str:party>/", request_views.ProtocolView.as_view(), name="request_protocol"),
    path("requests/<int:pk>/items/<int:item_pk>/", request_views.ChecklistItemView.as_view(), name="request_item"),
    path("requests/<int:pk>/items/done/", request_views.ChecklistMarkDoneView.as_view(), name="request_items_done"),
    path("requests/<int:pk>/guests/", request_views.GuestAddView.as_view(), name="request_guest_add"),
    path("requests/<int:pk>/guests/<int:guest_pk>/delete/", request_views.GuestDeleteView.as_view(), name="request_guest_delete"),
    path("requests/<int:pk>/gifts/", request_views.GiftAddView.as_view(), name="request_gift_add"),
    path("requests/<int:pk>/attachments/", request_views.AttachmentAddView.as_view(), name="request_attachment_add"),
    path("requests/rules/protocol/", rule_views.ProtocolMatrixView.as_view(), name="rules_protocol"),
    path("requests/rules/routing/", rule_views.RoutingRulesView.as_view(), name="rules_routing"),
    path("requests/rules/checklist/", rule_views.ChecklistTemplateView.as_view(), name="rules_checklist"),
]  # fmt: skip
