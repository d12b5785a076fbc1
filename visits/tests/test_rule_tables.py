"""kv-tiimi keeps the rule tables in the portal; everyone else may not."""

import pytest

from visits.models import ProtocolRule

pytestmark = pytest.mark.django_db

PAGES = ["/requests/rules/protocol/", "/requests/rules/routing/", "/requests/rules/checklist/"]


@pytest.mark.parametrize("url", PAGES)
def test_kv_team_opens_each_rule_table(client_for, kv, url):
    response = client_for(kv).get(url)
    assert response.status_code == 200
    assert b"<form" in response.content


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("role", ["staff", "contact", "lead"])
def test_others_may_not_edit_rule_tables(client_for, users, url, role):
    assert client_for(users[role]).get(url).status_code == 403
    assert client_for(users[role]).post(url, {}).status_code == 403


def _matrix_post(changes: dict) -> dict:
    rows = list(ProtocolRule.objects.order_by("rank"))
    data = {
        "form-TOTAL_FORMS": str(len(rows)),
        "form-INITIAL_FORMS": str(len(rows)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    for i, rule in enumerate(rows):
        data[f"form-{i}-id"] = str(rule.pk)
        data[f"form-{i}-rank"] = rule.rank
        for party in (*ProtocolRule.PARTY_FIELDS.values(), "confirmed"):
            value = changes.get((rule.rank, party), getattr(rule, party))
            if value:
                data[f"form-{i}-{party}"] = "on"
    return data


def test_kv_team_corrects_the_protocol_matrix_and_history_names_them(client_for, kv):
    minister = ProtocolRule.objects.get(rank="minister")
    assert minister.security is False

    response = client_for(kv).post(
        "/requests/rules/protocol/", _matrix_post({("minister", "security"): True})
    )

    assert response.status_code == 302
    minister.refresh_from_db()
    assert minister.security is True
    assert minister.history.first().history_user == kv
    # Nothing else moved.
    assert ProtocolRule.objects.get(rank="royalty").parties == [
        "kj",
        "viestinta",
        "kajo_kh",
        "kv",
        "turva",
    ]


def test_a_duplicate_rank_is_refused_and_nothing_is_saved(client_for, kv):
    data = _matrix_post({("minister", "security"): True})
    # Make the minister row claim the royalty rank: the unique rank refuses it.
    index = [k for k, v in data.items() if v == "minister"][0].split("-")[1]
    data[f"form-{index}-rank"] = "royalty"

    response = client_for(kv).post("/requests/rules/protocol/", data)

    assert response.status_code == 400
    assert ProtocolRule.objects.get(rank="minister").security is False


TO_BE_CONFIRMED = 'badge text-bg-warning">to be confirmed</span>'


def _english_page(client):
    client.cookies["django_language"] = "en"
    return client.get("/requests/rules/protocol/").content.decode()


def test_the_protocol_matrix_lists_the_ranks_in_the_seeds_order(client_for, kv):
    html = _english_page(client_for(kv))

    labels = [
        "royalty", "head of state", "ambassador", "minister",
        "high representative of an international organisation", "other dignitary",
    ]  # fmt: skip
    selected = [html.index(f"selected>{label}</option>") for label in labels]
    assert selected == sorted(selected)


def test_the_rows_the_seed_left_uncertain_are_to_be_confirmed_until_kv_team_saves_them(
    client_for, kv
):
    client = client_for(kv)
    uncertain = set(ProtocolRule.objects.filter(confirmed=False).values_list("rank", flat=True))
    assert uncertain == {"ambassador", "minister", "other"}
    assert _english_page(client).count(TO_BE_CONFIRMED) == 3

    client.post("/requests/rules/protocol/", _matrix_post({("minister", "security"): True}))

    assert ProtocolRule.objects.get(rank="minister").confirmed is True
    assert ProtocolRule.objects.get(rank="ambassador").confirmed is False
    assert _english_page(client).count(TO_BE_CONFIRMED) == 2
