"""A value's correction history: who changed what and when, old → new; reached from the
submission and the indicator page; read by whoever may read the submission."""

import html

import pytest

from metrics.tests.conftest import finnish
from metrics.tests.test_round import _post_data

pytestmark = pytest.mark.django_db


def _save(client, submission, **changes):
    submission.refresh_from_db()
    response = client.post(submission.get_absolute_url(), _post_data(submission, **changes))
    assert response.status_code == 302


def test_corrections_are_listed_old_to_new_with_who_and_when(
    submission, client_for, contact, kv, lead
):
    c61 = submission.values.get(indicator__code="C6.1")
    url = f"/metrics/values/{c61.pk}/history/"
    _save(client_for(contact), submission, **{f"v{c61.pk}-number": "5"})
    _save(client_for(contact), submission, **{f"v{c61.pk}-number": "5"})  # nothing changed
    _save(client_for(contact), submission, **{f"v{c61.pk}-number": "7,5", f"v{c61.pk}-source": "Uusi laskenta"})  # fmt: skip

    assert (
        f'href="{url}"' in client_for(contact).get(submission.get_absolute_url()).content.decode()
    )
    response = client_for(lead).get(url)
    assert response.status_code == 200
    entries = response.context["history"]
    assert [e["type"] for e in entries] == ["~", "~", "+"]  # the unchanged save is left out
    newest = {c["name"]: (c["old"], c["new"]) for c in entries[0]["changes"]}
    assert newest == {"number": ("5", "7,5"), "source": ("–", "Uusi laskenta")}
    assert entries[0]["user"] == contact and entries[1]["changes"][0]["new"] == "5"
    page = html.unescape(response.content.decode())
    assert "<del>5</del> → <ins>7,5</ins>" in page and str(contact) in page
    assert finnish("updated") not in page.split('id="history-h"')[1]  # no timestamps as changes

    # After approval, the indicator page links each figure's values to their history.
    client_for(contact).post(f"{submission.get_absolute_url()}transition/", {"to": "submitted"})
    client_for(kv).post(f"{submission.get_absolute_url()}transition/", {"to": "approved"})
    indicator_page = client_for(lead).get("/metrics/indicators/C6.1/").content.decode()
    assert f'href="{url}"' in indicator_page


def test_history_is_read_like_the_value(submission, client, client_for, lead):
    value = submission.values.first()
    response = client.get(f"/metrics/values/{value.pk}/history/")
    assert response.status_code == 302 and "/login" in response["Location"]  # signed-in only
    assert client_for(lead).get("/metrics/values/999999/history/").status_code == 404
