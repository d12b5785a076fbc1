"""Who is told what about a submission: the provider department's international contacts
(kv-yhteyshenkilö) when a period opens, before the deadline and when kv-tiimi returns or
approves; kv-tiimi when a submission arrives. Sent by Celery after the commit."""

from django.db import transaction

from espoo_intl.models import User
from espoo_intl.roles import Role

from .mail import send_submission_email
from .models import SubmissionState

__all__ = ["contacts_of", "period_opened", "reminder", "state_changed"]


def contacts_of(submission) -> list[int]:
    unit = submission.provider.unit
    if unit is None or unit.department_id is None:
        return []  # an outside source: kv-tiimi enters its figures
    users = User.objects.filter(
        is_active=True, groups__name=Role.CONTACT.value, unit__department=unit.department_id
    )
    return sorted(set(users.values_list("pk", flat=True)))


def _kv_team() -> list[int]:
    users = User.objects.filter(is_active=True, groups__name=Role.KV_TEAM.value)
    return sorted(set(users.values_list("pk", flat=True)))


def _send(message: str, submission, user_ids) -> int:
    if user_ids:
        transaction.on_commit(
            lambda: send_submission_email.delay(message, submission.pk, list(user_ids))
        )
    return len(user_ids)


def period_opened(submission) -> int:
    return _send("opened", submission, contacts_of(submission))


def reminder(submission) -> int:
    return _send("reminder", submission, contacts_of(submission))


def state_changed(submission) -> int:
    if submission.state == SubmissionState.SUBMITTED:
        return _send("submitted", submission, _kv_team())
    if submission.state in (SubmissionState.RETURNED, SubmissionState.APPROVED):
        return _send(submission.state, submission, contacts_of(submission))
    return 0
