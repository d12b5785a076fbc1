"""400, 403, 404 and 500 pages in the portal's own look and in the user's language."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.test import Client, override_settings
from django.urls import include, path
from django.utils import translation
from django.utils.translation import gettext

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def _refuse(request):
    raise PermissionDenied


def _missing(request):
    raise Http404


def _bad(request):
    raise SuspiciousOperation("test")


def _broken(request):
    raise RuntimeError("a bug")


urlpatterns = [
    path("test-errors/403/", _refuse),
    path("test-errors/404/", _missing),
    path("test-errors/400/", _bad),
    path("test-errors/500/", _broken),
    path("", include("espoo_intl.urls")),
]


def _finnish(text: str) -> str:
    with translation.override("fi"):
        return gettext(text)


@pytest.fixture
def signed_in():
    client = Client(raise_request_exception=False)
    client.force_login(UserFactory(language="fi"))
    return client


@pytest.mark.urls(__name__)
@override_settings(DEBUG=False)
@pytest.mark.parametrize(
    "code, heading",
    [
        (403, "You may not open this page"),
        (404, "Page not found"),
        (400, "Bad request"),
    ],
)
def test_error_pages_are_in_the_portal_layout_and_language(signed_in, code, heading):
    response = signed_in.get(f"/test-errors/{code}/")

    body = response.content.decode()
    assert response.status_code == code
    assert '<html lang="fi">' in body
    assert _finnish(heading) in body
    assert _finnish("International Espoo") in body  # the portal's header
    assert "Forbidden" not in body


@pytest.mark.urls(__name__)
@override_settings(DEBUG=False)
def test_an_unexpected_error_is_a_500_page_in_the_portal_language(signed_in):
    response = signed_in.get("/test-errors/500/")

    body = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="fi">' in body
    assert _finnish("Something went wrong") in body
    assert "a bug" not in body  # nothing of the error leaks


def test_the_500_page_draws_without_a_request_or_a_database(django_assert_num_queries):
    from django.template import loader

    with translation.override("sv"), django_assert_num_queries(0):
        body = loader.get_template("500.html").render()
    assert '<html lang="sv">' in body
