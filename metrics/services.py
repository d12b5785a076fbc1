"""Writes of the yearly round: opening a period, saving a submission's values and texts,
reminders. Keyword-only, atomic, every value through metrics.rules."""

import datetime

import nh3
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from simple_history.utils import bulk_create_with_history

from espoo_intl.models import OrgUnit
from espoo_intl.permissions import can_change
from espoo_intl.records import lock_for_edit
from espoo_intl.timeline import timeline_log

from . import notifications
from .models import (
    Indicator,
    Provider,
    ReportingPeriod,
    StaffDiversity,
    Submission,
    SubmissionState,
    Value,
)  # fmt: skip
from .rules import CLOSED_PERIOD, accepts_changes, clean_value

__all__ = [
    "TEXT_FIELDS", "REMIND_DAYS", "indicators_of", "period_open", "period_close", "period_reopen",
    "submissions_create", "submission_save", "staff_diversity_save",
    "submission_remind", "remind_due", "sanitise",
]  # fmt: skip

TEXT_FIELDS = (
    "highlights_fi", "highlights_en", "highlights_sv",
    "development_fi", "development_en", "development_sv",
)  # fmt: skip
REMIND_DAYS = (7, 1)  # reminders this many days before the deadline
_OPEN_STATES = (SubmissionState.DRAFT, SubmissionState.RETURNED)


def sanitise(text: str) -> str:
    """A short formatted text (Markdown) with every HTML tag but the harmless ones removed."""
    return nh3.clean(text or "").strip()


def indicators_of(provider: Provider, year: int) -> list[Indicator]:
    """What a provider fills in for `year`: its own indicators and, for a department, those
    every department provides; active that year; derived ones never (they are computed)."""
    mine = Q(providers=provider)
    if provider.unit_id and provider.unit.kind == OrgUnit.Kind.DEPARTMENT:
        mine |= Q(all_departments=True)
    found = Indicator.objects.filter(mine, derived=False).distinct().order_by("order", "code")
    return [i for i in found if i.is_active_in(year)]


def _department_providers() -> list[Provider]:
    """One provider for every active department (created on first need)."""
    departments = OrgUnit.objects.filter(kind=OrgUnit.Kind.DEPARTMENT, is_active=True)
    providers = []
    for dept in departments:
        provider = Provider.objects.filter(unit=dept).first() or Provider.objects.create(
            unit=dept, name_fi=dept.name_fi, name_en=dept.name_en, name_sv=dept.name_sv, order=100
        )
        providers.append(provider)
    return providers


@transaction.atomic
def period_open(*, year: int, deadline: datetime.date, actor) -> ReportingPeriod:
    """Open the round for `year`: one submission per provider, holding the indicators it
    provides (blank), and an e-mail to each department's international contacts."""
    if not actor.sees_everything:
        raise PermissionDenied
    if ReportingPeriod.objects.filter(year=year).exists():
        raise ValidationError(
            {"year": _("A reporting period for %(year)s exists already.") % {"year": year}}
        )
    if deadline < timezone.localdate():
        raise ValidationError({"deadline": _("The deadline cannot be in the past.")})
    period = ReportingPeriod.objects.create(year=year, deadline=deadline)
    for submission in submissions_create(period, actor=actor):
        notifications.period_opened(submission)
    return period


def _period_set_open(period: ReportingPeriod, *, is_open: bool, actor) -> ReportingPeriod:
    if not actor.sees_everything:
        raise PermissionDenied
    current = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    if current.is_open == is_open:
        message = (
            _("The reporting period %(year)s is open already.")
            if is_open
            else _("The reporting period %(year)s is closed already.")
        )
        raise ValidationError(message % {"year": current.year})
    current.is_open = is_open
    current._history_user = actor
    current.full_clean()
    current.save()
    summary = (
        gettext_noop("Reporting period reopened.")
        if is_open
        else gettext_noop("Reporting period closed.")
    )
    for submission in current.submissions.all():
        timeline_log(submission, actor=actor, summary=summary)
    return current


@transaction.atomic
def period_close(period: ReportingPeriod, *, actor) -> ReportingPeriod:
    """kv-tiimi closes the round: departments can no longer save or submit figures
    (kv-tiimi still returns, approves and corrects); reminders stop. Logged on every
    submission's timeline."""
    return _period_set_open(period, is_open=False, actor=actor)


@transaction.atomic
def period_reopen(period: ReportingPeriod, *, actor) -> ReportingPeriod:
    """kv-tiimi opens a closed round again: drafts and returned submissions can be saved
    and submitted again."""
    return _period_set_open(period, is_open=True, actor=actor)


