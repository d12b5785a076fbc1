"""Pages that belong to no register: the start page, language choice, health check."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from .. import registry
from ..celery import app as celery_app
from ..outbox import outbox_pending
from .dashboard import render_panels


@login_required
def home(request):
    """The start page: every app's home tiles."""
    tiles = render_panels(registry.home_tiles(request.user), request)
    return render(request, "home.html", {"tiles": tiles})


@require_POST
def language(request):
    """Django's set_language, remembering the choice on the user for e-mails too."""
    response = set_language(request)
    code = request.POST.get("language")
    if request.user.is_authenticated and code in dict(
        request.user._meta.get_field("language").choices
    ):
        request.user.language = code
        request.user.save(update_fields=["language"])
    return response


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure means "not answering"
        return False


def _broker_ok() -> bool:
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception:
        return False


@never_cache
def healthz(request):
    """For the city's monitoring: 200 when the database and the task broker answer; the
    number of outbox messages waiting for the broker and the oldest one's age (seconds)."""
    state = {"database": _database_ok(), "broker": _broker_ok()}
    ok = all(state.values())
    body = {"status": "ok" if ok else "error"} | {
        k: "ok" if v else "error" for k, v in state.items()
    }
    if state["database"]:
        body |= outbox_pending()
    return JsonResponse(body, status=200 if ok else 503)
