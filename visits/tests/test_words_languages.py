"""Swedish and English pages in full: CLDR country names, the pager in our catalogue and
English dates a Finnish organisation reads without doubt."""

import datetime

import pytest

from visits.tests.factories import VisitFactory


def _page(client_for, user, language, url="/visits/"):
    user.language = language
    user.save(update_fields=["language"])
    response = client_for(user).get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_country_names_are_swedish_on_the_swedish_visit_list(client_for, kv, unit):
    # django-countries' own Swedish catalogue has no "North Macedonia"
    VisitFactory(title="Skopje", host_unit=unit, country="MK")
    VisitFactory(title="Stockholm", host_unit=unit, country="SE")
    page = _page(client_for, kv, "sv")
    assert "Nordmakedonien" in page and "Sverige" in page
    assert "North Macedonia" not in page
    assert "Pohjois-Makedonia" in _page(client_for, kv, "fi")


@pytest.mark.parametrize(
    ("language", "following", "english"),
    [("fi", "seuraava", "next"), ("sv", "nästa", "next"), ("en", "next", None)],
)
def test_the_pager_speaks_the_page_language(client_for, kv, unit, language, following, english):
    VisitFactory.create_batch(26, host_unit=unit)
    page = _page(client_for, kv, language)
    pager = page[page.index('class="pagination') :]
    pager = pager[: pager.index("</nav>")]
    words = [w.strip() for w in pager.replace(">", "<").split("<") if w.strip()]
    assert following in words
    if english:
        assert english not in words


def test_english_dates_are_day_month_year_on_the_list(client_for, kv, unit):
    VisitFactory(title="Tallinn", host_unit=unit, start_date=datetime.date(2026, 11, 29))
    page = _page(client_for, kv, "en")
    assert "29.11.2026" in page
    assert "11/29/2026" not in page
