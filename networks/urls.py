from django.urls import path

from . import views

# Networks and their yearly evaluations under /networks/ (namespace "networks").
app_name = "networks"
urlpatterns = [
    path("networks/", views.NetworkListView.as_view(), name="network_list"),
    path("networks/new/", views.NetworkEditView.as_view(), name="network_add"),
    path("networks/<int:pk>/", views.NetworkDetailView.as_view(), name="network_detail"),
    path("networks/<int:pk>/edit/", views.NetworkEditView.as_view(), name="network_edit"),
    path("networks/<int:pk>/delete/", views.NetworkDeleteView.as_view(), name="network_delete"),
    path("networks/evaluations/", views.EvaluationListView.as_view(), name="evaluation_list"),
    path("networks/evaluations/overview/", views.OverviewView.as_view(), name="evaluation_overview"),
    path("networks/evaluations/new/", views.EvaluationEditView.as_view(), name="evaluation_add"),
    path("networks/evaluations/<int:pk>/", views.EvaluationDetailView.as_view(), name="evaluation_detail"),
    path("networks/evaluations/<int:pk>/edit/", views.EvaluationEditView.as_view(), name="evaluation_edit"),
    path("networks/evaluations/<int:pk>/delete/", views.EvaluationDeleteView.as_view(), name="evaluation_delete"),
]  # fmt: skip