def submissions_create(period: ReportingPeriod, *, actor) -> list[Submission]:
    """One submission per provider with something to fill in for the period's year, its
    values blank (also used by the demo data, which sends no e-mail)."""
    every = [*Provider.objects.select_related("unit"), *_department_providers()]
    created = []
    for provider in {p.pk: p for p in every}.values():
        indicators = indicators_of(provider, period.year)
        if not indicators:
            continue
        submission = Submission.objects.create(period=period, provider=provider, created_by=actor)
        # With their "created" history rows, so a value's first save shows what it changed.
        bulk_create_with_history(
            [Value(submission=submission, indicator=i) for i in indicators],
            Value,
            default_user=actor,
        )
        timeline_log(submission, actor=actor, summary=gettext_noop("Reporting period opened."))
        created.append(submission)
    return created


@transaction.atomic
def submission_save(
    submission: Submission, *, actor, values: dict, texts: dict, version: int | None
) -> Submission:
    """Save the figures and texts of a draft or returned submission. `values` maps a Value's
    pk to {"number", "text", "source", "comment", "comparability_break", "break_explanation"}
    (raw number and text, checked here). Nothing is saved if any value is refused."""
    if not can_change(actor, submission):
        raise PermissionDenied
    current = lock_for_edit(submission, version)
    if current.state not in _OPEN_STATES:
        raise ValidationError(_("Only a draft or a returned submission can be edited."))
    if not accepts_changes(actor, current):
        raise ValidationError(CLOSED_PERIOD)
    rows = {v.pk: v for v in current.values.select_related("indicator")}
    errors = {}
    for pk, data in values.items():
        value = rows.get(pk)
        if value is None:
            raise ValidationError(_("A value of another submission cannot be saved here."))
        try:
            value.number, value.text = clean_value(
                value.indicator.unit, data.get("number"), data.get("text", "")
            )
        except ValidationError as error:
            errors[pk] = error.messages
            continue
        value.source = data.get("source", "").strip()
        value.comment = data.get("comment", "").strip()
        value.comparability_break = bool(data.get("comparability_break"))
        value.break_explanation = data.get("break_explanation", "").strip()
        if value.comparability_break and not value.break_explanation:
            errors[pk] = [_("Explain the break in comparability.")]
    if errors:
        raise ValidationError({str(pk): msgs for pk, msgs in errors.items()})
    for pk in values:
        rows[pk]._history_user = actor
        rows[pk].save()
    for name in TEXT_FIELDS:
        if name in texts:
            setattr(current, name, sanitise(texts[name]))
    current.version += 1
    current._history_user = actor
    current.full_clean()
    current.save()
    return current


@transaction.atomic
def submission_remind(submission: Submission, *, actor) -> int:
    """E-mail the provider department's international contacts now; how many were told."""
    if actor is not None and not actor.sees_everything:
        raise PermissionDenied
    if submission.state not in _OPEN_STATES:
        raise ValidationError(_("Only a draft or a returned submission needs a reminder."))
    if not submission.period.is_open:
        raise ValidationError(_("The reporting period is closed: no reminders are sent."))
    Submission.objects.filter(pk=submission.pk).update(reminded_at=timezone.now())
    timeline_log(submission, actor=actor, summary=gettext_noop("Reminder sent."))
    return notifications.reminder(submission)


def remind_due(today: datetime.date) -> int:
    """The periodic reminder: 7 and 1 days before an open period's deadline, every
    submission not yet submitted. Returns how many submissions were reminded."""
    deadlines = [today + datetime.timedelta(days=n) for n in REMIND_DAYS]
    due = Submission.objects.filter(
        period__is_open=True, period__deadline__in=deadlines, state__in=_OPEN_STATES
    ).select_related("period", "provider__unit")
    reminded = 0
    for submission in due:
        submission_remind(submission, actor=None)
        reminded += 1
    return reminded


@transaction.atomic
def staff_diversity_save(*, year: int, figures: list[dict], actor) -> int:
    """Store HR's figures for `year`: each {"unit", "share", "staff"} replaces that unit's
    figure of the year (or adds it). All are checked before any is saved; kv-tiimi only."""
    if not actor.has_perm("metrics.change_staffdiversity"):
        raise PermissionDenied
    current = {f.unit_id: f for f in StaffDiversity.objects.select_for_update().filter(year=year)}
    rows = []
    for data in figures:
        row = current.get(data["unit"].pk) or StaffDiversity(year=year, unit=data["unit"])
        row.share, row.staff = data["share"], data["staff"]
        row.full_clean(validate_unique=False)
        row._history_user = actor
        rows.append(row)
    for row in rows:
        row.save()
    return len(rows)
