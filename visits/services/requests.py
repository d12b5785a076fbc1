"""Writes to visit requests: registration, edits, triage, routing and state transitions."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from espoo_intl.permissions import can_add, can_change, in_reach
from espoo_intl.questionnaires import latest_response, questionnaire_answer, summary
from espoo_intl.records import StaleRecord, lock_for_edit
from espoo_intl.timeline import timeline_for, timeline_log
from espoo_intl.workflow import workflow_transition

from .. import notifications
from ..choices import RequestState, VisitStatus
from ..models import (
    EVALUATION,
    EVALUATION_QUESTIONS,
    TIMELY,
    RoutingRule,
    Visit,
    VisitRequest,
)
from ..rules import (
    RESPONSIBLE_OUTSIDE,
    coordinates,
    may_name_responsible,
    recommendation,
    suggest_routing,
)
from .planning import attachment_store, checklist_generate

__all__ = [
    "request_create", "request_update", "request_triage", "request_route", "request_transition",
    "request_log", "routing_suggestion", "request_evaluation", "StaleRequest", "checklist_generate",
    "visit_from_request", "request_report_responsible", "responsible_reported", "REPORTED",
]  # fmt: skip

# The timeline's record that the responsible person was reported to the handling party.
REPORTED = gettext_noop("Responsible person %(person)s reported to %(party)s")


# The details a request's form edits; everything else has its own service.
EDITABLE_FIELDS = {
    "subject", "requester_type", "requester_name", "received_on", "proposed_start",
    "proposed_end", "kind", "visitor", "dignitary_rank", "visiting_organisation", "country",
    "group_size", "themes", "language", "interpretation", "message", "confidential",
    "invoiced_amount", "media_hits", "follow_up",
}  # fmt: skip


# Someone else saved the request after this user opened it (the core's StaleRecord).
StaleRequest = StaleRecord


def request_log(
    visit_request: VisitRequest, *, actor, summary: str = "", params=None, frm="", to="", reason=""
):
    """Add a line to the request's timeline (espoo_intl.timeline)."""
    return timeline_log(
        visit_request, actor=actor, summary=summary, params=params, frm=frm, to=to, reason=reason
    )


def _lock(visit_request: VisitRequest) -> VisitRequest:
    """Lock the row for this transaction and bring the caller's instance up to date,
    so a step never saves over another one made meanwhile."""
    VisitRequest.objects.select_for_update().filter(pk=visit_request.pk).first()
    visit_request.refresh_from_db()
    return visit_request


def _is_kv(user) -> bool:
    return user.sees_everything


def _split_m2m(data: dict) -> tuple[dict, dict]:
    m2m = {k: data.pop(k) for k in ("themes", "informed_units") if k in data}
    return data, m2m


@transaction.atomic
def request_create(*, actor, attachments=(), **data) -> VisitRequest:
    """Register a request as received, with the original letter if given; kv-tiimi and the
    international mailbox are told. A refused attachment refuses the whole registration."""
    if not can_add(actor, VisitRequest):
        raise PermissionDenied
    data, m2m = _split_m2m(dict(data))
    visit_request = VisitRequest(**data, created_by=actor, state=RequestState.RECEIVED)
    visit_request.full_clean()
    visit_request._history_user = actor
    visit_request.save()
    for name, values in m2m.items():
        getattr(visit_request, name).set(values)
    request_log(
        visit_request,
        actor=actor,
        summary=gettext_noop("Request registered"),
        to=RequestState.RECEIVED,
    )
    for upload in attachments:
        try:
            attachment_store(visit_request, actor=actor, file=upload)
        except ValidationError as error:
            raise ValidationError({"attachments": error.messages}) from error
    notifications.new_request(visit_request)
    return visit_request


