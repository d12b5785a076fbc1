"""The kv-tiimi dashboard: requests to review, upcoming visits, overdue checklist items."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from espoo_intl.roles import Role

from ..selectors_dashboard import dashboard_data

__all__ = ["dashboard", "may_see_dashboard"]


def may_see_dashboard(user) -> bool:
    """kv-tiimi, administrators and leadership; what each sees still follows `for_user`."""
    return user.sees_everything or user.has_role(Role.LEADERSHIP)


@login_required
def dashboard(request):
    if not may_see_dashboard(request.user):
        raise PermissionDenied
    return render(request, "visits/dashboard.html", dashboard_data(user=request.user))
