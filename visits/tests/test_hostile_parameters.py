"""Hostile query parameters on the lists (issue 8): a page with the rows or with a message,
never a server error."""

import datetime
import re

import pytest

from espoo_intl.filtersets import MAX_SEARCH_TERMS
from espoo_intl.paging import MAX_PER_PAGE
from visits.tests.factories import VisitFactory

from .request_factories import VisitRequestFactory

pytestmark = pytest.mark.django_db

LISTS = ["/visits/", "/requests/"]


@pytest.fixture
def thirty(db):
    for n in range(30):
        VisitFactory(title=f"Vierailu {n:02d}")
        VisitRequestFactory(subject=f"Pyyntö {n:02d}")


def rows(response) -> int:
    assert response.status_code == 200
    return len(re.findall(r'<a href="/(?:visits|requests)/\d+/">', response.content.decode()))


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("per_page", ["-5", "0", "abc", "99999999999999999999999"])
def test_a_bad_page_size_gives_a_normal_page(client_for, kv, thirty, url, per_page):
    assert 1 <= rows(client_for(kv).get(f"{url}?per_page={per_page}")) <= MAX_PER_PAGE


@pytest.mark.parametrize("url", LISTS)
def test_a_page_size_is_capped(client_for, kv, url, thirty, monkeypatch):
    monkeypatch.setattr("espoo_intl.paging.MAX_PER_PAGE", 7)
    assert rows(client_for(kv).get(f"{url}?per_page=1000")) == 7


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("page", ["999999", "-1", "0", "abc", "last"])
def test_a_page_past_the_end_or_unreadable_gives_a_page(client_for, kv, thirty, url, page):
    assert rows(client_for(kv).get(f"{url}?page={page}")) > 0


@pytest.mark.parametrize("url", LISTS)
def test_a_thousand_word_search_answers_with_a_message(client_for, kv, thirty, url):
    words = " ".join(f"sana{n}" for n in range(1000))
    client = client_for(kv)
    client.cookies["django_language"] = "en"
    response = client.get(url, {"q": words})
    assert response.status_code == 200
    assert "at most 200 characters" in response.content.decode()


@pytest.mark.parametrize("url", LISTS)
def test_a_search_of_many_short_words_uses_the_first_ones(client_for, kv, thirty, url):
    words = ["07"] * MAX_SEARCH_TERMS + ["ei-osumaa"] * 10  # the words past the cap: ignored
    assert rows(client_for(kv).get(url, {"q": " ".join(words)})) == 1


@pytest.mark.parametrize(
    "query",
    [
        "proposed_from=99999-01-01",
        "proposed_from=9999-12-31",
        "proposed_to=0001-01-01",
        "proposed_from=0001-01-01&proposed_to=9999-12-31",
        "proposed_from=2025-02-30",
        "start_date__gte=99999-01-01",
    ],
)
def test_an_out_of_range_date_in_a_request_filter_is_not_an_error(client_for, kv, thirty, query):
    assert client_for(kv).get(f"/requests/?{query}").status_code in (200, 400)


@pytest.mark.parametrize("query", ["year=9999", "year=0001", "year=99999", "year=abc"])
def test_an_out_of_range_year_in_the_visit_filter_is_not_an_error(client_for, kv, thirty, query):
    assert client_for(kv).get(f"/visits/?{query}").status_code in (200, 400)


@pytest.mark.parametrize("month", ["9999-12", "0001-01", "10000-01", "0000-13"])
def test_an_out_of_range_month_in_the_calendar_is_not_an_error(client_for, kv, month):
    assert client_for(kv).get(f"/calendar/?month={month}").status_code in (200, 400)


@pytest.mark.parametrize("day", [datetime.date(9999, 12, 31), datetime.date(1, 1, 1)])
def test_records_on_the_edge_of_the_calendar_show_everywhere(client_for, kv, day):
    visit = VisitFactory(start_date=day, end_date=day)
    visit_request = VisitRequestFactory(proposed_start=day, proposed_end=day, received_on=day)
    client = client_for(kv)
    for url in [
        f"/visits/{visit.pk}/",
        f"/requests/{visit_request.pk}/",
        "/visits/",
        "/requests/",
        "/dashboard/",
        f"/calendar/?month={day:%Y-%m}",
        f"/visits/?year={day.year}",
    ]:
        assert client.get(url).status_code == 200, url
