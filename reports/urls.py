from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("reports/", views.version_list, name="list"),
    path("reports/compile/", views.compile_view, name="compile"),
    path("reports/<int:pk>/", views.version_page, name="version"),
    path("reports/<int:pk>/progress/", views.version_progress, name="progress"),
    path("reports/<int:pk>/download/", views.download, name="download"),
    path("reports/<int:pk>/publish/", views.publish, name="publish"),
]
