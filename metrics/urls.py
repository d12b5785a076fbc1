from django.urls import path

from . import views

app_name = "metrics"
urlpatterns = [
    path("metrics/", views.FrameworkView.as_view(), name="framework"),
    path("metrics/indicators/<str:code>/", views.IndicatorView.as_view(), name="indicator"),
    path("metrics/indicators/<str:code>/<int:year>/records/", views.DerivedRecordsView.as_view(), name="records"),
    path("metrics/catalogue/goals/", views.GoalCatalogueView.as_view(), name="goals"),
    path("metrics/catalogue/objectives/", views.ObjectiveCatalogueView.as_view(), name="objectives"),
    path("metrics/catalogue/providers/", views.ProviderCatalogueView.as_view(), name="providers"),
    path("metrics/catalogue/indicators/", views.IndicatorCatalogueView.as_view(), name="indicators"),
]  # fmt: skip
