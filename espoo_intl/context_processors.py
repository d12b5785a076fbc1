from django.conf import settings

from .roles import Role


def portal(request):
    """Navigation and role facts the base template needs."""
    user = getattr(request, "user", None)
    roles = []
    if user is not None and user.is_authenticated:
        labels = dict(Role.choices)
        roles = [labels[r] for r in sorted(user.roles) if r in labels]
    return {"user_role_labels": roles, "LANGUAGES": settings.LANGUAGES}
