"""Request-level security of the portal (issue 8): session lifetime, no caching of
signed-in pages, the client's address, and a small rate limit.

Configured in settings (SESSION_*, TRUSTED_PROXY_COUNT, PASSWORD_RESET_LIMIT); the
middlewares sit after AuthenticationMiddleware.
"""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.core.cache import cache
from django.utils.cache import patch_cache_control

__all__ = [
    "SessionLifetimeMiddleware",
    "NoStoreMiddleware",
    "client_ip",
    "rate_limited",
    "SIGNED_IN_AT",
    "RENEWED_AT",
]

SIGNED_IN_AT = "signed_in_at"
RENEWED_AT = "renewed_at"


class SessionLifetimeMiddleware:
    """Ends a session SESSION_ABSOLUTE_TIMEOUT seconds after sign-in, however active it was,
    and renews the idle timeout (SESSION_COOKIE_AGE).

    The renewal is written at most once every SESSION_RENEW_AFTER seconds, not on every
    request: saving the session on each page was one database write and commit per request
    (issue 12). The idle timeout is therefore exact to within SESSION_RENEW_AFTER."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            started = request.session.setdefault(SIGNED_IN_AT, now)
            if now - started > settings.SESSION_ABSOLUTE_TIMEOUT:
                logout(request)  # flushes the session; login-required views redirect
            elif now - request.session.get(RENEWED_AT, 0) >= settings.SESSION_RENEW_AFTER:
                request.session[RENEWED_AT] = now  # saved: new expiry and cookie max-age
        return self.get_response(request)


class NoStoreMiddleware:
    """Nothing a signed-in user sees (pages, exports, downloads, feeds) is kept by the
    browser or a proxy, unless the view chose its own Cache-Control. Static files are
    answered by WhiteNoise before they reach this middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            patch_cache_control(response, no_store=True, private=True)
        return response


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or, behind TRUSTED_PROXY_COUNT proxies, the address
    the outermost trusted proxy saw (X-Forwarded-For counted from the right)."""
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [a for a in forwarded if a]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")


def rate_limited(scope: str, key: str, *, limit: int, period: int = 3600) -> bool:
    """Count one use of `key` in `scope`; True when it exceeds `limit` within `period` s."""
    cache_key = f"rate:{scope}:{key.lower()}"
    cache.add(cache_key, 0, timeout=period)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=period)
        count = 1
    return count > limit