@transaction.atomic
def request_update(
    visit_request: VisitRequest, *, actor, expected_version: int | None = None, **data
) -> VisitRequest:
    """Change a request's details. Refused if someone else saved it since `expected_version`
    (default: the version `visit_request` was read at) or if the request is closed."""
    if not can_change(actor, visit_request):
        raise PermissionDenied
    current = lock_for_edit(visit_request, expected_version)
    unknown = set(data) - EDITABLE_FIELDS
    if unknown:
        # State, routing and the visit record change only through their own services.
        raise ValueError(f"request_update cannot change {sorted(unknown)}")
    data, m2m = _split_m2m(dict(data))
    for name, value in data.items():
        setattr(visit_request, name, value)
    visit_request.version = current.version + 1
    visit_request.full_clean()
    visit_request._history_user = actor
    visit_request.save()
    for name, values in m2m.items():
        getattr(visit_request, name).set(values)
    if visit_request.visit_id is not None:
        # A completed request's later edits (title, dates, confidentiality, results)
        # reach its visit record: a request made confidential stays confidential there.
        visit_from_request(visit_request, actor)
    if not in_reach(actor, visit_request):
        raise ValidationError(_("You would not be able to see this request after saving it."))
    return visit_request


@transaction.atomic
def request_triage(visit_request: VisitRequest, *, actor, how=None, **answers) -> VisitRequest:
    """Record kv-tiimi's evaluation (3.4): timeliness and the five questions, kept as a new
    dated response of the question set EVALUATION (earlier ones stay). Answers are given by
    question code (`timely=True, interesting="no"`; the old names `q_interesting` work too).
    kv-tiimi, or the department's kv-yhteyshenkilö for its own non-city-level request."""
    if not coordinates(actor, visit_request):
        raise PermissionDenied
    _lock(visit_request)
    if visit_request.state not in (RequestState.RECEIVED, RequestState.UNDER_REVIEW):
        raise ValidationError(_("Only a request waiting for review can be evaluated."))
    answers = {code.removeprefix("q_"): value for code, value in answers.items()}
    questionnaire_answer(
        visit_request, question_set=EVALUATION, actor=actor, answers=answers, how=how
    )
    visit_request.version += 1
    visit_request._history_user = actor
    visit_request.save()
    request_log(visit_request, actor=actor, summary=gettext_noop("Evaluation recorded"))
    return visit_request


def request_evaluation(visit_request: VisitRequest):
    """The request's current (latest) evaluation and the recommendation it gives, or
    (None, None) before any."""
    response = latest_response(visit_request, EVALUATION)
    if response is None:
        return None, None
    values = summary(response).values
    five = [values.get(code) for code in EVALUATION_QUESTIONS]
    return response, recommendation(values.get(TIMELY), five)


def routing_suggestion(visit_request: VisitRequest):
    """The host unit and the units to inform that the rule table suggests for this request."""
    rules = RoutingRule.objects.select_related("unit__parent")
    return suggest_routing(
        rank=visit_request.dignitary_rank,
        kind=visit_request.kind,
        themes=visit_request.themes.all(),
        rules=rules,
    )


