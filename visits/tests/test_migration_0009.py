"""Migration 0009 moves a request's attachments and its triage onto the core, keeping them."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from espoo_intl.attachments import Attachment
from espoo_intl.questionnaires import latest_response, summary
from visits.models import EVALUATION, VisitRequest

BEFORE = [
    ("visits", "0008_timeline_version"),
    ("espoo_intl", "0006_attachments_questionnaires"),
]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_attachments_and_triage_answers_move_onto_the_core():
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate(BEFORE)
    try:
        old = executor.loader.project_state(BEFORE).apps
        kv = old.get_model("espoo_intl", "User").objects.create(username="kv-migration")
        when = timezone.make_aware(datetime.datetime(2025, 2, 3, 10, 30))
        visit_request = old.get_model("visits", "VisitRequest").objects.create(
            subject="Vanha pyyntö", requester_type="embassy", proposed_start="2025-03-03",
            proposed_end="2025-03-03", visitor="Ambassador", visiting_organisation="Embassy",
            country="SE", timely=True, q_interesting=False, q_national=True,
            triaged_by=kv, triaged_at=when,
        )  # fmt: skip
        untriaged = old.get_model("visits", "VisitRequest").objects.create(
            subject="Arvioimaton", requester_type="embassy", proposed_start="2025-03-03",
            proposed_end="2025-03-03", visitor="Ambassador", visiting_organisation="Embassy",
            country="SE",
        )  # fmt: skip
        old.get_model("visits", "Attachment").objects.create(
            request=visit_request, file=f"{visit_request.pk}/kirje.pdf", original_name="kirje.pdf",
            content_type="application/pdf", size=1234, uploaded_by=kv,
        )  # fmt: skip
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(leaves)

    visit_request = VisitRequest.objects.get(pk=visit_request.pk)
    [attachment] = Attachment.objects.all()
    assert attachment.owner == visit_request
    assert attachment.file.name == f"{visit_request.pk}/kirje.pdf"  # the file stays where it is
    assert (attachment.original_name, attachment.mime_type, attachment.size) == (
        "kirje.pdf", "application/pdf", 1234,
    )  # fmt: skip
    assert attachment.uploaded_by.username == "kv-migration"
    evaluation = latest_response(visit_request, EVALUATION)
    assert (evaluation.answered_by.username, evaluation.answered_at) == ("kv-migration", when)
    values = summary(evaluation).values
    assert (values["timely"], values["interesting"], values["national"]) == (True, False, True)
    assert values["significant"] is None
    assert latest_response(VisitRequest.objects.get(pk=untriaged.pk), EVALUATION) is None
