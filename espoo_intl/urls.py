from django.contrib import admin
from django.urls import include, path

from .admin_site import restrict_admin_to_administrators
from .views import pages
from .views.accounts import ThrottledPasswordResetView

restrict_admin_to_administrators(admin.site)

urlpatterns = [
    path("", pages.home, name="home"),
    path("healthz", pages.healthz, name="healthz"),
    path("language/", pages.language, name="set_language"),
    path("accounts/password_reset/", ThrottledPasswordResetView.as_view(), name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("", include("visits.urls")),
    path("", include("visits.calendar_urls")),
]
