"""The kv-tiimi dashboard: requests to review, upcoming visits, overdue checklist items."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from espoo_intl.roles import reads_dashboards

from ..selectors_dashboard import dashboard_data

__all__ = ["dashboard"]


@login_required
def dashboard(request):
    if not reads_dashboards(request.user):
        raise PermissionDenied
    return render(request, "visits/dashboard.html", dashboard_data(user=request.user))
