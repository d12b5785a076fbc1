"""At 1366×768 (a common office laptop) in every language: the navigation stays on one
line and a list's last column is not cut off behind the table's scroll."""

import pytest
from django.conf import settings

from espoo_intl.tests.browser import require_browser
from visits.tests.factories import VisitFactory
from visits.tests.request_factories import VisitRequestFactory

sync_api = require_browser()

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LAST_COLUMN = """() => {
  const heads = document.querySelectorAll('main table thead th');
  const box = document.querySelector('main table').parentElement.getBoundingClientRect();
  return [heads[heads.length - 1].getBoundingClientRect().right, box.right];
}"""


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_navigation_and_list_fit_a_laptop_screen(open_page, kv, language):
    VisitFactory(
        title="Asiantuntijavierailu", visiting_organisation="Arabiemiirikuntien suurlähetystö"
    )
    VisitRequestFactory(subject="Luottamuksellinen asiantuntijavierailu", confidential=True)
    page = open_page(kv)
    cookie = {"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": page.url}
    page.context.add_cookies([cookie])  # as the language menu does
    page.set_viewport_size({"width": 1366, "height": 768})
    for path in ("/visits/", "/requests/"):
        page.goto(path)
        assert page.evaluate("document.documentElement.lang") == language
        links = page.locator(".portal-navbar .nav-link").all()
        tops = {round(link.bounding_box()["y"]) for link in links if link.is_visible()}
        assert len(tops) == 1, f"{language} {path}: the navigation wraps"
        height = page.evaluate("document.querySelector('.portal-navbar').offsetHeight")
        assert height < 70, f"{language} {path}: navigation {height} px high"
        last, container = page.evaluate(LAST_COLUMN)
        assert last <= container + 1, f"{language} {path}: the last column is cut off"
