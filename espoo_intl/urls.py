from django.contrib import admin
from django.urls import include, path

from . import registry
from .admin_site import restrict_admin_to_administrators
from .attachments import AttachmentDownloadView
from .export_jobs import ExportJobDownloadView, ExportJobView
from .oidc import SignInCallback, SignInStart
from .views import calendar, dashboard, pages, settings
from .views.accounts import ThrottledPasswordResetView

restrict_admin_to_administrators(admin.site)

urlpatterns = [
    path("", pages.home, name="home"),
    path("healthz", pages.healthz, name="healthz"),
    path("language/", pages.language, name="set_language"),
    path("attachments/<int:pk>/", AttachmentDownloadView.as_view(), name="attachment_download"),
    path("exports/<int:pk>/", ExportJobView.as_view(), name="export_job"),
    path("exports/<int:pk>/download/", ExportJobDownloadView.as_view(), name="export_job_download"),
    path("accounts/password_reset/", ThrottledPasswordResetView.as_view(), name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    # Single sign-on (OIDC_ENABLED): to the identity provider and back; 404 when not in use.
    path("oidc/authenticate/", SignInStart.as_view(), name="oidc_authentication_init"),
    path("oidc/callback/", SignInCallback.as_view(), name="oidc_authentication_callback"),
    path("admin/", admin.site.urls),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("calendar/", calendar.calendar_month, name="calendar"),
    path("calendar/token/", calendar.calendar_token, name="calendar_token"),
    path("calendar/feed/<str:token>.ics", calendar.calendar_feed, name="calendar_feed"),
    path("settings/themes/", settings.ThemesView.as_view(), name="settings_themes"),
    path("settings/units/", settings.UnitsView.as_view(), name="settings_units"),
    # Each domain app's URLs, as it declared them (espoo_intl.registry).
    *[path("", include(module)) for module in registry.url_modules()],
]