@transaction.atomic
def request_route(
    visit_request: VisitRequest, *, actor, host_unit, responsible, informed_units=()
) -> VisitRequest:
    """kv-tiimi confirms the coordinating unit and names one responsible person;
    the responsible person and the units concerned are notified. A department's
    kv-yhteyshenkilö does the same for the department's own non-city-level request,
    within the department."""
    if not coordinates(actor, visit_request):
        raise PermissionDenied
    _lock(visit_request)
    if not visit_request.is_open:
        raise ValidationError(_("A closed request cannot be routed."))
    if host_unit is None or responsible is None:
        raise ValidationError(_("Choose both the host unit and the responsible person."))
    if not _is_kv(actor) and host_unit.department_id != actor.department_pk:
        raise ValidationError(
            {"host_unit": _("Choose a host unit in your own department; kv-tiimi routes further.")}
        )
    if not may_name_responsible(actor, responsible, keep=visit_request.responsible_id):
        raise ValidationError({"responsible": RESPONSIBLE_OUTSIDE})
    previous_responsible = visit_request.responsible_id
    visit_request.host_unit, visit_request.responsible = host_unit, responsible
    visit_request.version += 1
    visit_request._history_user = actor
    visit_request.save()
    visit_request.informed_units.set(informed_units)
    request_log(
        visit_request,
        actor=actor,
        summary=gettext_noop("Routed to %(unit)s; responsible person %(person)s"),
        params={"unit": host_unit.label, "person": str(responsible)},
    )
    notifications.routed(visit_request, new_responsible=previous_responsible != responsible.pk)
    # Every unit listed as informed has really been told: who, when (the entry's time).
    for unit, people in notifications.informed_contacts(visit_request).items():
        request_log(
            visit_request,
            actor=actor,
            summary=(
                gettext_noop("%(unit)s informed by e-mail: %(people)s")
                if people
                else gettext_noop("%(unit)s could not be informed: no international contact")
            ),
            params={"unit": unit.label, "people": ", ".join(str(p) for p in people)},
        )
    return visit_request


def visit_from_request(visit_request: VisitRequest, actor) -> Visit:
    """A completed request becomes (or updates) its visit record, so metrics count it once."""
    visit = visit_request.visit or Visit(created_by=actor)
    visit.title = visit_request.subject
    visit.kind = visit_request.kind
    visit.dignitary_rank = visit_request.dignitary_rank
    visit.visiting_organisation = visit_request.visiting_organisation
    visit.country = visit_request.country
    visit.host_unit = visit_request.host_unit
    visit.responsible = visit_request.responsible
    visit.start_date, visit.end_date = visit_request.proposed_start, visit_request.proposed_end
    visit.group_size = visit_request.group_size
    visit.language, visit.interpretation = visit_request.language, visit_request.interpretation
    visit.confidential = visit_request.confidential
    # The after-visit results (3.3): what the request has recorded reaches the visit.
    if visit_request.invoiced_amount is not None:
        visit.paid, visit.invoiced_amount = True, visit_request.invoiced_amount
    if visit_request.media_hits:
        visit.media_hits = visit_request.media_hits
    if visit_request.follow_up:
        visit.follow_up = visit_request.follow_up
    visit.status = VisitStatus.COMPLETED
    if visit.pk:
        visit.version += 1  # an edit opened before this is now stale
    visit.full_clean()
    visit._history_user = actor
    visit.save()
    visit.themes.set(visit_request.themes.all())
    return visit


def request_transition(
    visit_request: VisitRequest, *, to: str, actor, reason: str = "", override_reason: str = ""
) -> VisitRequest:
    """Move a request to another state through its workflow (visits.workflow)."""
    return workflow_transition(
        visit_request, to=to, actor=actor, reason=reason, override_reason=override_reason
    )


@transaction.atomic
def request_report_responsible(visit_request: VisitRequest, *, actor):
    """Record that the named responsible person has been reported to the party handling
    the visit (TPK, UM protocol, an embassy: the requesting party) (3.3). The coordinator
    or the responsible person records it; the timeline keeps who and when."""
    if not (coordinates(actor, visit_request) or actor.pk == visit_request.responsible_id):
        raise PermissionDenied
    _lock(visit_request)
    if visit_request.responsible_id is None:
        raise ValidationError(_("Name the responsible person before reporting them."))
    return request_log(
        visit_request,
        actor=actor,
        summary=REPORTED,
        params={"person": str(visit_request.responsible), "party": _handling_party(visit_request)},
    )


def _handling_party(visit_request: VisitRequest) -> str:
    kind = visit_request.get_requester_type_display()
    return f"{kind} ({visit_request.requester_name})" if visit_request.requester_name else kind


def responsible_reported(visit_request: VisitRequest):
    """The latest record of reporting the responsible person, or None."""
    return timeline_for(visit_request).filter(summary=REPORTED).order_by("-at", "-pk").first()
