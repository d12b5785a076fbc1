"""SDG tags (1–17) on the indicators: neither DOMAIN.md nor the seed names a goal for any
indicator, so none are seeded; kv-tiimi sets them on the indicator catalogue page, the
indicator page shows them and the annual report's selector gives them."""

import html

import pytest

from espoo_intl.testing import page_fields
from metrics.figures import report_indicators
from metrics.models import Indicator
from metrics.tests.conftest import finnish

pytestmark = pytest.mark.django_db

URL = "/metrics/catalogue/indicators/"


def _with_tags(client, code: str, tags: str) -> dict:
    """The catalogue page's form as the page offers it, `code`'s tags changed (the empty
    rows for new indicators left out; a multiple choice with its own selection)."""
    data = page_fields(client.get(URL).content.decode())
    indicators = list(Indicator.objects.prefetch_related("providers"))
    data = {k: v for k, v in data.items() if not k.startswith(f"form-{len(indicators)}")}
    data = {k: v for k, v in data.items() if not k.startswith(f"form-{len(indicators) + 1}")}
    data["form-TOTAL_FORMS"] = str(len(indicators))
    for n in range(len(indicators)):
        indicator = Indicator.objects.get(pk=data[f"form-{n}-id"])
        data[f"form-{n}-providers"] = [p.pk for p in indicator.providers.all()]
        if indicator.code == code:
            data[f"form-{n}-sdg_tags"] = tags
    return data


def test_no_tags_are_seeded():
    assert not Indicator.objects.exclude(sdg_tags="").exists()


def test_kv_tags_an_indicator_and_the_page_and_report_show_it(client_for, kv, staff, lead):
    data = _with_tags(client_for(kv), "B2.3", "13, 11")
    assert client_for(staff).post(URL, data).status_code == 403
    assert Indicator.objects.get(code="B2.3").sdg_tags == ""

    assert client_for(kv).post(URL, data).status_code == 302
    assert Indicator.objects.get(code="B2.3").sdg_list == [11, 13]
    page = client_for(lead).get("/metrics/indicators/B2.3/").content.decode()
    assert "SDG 11" in page and "SDG 13" in page
    assert "SDG" not in client_for(lead).get("/metrics/indicators/B2.4/").content.decode()
    assert {r["code"]: r["sdg"] for r in report_indicators(2025)}["B2.3"] == [11, 13]


def test_a_goal_outside_1_to_17_is_refused_with_a_message(client_for, kv):
    response = client_for(kv).post(URL, _with_tags(client_for(kv), "B2.3", "18"))
    assert response.status_code == 400
    message = "Give the sustainable development goals as numbers 1–17 separated by commas."
    assert finnish(message) in html.unescape(response.content.decode())
    assert Indicator.objects.get(code="B2.3").sdg_tags == ""
