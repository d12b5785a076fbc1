from django.urls import path

from . import diversity, overview, round_views, views

app_name = "metrics"
urlpatterns = [
    path("metrics/", views.FrameworkView.as_view(), name="framework"),
    path("metrics/diversity/", diversity.DiversityView.as_view(), name="diversity"),
    path("metrics/diversity/import/", diversity.DiversityImportView.as_view(), name="diversity_import"),
    path("metrics/diversity/template.xlsx", diversity.DiversityTemplateView.as_view(), name="diversity_template"),
    path("metrics/catalogue/diversity/", diversity.DiversityCatalogueView.as_view(), name="diversity_figures"),
    path("metrics/overview/", overview.OverviewView.as_view(), name="overview"),
    path("metrics/indicators/<str:code>/", views.IndicatorView.as_view(), name="indicator"),
    path("metrics/indicators/<str:code>/chart.svg", views.IndicatorChartView.as_view(), name="chart"),
    path("metrics/indicators/<str:code>/<int:year>/records/", views.DerivedRecordsView.as_view(), name="records"),
    path("metrics/values/<int:pk>/history/", views.ValueHistoryView.as_view(), name="value_history"),
    path("metrics/catalogue/goals/", views.GoalCatalogueView.as_view(), name="goals"),
    path("metrics/catalogue/objectives/", views.ObjectiveCatalogueView.as_view(), name="objectives"),
    path("metrics/catalogue/providers/", views.ProviderCatalogueView.as_view(), name="providers"),
    path("metrics/catalogue/indicators/", views.IndicatorCatalogueView.as_view(), name="indicators"),
    path("metrics/periods/", round_views.PeriodListView.as_view(), name="periods"),
    path("metrics/periods/<int:pk>/", round_views.PeriodProgressView.as_view(), name="period"),
    path("metrics/periods/<int:pk>/close/", round_views.PeriodStateView.as_view(closing=True), name="period_close"),
    path("metrics/periods/<int:pk>/reopen/", round_views.PeriodStateView.as_view(closing=False), name="period_reopen"),
    path("metrics/submissions/", round_views.SubmissionListView.as_view(), name="submission_list"),
    path("metrics/submissions/<int:pk>/", round_views.SubmissionView.as_view(), name="submission"),
    path("metrics/submissions/<int:pk>/transition/", round_views.SubmissionTransitionView.as_view(), name="submission_transition"),
    path("metrics/submissions/<int:pk>/template.xlsx", round_views.SubmissionTemplateView.as_view(), name="submission_template"),
    path("metrics/submissions/<int:pk>/upload/", round_views.SubmissionUploadView.as_view(), name="submission_upload"),
    path("metrics/submissions/<int:pk>/remind/", round_views.SubmissionRemindView.as_view(), name="submission_remind"),
]  # fmt: skip
