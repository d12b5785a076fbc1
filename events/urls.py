from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("events/", views.EventListView.as_view(), name="event_list"),
    path("events/new/", views.EventEditView.as_view(), name="event_add"),
    path("events/<int:pk>/", views.EventDetailView.as_view(), name="event_detail"),
    path("events/<int:pk>/edit/", views.EventEditView.as_view(), name="event_edit"),
    path("events/<int:pk>/delete/", views.EventDeleteView.as_view(), name="event_delete"),
    path("events/<int:pk>/transition/", views.TransitionView.as_view(), name="event_transition"),
    path("events/<int:pk>/assess/", views.AssessView.as_view(), name="event_assess"),
    path("events/<int:pk>/decide/", views.DecideView.as_view(), name="event_decide"),
    path("events/<int:pk>/background-check/", views.BackgroundCheckView.as_view(), name="event_check"),
    path("events/<int:pk>/agreement/", views.AgreementView.as_view(), name="event_agreement"),
    path("events/<int:pk>/checklist/<int:item_pk>/", views.ChecklistItemView.as_view(), name="event_item"),
]  # fmt: skip
