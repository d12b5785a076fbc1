"""The dashboard: every app's panels for kv-tiimi, administrators and leadership."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.template.loader import render_to_string

from .. import registry
from ..roles import reads_dashboards

__all__ = ["dashboard", "render_panels"]


def render_panels(panels: list, request) -> list[str]:
    """Each panel's template rendered with its context for the signed-in user. Panels that
    declare the same context callable share one call (an app's panels may read their
    figures together, in fewer queries)."""
    contexts: dict = {}
    rendered = []
    for panel in panels:
        if panel.context not in contexts:
            contexts[panel.context] = panel.context(request.user)
        rendered.append(render_to_string(panel.template, contexts[panel.context], request=request))
    return rendered


@login_required
def dashboard(request):
    if not reads_dashboards(request.user):
        raise PermissionDenied
    panels = render_panels(registry.dashboard_panels(request.user), request)
    return render(request, "dashboard.html", {"panels": panels})
