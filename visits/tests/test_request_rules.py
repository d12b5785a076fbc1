"""The request workflow's rules as pure functions (DOMAIN.md 3.3, 3.4): the transition
table, the triage recommendation and the host-unit suggestion. No database."""

from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from espoo_intl.workflow import KV, OWNER
from visits.choices import RequestState as S
from visits.rules import recommendation, suggest_routing
from visits.workflow import REQUEST_WORKFLOW

TRANSITIONS = {(t.frm, t.to): t.who for t in REQUEST_WORKFLOW.transitions}
REASON_REQUIRED = {code for code, state in REQUEST_WORKFLOW.states.items() if state.needs_reason}
allowed_targets = REQUEST_WORKFLOW.targets

answer = st.sampled_from([True, False, None])
five_answers = st.lists(answer, min_size=5, max_size=5)


# --- transition table ------------------------------------------------------------------


def test_only_kv_team_reviews_accepts_and_declines():
    kv_only = {pair for pair, who in TRANSITIONS.items() if who == KV}
    assert kv_only == {
        (S.RECEIVED, S.UNDER_REVIEW),
        (S.UNDER_REVIEW, S.ACCEPTED),
        (S.UNDER_REVIEW, S.DECLINED),
    }


def test_every_open_state_can_be_cancelled_by_the_owner():
    for state in (S.RECEIVED, S.UNDER_REVIEW, S.ACCEPTED, S.PLANNING, S.CONFIRMED):
        assert TRANSITIONS[(state, S.CANCELLED)] == OWNER


@pytest.mark.parametrize("state", [S.DECLINED, S.DEBRIEFED, S.CANCELLED])
def test_closed_requests_go_nowhere(state):
    assert allowed_targets(state) == []


def test_the_happy_path_runs_from_received_to_debriefed():
    path = [S.RECEIVED, S.UNDER_REVIEW, S.ACCEPTED, S.PLANNING, S.CONFIRMED, S.COMPLETED]
    path.append(S.DEBRIEFED)
    for frm, to in zip(path, path[1:], strict=False):
        assert to in allowed_targets(frm)


def test_decline_and_cancel_need_a_reason():
    assert {S.DECLINED, S.CANCELLED} == REASON_REQUIRED


def test_completed_request_cannot_be_cancelled():
    assert allowed_targets(S.COMPLETED) == [S.DEBRIEFED]


# --- triage recommendation (3.4) ---------------------------------------------------------


@given(answers=five_answers)
def test_no_recommendation_before_timeliness_is_answered(answers):
    assert recommendation(None, answers) is None


@given(answers=five_answers)
def test_a_late_request_is_declined_whatever_the_answers(answers):
    result = recommendation(False, answers)
    assert result is not None
    assert result.code == "decline"


@given(answers=five_answers)
def test_timely_request_recommendation_follows_the_five_answers(answers):
    result = recommendation(True, answers)
    if any(a is True for a in answers):
        assert result is not None and result.code == "accept"
    elif all(a is False for a in answers):
        assert result is not None and result.code == "decline"
    else:  # no "yes" yet, some questions unanswered: nothing to recommend
        assert result is None


@given(yes_at=st.integers(min_value=0, max_value=4), rest=five_answers)
def test_one_yes_is_enough_to_accept(yes_at, rest):
    answers = list(rest)
    answers[yes_at] = True
    assert recommendation(True, answers).code == "accept"


def test_all_no_is_declined_with_its_own_explanation():
    late = recommendation(False, [True] * 5)
    all_no = recommendation(True, [False] * 5)
    assert all_no.code == late.code == "decline"
    assert str(all_no.text) != str(late.text)


# --- host-unit suggestion (3.4) ------------------------------------------------------------


def _unit(name):
    return SimpleNamespace(name=name)


def _rule(unit, *, rank="", theme_id=None):
    return SimpleNamespace(unit=unit, rank=rank, theme_id=theme_id)


ELKA, KEKE, KOT = _unit("ELKA"), _unit("KEKE"), _unit("KOT")
SUSTAINABILITY, EDUCATION = SimpleNamespace(pk=1), SimpleNamespace(pk=2)
RULES = [  # in priority order, as RoutingRule's ordering gives them
    _rule(ELKA, rank="head_of_state"),
    _rule(KEKE, theme_id=1),
    _rule(KOT, theme_id=2),
    _rule(ELKA, theme_id=2),
]


def test_rank_rule_suggests_the_host():
    routing = suggest_routing(rank="head_of_state", themes=[], rules=RULES)
    assert routing.host is ELKA
    assert routing.informed == []


def test_first_matching_rule_hosts_and_the_others_are_informed_once():
    routing = suggest_routing(rank="head_of_state", themes=[SUSTAINABILITY, EDUCATION], rules=RULES)
    assert routing.host is ELKA
    assert routing.informed == [KEKE, KOT]  # ELKA's theme rule does not repeat it


def test_no_matching_rule_suggests_nobody():
    routing = suggest_routing(rank="", themes=[SimpleNamespace(pk=99)], rules=RULES)
    assert routing.host is None
    assert routing.informed == []


def test_an_empty_rank_does_not_match_rank_rules():
    routing = suggest_routing(rank="", themes=[EDUCATION], rules=RULES)
    assert routing.host is KOT
    assert routing.informed == [ELKA]
