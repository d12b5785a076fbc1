from django.conf import settings
from django.urls import reverse

from . import registry
from .roles import Role


def _menu(request, user) -> dict:
    """The navigation every app declared (espoo_intl.registry), for this user and page."""
    main, grouped = [], []
    for entry in registry.menu_entries(user):
        item = {
            "label": entry.label,
            "url": reverse(entry.url_name),
            "active": bool(entry.path_prefix) and request.path.startswith(entry.path_prefix),
        }
        (grouped if entry.group == registry.SETTINGS else main).append(item)
    return {
        "menu": main,
        "settings_menu": grouped,
        "settings_active": any(item["active"] for item in grouped),
    }


def portal(request):
    """Navigation and role facts the base template needs."""
    user = getattr(request, "user", None)
    roles = []
    signed_in = user is not None and user.is_authenticated
    if signed_in:
        labels = dict(Role.choices)
        roles = [labels[r] for r in sorted(user.roles) if r in labels]
    return {
        "user_role_labels": roles,
        "LANGUAGES": settings.LANGUAGES,
        **(_menu(request, user) if signed_in else {}),
    }
