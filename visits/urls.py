from django.urls import path

from . import views

app_name = "visits"
urlpatterns = [
    path("", views.VisitListView.as_view(), name="visit_list"),
    path("new/", views.VisitEditView.as_view(), name="visit_add"),
    path("<int:pk>/", views.VisitDetailView.as_view(), name="visit_detail"),
    path("<int:pk>/edit/", views.VisitEditView.as_view(), name="visit_edit"),
    path("<int:pk>/delete/", views.VisitDeleteView.as_view(), name="visit_delete"),
]
