"""Question sets as data: answered, kept with a date, summarised; a form built from the set."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from espoo_intl.questionnaires import (
    Question,
    QuestionnaireForm,
    QuestionSet,
    latest_response,
    questionnaire_answer,
    responses_for,
    summary,
)

from .factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessment():
    qset = QuestionSet.objects.create(
        code="test-assessment", name_fi="Arviointi", name_sv="Bedömning", name_en="Assessment"
    )
    Question.objects.create(
        question_set=qset, code="active", order=1, text_fi="Onko aktiivinen?",
        text_sv="Är den aktiv?", text_en="Is it active?", bad_answer="no",
    )  # fmt: skip
    Question.objects.create(
        question_set=qset, code="costs", order=2, text_fi="Maksaako?", text_en="Does it cost?",
        bad_answer="yes", asks_how=True, how_label_fi="Kuinka paljon?", how_label_en="How much?",
    )  # fmt: skip
    Question.objects.create(
        question_set=qset, code="known", order=3, text_fi="Tunnetaanko?", bad_answer=""
    )
    return qset


def test_answers_are_kept_with_who_and_when_and_the_latest_is_current(assessment):
    subject, first_user, second_user = UserFactory(), UserFactory(), UserFactory()

    first = questionnaire_answer(
        subject, question_set="test-assessment", actor=first_user, answers={"active": "no"}
    )
    second = questionnaire_answer(
        subject,
        question_set=assessment,
        actor=second_user,
        answers={"active": True, "costs": "yes"},
        how={"costs": " 200 € a year "},
    )

    assert latest_response(subject, "test-assessment") == second
    assert list(responses_for(subject, "test-assessment")) == [second, first]
    assert second.answered_by == second_user and first.answered_by == first_user
    assert second.answers.get(question__code="costs").how == "200 € a year"
    assert latest_response(UserFactory(), "test-assessment") is None


def test_the_summary_counts_yes_answers_and_flags_the_bad_ones(assessment):
    subject = UserFactory()
    response = questionnaire_answer(
        subject,
        question_set=assessment,
        actor=None,
        answers={"active": "no", "costs": "yes", "known": "yes"},
    )

    result = summary(response)

    assert result.positive == 2
    assert result.answered == 3
    assert sorted(a.question.code for a in result.bad) == ["active", "costs"]
    assert result.values == {"active": False, "costs": True, "known": True}
    assert summary(None).positive == 0


def test_an_unknown_question_or_answer_is_refused_and_nothing_is_kept(assessment):
    subject = UserFactory()
    with pytest.raises(ValidationError):
        questionnaire_answer(subject, question_set=assessment, actor=None, answers={"nope": "yes"})
    with pytest.raises(ValidationError):
        questionnaire_answer(
            subject, question_set=assessment, actor=None, answers={"known": "maybe"}
        )
    assert latest_response(subject, "test-assessment") is None


def test_the_form_asks_each_question_in_the_readers_language_with_how_where_asked(assessment):
    with translation.override("sv"):
        form = QuestionnaireForm(assessment, {"active": "yes", "costs": "no", "costs_how": "ingen"})
        labels = [f.label for f in form.fields.values()]
    assert labels[:2] == ["Är den aktiv?", "Maksaako?"]  # no Swedish text: Finnish
    assert "known_how" not in form.fields and "costs_how" in form.fields
    assert form.is_valid()
    assert form.answers() == {"active": "yes", "costs": "no", "known": "unknown"}
    assert form.how() == {"costs": "ingen"}


def test_the_form_starts_from_the_previous_answers(assessment):
    subject = UserFactory()
    response = questionnaire_answer(
        subject,
        question_set=assessment,
        actor=None,
        answers={"costs": "yes"},
        how={"costs": "50 €"},
    )

    form = QuestionnaireForm(assessment, response=response)

    assert form.fields["costs"].initial == "yes"
    assert form.fields["costs_how"].initial == "50 €"
    assert form.fields["active"].initial == "unknown"
