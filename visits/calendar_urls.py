"""The dashboard and the calendar, included at the site root by espoo_intl/urls.py."""

from django.urls import path

from .views import calendar, dashboard

urlpatterns = [
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("calendar/", calendar.calendar_month, name="calendar"),
    path("calendar/token/", calendar.calendar_token, name="calendar_token"),
    path("calendar/feed/<str:token>.ics", calendar.calendar_feed, name="calendar_feed"),
]
