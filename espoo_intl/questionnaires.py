"""Yes/no question sets as data, answered and kept with a date.

A question set (the request evaluation, the partnership assessment, ...) is rows, not code:
each question has its text in Finnish, Swedish and English, says which answer is the bad
one (yes, no or neither), and may ask "how" in free text. Every time someone answers, a new
dated `Response` is kept; the latest is the current one.

    response = questionnaire_answer(record, question_set="request-evaluation", actor=user,
                                    answers={"timely": True, "interesting": "no"})
    latest_response(record, "request-evaluation")      # or None
    summary(response).positive, summary(response).bad  # yes count, bad answers flagged
    QuestionnaireForm(question_set, data)              # radio yes/no/unknown (+ how)

The service checks no permission: the register's own service (e.g. the request triage)
decides who may answer, then calls it.
"""

from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .i18n import TranslatedNameModel, _lang

__all__ = [
    "AnswerValue", "BadAnswer", "QuestionSet", "Question", "Response", "Answer",
    "questionnaire_answer", "latest_response", "responses_for", "summary", "Summary",
    "QuestionnaireForm",
]  # fmt: skip


class AnswerValue(models.TextChoices):
    YES = "yes", gettext_lazy("yes")
    NO = "no", gettext_lazy("no")
    UNKNOWN = "unknown", gettext_lazy("not answered")


class BadAnswer(models.TextChoices):
    YES = "yes", gettext_lazy("yes")
    NO = "no", gettext_lazy("no")
    NEITHER = "", gettext_lazy("neither")


class QuestionSet(TranslatedNameModel):
    """A named set of yes/no questions, e.g. "request-evaluation"."""

    code = models.SlugField(gettext_lazy("code"), max_length=50, unique=True)

    class Meta:
        verbose_name = gettext_lazy("question set")
        verbose_name_plural = gettext_lazy("question sets")
        ordering = ["code"]


def _in_language(obj, prefix: str) -> str:
    return getattr(obj, f"{prefix}_{_lang()}", "") or getattr(obj, f"{prefix}_fi")


