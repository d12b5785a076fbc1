"""Small helpers the events tests share."""

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from espoo_intl.questionnaires import questionnaire_answer
from events.models import IMPACT

__all__ = ["english", "pdf", "assess", "DECISION", "form_data"]

DECISION = {
    "outcome": "approved",
    "decided_by": "Jukka Mäkelä",
    "decider_role": "city_manager",
    "decision_reference": "KJ 12/2026",
    "decision_date": "2026-01-15",
}


def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def pdf(name: str = "sopimus.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n%test\n", content_type="application/pdf")


def assess(event, actor):
    return questionnaire_answer(event, question_set=IMPACT, actor=actor, answers={"aim": "yes"})


def form_data(unit, **overrides) -> dict:
    data = {
        "name": "Kansainvälinen koulutuskonferenssi",
        "kind": "conference",
        "format": "hybrid",
        "start_date": "2026-09-14",
        "end_date": "2026-09-15",
        "organiser": "Espoon kaupunki",
        "co_organisers": "",
        "owning_unit": unit.pk,
        "expected_participants": "150",
        "city_funding": "20000",
    }
    return data | overrides
