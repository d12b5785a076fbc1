from django.conf import settings
from django.urls import reverse

from . import registry
from .roles import Role


def _menu(request, user) -> dict:
    """The navigation every app declared (espoo_intl.registry), for this user and page: links
    and dropdowns in order; a dropdown with one visible entry is shown as that link."""
    groups = registry.menu_groups()
    top, children = [], {}
    for entry in registry.menu_entries(user):
        item = {
            "label": entry.label,
            "url": reverse(entry.url_name),
            "active": bool(entry.path_prefix) and request.path.startswith(entry.path_prefix),
            "order": entry.order,
        }
        group = groups.get(entry.group)
        if group is None:
            top.append(item)
            continue
        if group.key not in children:
            children[group.key] = []
            top.append({"label": group.label, "order": group.order, "key": group.key})
        children[group.key].append(item)
    menu = []
    for item in sorted(top, key=lambda i: i["order"]):
        inner = children.get(item.get("key"))
        if inner is not None and len(inner) == 1:
            item = inner[0]
        elif inner is not None:
            item = {**item, "children": inner, "active": any(c["active"] for c in inner)}
        menu.append(item)
    return {"menu": menu}


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
        "oidc_enabled": settings.OIDC_ENABLED,
        **(_menu(request, user) if signed_in else {}),
    }