class Question(models.Model):
    question_set = models.ForeignKey(
        QuestionSet,
        verbose_name=gettext_lazy("question set"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    code = models.SlugField(gettext_lazy("code"), max_length=50)
    order = models.PositiveSmallIntegerField(gettext_lazy("order"), default=0)
    text_fi = models.CharField(gettext_lazy("question in Finnish"), max_length=300)
    text_sv = models.CharField(gettext_lazy("question in Swedish"), max_length=300, blank=True)
    text_en = models.CharField(gettext_lazy("question in English"), max_length=300, blank=True)
    bad_answer = models.CharField(
        gettext_lazy("bad answer"),
        max_length=10,
        choices=BadAnswer.choices,
        blank=True,
        help_text=gettext_lazy("The answer that counts against (flagged in the summary)."),
    )
    asks_how = models.BooleanField(gettext_lazy("asks how"), default=False)
    how_label_fi = models.CharField(gettext_lazy("“how” label in Finnish"), max_length=200, blank=True)  # fmt: skip
    how_label_sv = models.CharField(gettext_lazy("“how” label in Swedish"), max_length=200, blank=True)  # fmt: skip
    how_label_en = models.CharField(gettext_lazy("“how” label in English"), max_length=200, blank=True)  # fmt: skip

    class Meta:
        verbose_name = gettext_lazy("question")
        verbose_name_plural = gettext_lazy("questions")
        ordering = ["question_set", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["question_set", "code"], name="question_code_once")
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return _in_language(self, "text")

    @property
    def how_label(self) -> str:
        return _in_language(self, "how_label") or _("How?")


class Response(models.Model):
    """One dated answering of a question set about one record (any model)."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=gettext_lazy("record type"), on_delete=models.CASCADE
    )
    object_id = models.PositiveBigIntegerField(gettext_lazy("record"))
    subject = GenericForeignKey("content_type", "object_id")
    question_set = models.ForeignKey(
        QuestionSet,
        verbose_name=gettext_lazy("question set"),
        on_delete=models.PROTECT,
        related_name="responses",
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(gettext_lazy("answered at"), default=timezone.now)

    class Meta:
        verbose_name = gettext_lazy("questionnaire response")
        verbose_name_plural = gettext_lazy("questionnaire responses")
        ordering = ["-answered_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "question_set"])]

    def __str__(self) -> str:
        return f"{self.question_set} {self.answered_at:%Y-%m-%d}"


class Answer(models.Model):
    response = models.ForeignKey(
        Response, verbose_name=gettext_lazy("response"), on_delete=models.CASCADE, related_name="answers"
    )  # fmt: skip
    question = models.ForeignKey(
        Question, verbose_name=gettext_lazy("question"), on_delete=models.PROTECT, related_name="+"
    )
    value = models.CharField(
        gettext_lazy("answer"), max_length=10, choices=AnswerValue.choices, default=AnswerValue.UNKNOWN
    )  # fmt: skip
    how = models.TextField(gettext_lazy("how"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("answer")
        verbose_name_plural = gettext_lazy("answers")
        ordering = ["question__order", "question__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="answer_once_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question.code}: {self.value}"

    @property
    def as_bool(self) -> bool | None:
        return {AnswerValue.YES: True, AnswerValue.NO: False}.get(self.value)

    @property
    def is_bad(self) -> bool:
        return bool(self.question.bad_answer) and self.value == self.question.bad_answer


# --- services and readers ---------------------------------------------------------------------


def _value(raw) -> str:
    if raw is True or raw == AnswerValue.YES:
        return AnswerValue.YES
    if raw is False or raw == AnswerValue.NO:
        return AnswerValue.NO
    if raw in (None, "", AnswerValue.UNKNOWN):
        return AnswerValue.UNKNOWN
    raise ValidationError(_("An answer is yes, no or not answered."))


def _question_set(question_set) -> QuestionSet:
    if isinstance(question_set, QuestionSet):
        return question_set
    return QuestionSet.objects.get(code=question_set)


@transaction.atomic
def questionnaire_answer(subject, *, question_set, actor, answers: dict, how=None) -> Response:
    """Keep a new dated response about `subject`: `answers` maps question codes to
    yes/no/unknown (or True/False/None), `how` maps codes to free text. Questions left out
    are "not answered"; an unknown code is refused. No permission check (see module)."""
    qset = _question_set(question_set)
    questions = {q.code: q for q in qset.questions.all()}
    how = how or {}
    unknown = (set(answers) | set(how)) - set(questions)
    if unknown:
        raise ValidationError(
            _("Unknown questions: %(codes)s") % {"codes": ", ".join(sorted(unknown))}
        )
    response = Response(
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        question_set=qset,
        answered_by=actor,
    )
    response.full_clean()
    response.save()
    rows = [
        Answer(
            response=response,
            question=q,
            value=_value(answers.get(code)),
            how=(how.get(code) or "").strip() if q.asks_how else "",
        )
        for code, q in questions.items()
    ]
    Answer.objects.bulk_create(rows)
    return response


def responses_for(subject, code: str):
    """Every response about `subject` to the question set `code`, newest first."""
    return (
        Response.objects.filter(
            content_type=ContentType.objects.get_for_model(subject),
            object_id=subject.pk,
            question_set__code=code,
        )
        .select_related("answered_by", "question_set")
        .prefetch_related(
            models.Prefetch("answers", queryset=Answer.objects.select_related("question"))
        )
    )


def latest_response(subject, code: str) -> Response | None:
    """The current (latest) response about `subject`, or None."""
    return responses_for(subject, code).first()


@dataclass
class Summary:
    positive: int = 0  # "yes" answers
    answered: int = 0
    bad: list = field(default_factory=list)  # the answers that are the bad one
    values: dict = field(default_factory=dict)  # code -> True / False / None


def summary(response: Response | None) -> Summary:
    """How a response came out: the yes count, the bad answers flagged, every value."""
    result = Summary()
    if response is None:
        return result
    for answer in response.answers.all():
        value = answer.as_bool
        result.values[answer.question.code] = value
        result.positive += value is True
        result.answered += value is not None
        if answer.is_bad:
            result.bad.append(answer)
    return result


# --- the form ---------------------------------------------------------------------------------


class QuestionnaireForm(forms.Form):
    """One radio group (yes / no / not answered) per question, plus "how" where asked.
    Field names are the question codes (and `<code>_how`)."""

    def __init__(self, question_set, data=None, *, response: Response | None = None, **kwargs):
        super().__init__(data, **kwargs)
        self.question_set = _question_set(question_set)
        self.questions = list(self.question_set.questions.all())
        previous = {a.question.code: a for a in response.answers.all()} if response else {}
        for q in self.questions:
            before = previous.get(q.code)
            self.fields[q.code] = forms.ChoiceField(
                label=q.text,
                choices=AnswerValue.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=before.value if before else AnswerValue.UNKNOWN,
            )
            if q.asks_how:
                self.fields[f"{q.code}_how"] = forms.CharField(
                    label=q.how_label,
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    initial=before.how if before else "",
                )

    def answers(self) -> dict:
        return {
            q.code: self.cleaned_data.get(q.code) or AnswerValue.UNKNOWN for q in self.questions
        }

    def how(self) -> dict:
        return {
            q.code: self.cleaned_data.get(f"{q.code}_how", "") for q in self.questions if q.asks_how
        }
