from django.conf import settings

from .roles import Role, reads_dashboards


def portal(request):
    """Navigation and role facts the base template needs."""
    user = getattr(request, "user", None)
    roles = []
    if user is not None and user.is_authenticated:
        labels = dict(Role.choices)
        roles = [labels[r] for r in sorted(user.roles) if r in labels]
    return {
        "user_role_labels": roles,
        "reads_dashboards": bool(user is not None and reads_dashboards(user)),
        "LANGUAGES": settings.LANGUAGES,
    }
