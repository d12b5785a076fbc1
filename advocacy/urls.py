from django.urls import path

from . import views

# Advocacy items under /advocacy/, development items under /development/ (namespace "advocacy").
app_name = "advocacy"
urlpatterns = [
    path("advocacy/", views.ItemListView.as_view(), name="item_list"),
    path("advocacy/new/", views.ItemEditView.as_view(), name="item_add"),
    path("advocacy/<int:pk>/", views.ItemDetailView.as_view(), name="item_detail"),
    path("advocacy/<int:pk>/edit/", views.ItemEditView.as_view(), name="item_edit"),
    path("advocacy/<int:pk>/delete/", views.ItemDeleteView.as_view(), name="item_delete"),
    path("advocacy/<int:pk>/transition/", views.ItemTransitionView.as_view(), name="item_transition"),
    path("advocacy/<int:pk>/decisions/", views.DecisionAddView.as_view(), name="item_decision_add"),
    path("advocacy/<int:pk>/parts/", views.UnitPartAddView.as_view(), name="item_part_add"),
    path("advocacy/<int:pk>/attachments/", views.ItemAttachmentAddView.as_view(), name="item_attachment_add"),
    path("development/", views.DevelopmentListView.as_view(), name="development_list"),
    path("development/<int:pk>/", views.DevelopmentDetailView.as_view(), name="development_detail"),
    path("development/<int:pk>/edit/", views.DevelopmentEditView.as_view(), name="development_edit"),
    path("development/<int:pk>/notes/", views.ProgressNoteAddView.as_view(), name="development_note_add"),
]  # fmt: skip
