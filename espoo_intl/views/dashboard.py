"""The dashboard: every app's panels for kv-tiimi, administrators and leadership."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.template import engines
from django.template.loader import render_to_string

from .. import registry
from ..roles import reads_dashboards

__all__ = ["dashboard", "render_panels"]


def _processed(request) -> dict:
    """What the context processors (csrf included) give a template for this request, worked
    out once: rendered with the request, each panel would run them again, the navigation
    menu included (ten times a dashboard, issue 12)."""
    data: dict = {}
    for processor in engines["django"].engine.template_context_processors:
        data.update(processor(request))
    return data


def render_panels(panels: list, request) -> list[str]:
    """Each panel's template rendered with its context for the signed-in user. Panels that
    declare the same context callable share one call (an app's panels may read their
    figures together, in fewer queries)."""
    contexts: dict = {}
    rendered = []
    processed = _processed(request) if panels else {}
    for panel in panels:
        if panel.context not in contexts:
            contexts[panel.context] = panel.context(request.user)
        rendered.append(render_to_string(panel.template, {**processed, **contexts[panel.context]}))
    return rendered


@login_required
def dashboard(request):
    if not reads_dashboards(request.user):
        raise PermissionDenied
    panels = render_panels(registry.dashboard_panels(request.user), request)
    return render(request, "dashboard.html", {"panels": panels})
