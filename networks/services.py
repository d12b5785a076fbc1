"""Every write to networks and their evaluations goes through here."""

from django.db import transaction
from django.utils.translation import gettext_noop

from espoo_intl.questionnaires import questionnaire_answer
from espoo_intl.services import record_create, record_delete, record_update
from espoo_intl.timeline import timeline_log

from .models import CLASSIFICATION, Network, NetworkEvaluation

__all__ = [
    "network_create", "network_update", "network_delete",
    "evaluation_create", "evaluation_update", "evaluation_delete",
]  # fmt: skip


def network_create(*, actor, **data) -> Network:
    """Create a network for a unit of the actor's department (kv-tiimi: any); all or nothing."""
    return record_create(Network, actor=actor, data=data, created_by=actor)


def network_update(
    network: Network, *, actor, expected_version: int | None = None, **data
) -> Network:
    """Change a network the actor may edit (owning department, contacts, kv-tiimi); refused
    if someone else saved it since `expected_version`."""
    return record_update(network, actor=actor, data=data, expected_version=expected_version)


def network_delete(network: Network, *, actor) -> None:
    """Delete a network and its evaluations (kv-tiimi and administrators only)."""
    record_delete(network, actor=actor)


def _answer(evaluation: NetworkEvaluation, *, actor, answers, how) -> None:
    if answers is not None:
        questionnaire_answer(
            evaluation, question_set=CLASSIFICATION, actor=actor, answers=answers, how=how
        )


def _log(evaluation: NetworkEvaluation, *, actor, summary: str) -> None:
    params = {"year": evaluation.year, "class": evaluation.network_class}
    for record in (evaluation.network, evaluation):
        timeline_log(record, actor=actor, summary=summary, params=params)


@transaction.atomic
def evaluation_create(
    *, actor, answers: dict | None = None, how: dict | None = None, **data
) -> NetworkEvaluation:
    """Record a network's evaluation for a year (from 2021, once per network and year; a
    passive network needs its decision) with the criteria's answers; all or nothing. Only
    those who may edit the network may evaluate it. Logged on the network's timeline."""
    evaluation = record_create(NetworkEvaluation, actor=actor, data=data, created_by=actor)
    _answer(evaluation, actor=actor, answers=answers, how=how)
    _log(evaluation, actor=actor, summary=gettext_noop("Evaluation for %(year)s recorded: %(class)s"))  # fmt: skip
    return evaluation


@transaction.atomic
def evaluation_update(
    evaluation: NetworkEvaluation,
    *,
    actor,
    expected_version: int | None = None,
    answers: dict | None = None,
    how: dict | None = None,
    **data,
) -> NetworkEvaluation:
    """Change an evaluation; new answers to the criteria are kept as a new dated response
    (the earlier ones stay). Refused when stale or when the rules above fail."""
    evaluation = record_update(
        evaluation, actor=actor, data=data, expected_version=expected_version
    )
    _answer(evaluation, actor=actor, answers=answers, how=how)
    _log(evaluation, actor=actor, summary=gettext_noop("Evaluation for %(year)s changed: %(class)s"))  # fmt: skip
    return evaluation


def evaluation_delete(evaluation: NetworkEvaluation, *, actor) -> None:
    """Delete an evaluation (kv-tiimi and administrators only)."""
    record_delete(evaluation, actor=actor)
