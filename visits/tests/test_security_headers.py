"""Every page of the portal answers with the security headers, keeps confidential pages out
of caches and runs no inline script or style (issue 8). Walks the URL resolver, so a new
route is covered without being listed here."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

from visits.tests.factories import VisitFactory

from .request_factories import VisitRequestFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def routes(resolvers=None, prefix=""):
    """Every path() route of the portal as a template ("visits/<int:pk>/")."""
    for entry in get_resolver().url_patterns if resolvers is None else resolvers:
        if not isinstance(entry.pattern, RoutePattern):
            continue  # regular expressions (the admin's per-app index) take arguments
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route


PK = re.compile(r"<int:pk>")
RECORD_ROUTES = ("visits/", "requests/")  # <int:pk> is a visit's or a request's


def buildable(route: str) -> bool:
    """Routes without arguments, or whose only argument is a visit's or request's pk
    (the others take tokens, nested pks or admin object ids)."""
    if route.startswith(RECORD_ROUTES):
        route = PK.sub("1", route)
    return "<" not in route


ROUTES = sorted(r for r in set(routes()) if buildable(r))


@pytest.fixture
def records(kv):
    return {"visits/": VisitFactory().pk, "requests/": VisitRequestFactory().pk}


def url_for(route: str, records) -> str:
    """The route's URL, with the pk of the visit or request built for it."""
    base = next((b for b in RECORD_ROUTES if route.startswith(b)), None)
    return "/" + (PK.sub(str(records[base]), route) if base else route)


def assert_security_headers(response):
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.I)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)


def test_the_walk_finds_the_portals_pages():
    expected = {"", "visits/", "visits/<int:pk>/", "requests/<int:pk>/edit/", "calendar/", "admin/"}
    assert expected <= set(ROUTES)


@pytest.mark.parametrize("route", ROUTES)
def test_every_route_answers_with_the_security_headers(client_for, kv, records, route):
    response = client_for(kv).get(url_for(route, records))
    assert response.status_code < 500
    assert_security_headers(response)
    if response.status_code == 200:
        assert "no-store" in response["Cache-Control"]
        if response["Content-Type"].startswith("text/html") and not route.startswith("admin/"):
            html = response.content.decode()
            assert not INLINE_SCRIPT.search(html), INLINE_SCRIPT.search(html).group(0)
            found = INLINE_STYLE.search(html)
            assert not found, html[found.start() - 200 : found.end() + 100]
            assert not INLINE_HANDLER.search(html), INLINE_HANDLER.search(html).group(0)


@pytest.mark.parametrize("url", ["/accounts/login/", "/accounts/password_reset/", "/healthz"])
def test_pages_for_anonymous_visitors_have_the_headers_too(client, url):
    assert_security_headers(client.get(url))


@pytest.mark.parametrize("export", ["csv", "xlsx"])
@pytest.mark.parametrize("url", ["/visits/", "/requests/"])
def test_exports_are_never_stored(client_for, kv, records, url, export):
    response = client_for(kv).get(f"{url}?_export={export}")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert_security_headers(response)


def test_attachment_downloads_are_never_stored(client_for, kv, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    visit_request = VisitRequestFactory()
    client = client_for(kv)
    client.post(
        f"/requests/{visit_request.pk}/attachments/",
        {"file": SimpleUploadedFile("kutsu.pdf", PDF, content_type="application/pdf")},
    )
    attachment = visit_request.attachments.get()
    response = client.get(f"/attachments/{attachment.pk}/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
