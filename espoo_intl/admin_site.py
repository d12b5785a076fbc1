from django.utils.translation import gettext_lazy as _

from .roles import Role


def restrict_admin_to_administrators(site) -> None:
    """The admin is for administrators only, whatever `is_staff` says."""

    def has_permission(request):
        user = request.user
        return user.is_active and user.is_staff and user.has_role(Role.ADMINISTRATOR)

    site.has_permission = has_permission
    site.site_header = _("International Espoo – administration")
