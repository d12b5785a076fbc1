"""Erasure of a finished visit's personal data, GUEST_DATA_RETENTION_DAYS after its end:
the guest list (planning.guest_data_erase_expired), the attachments (files and names), gift
givers and receivers, the request's free-text message, the timeline entries naming them,
and the history rows of each. What the city must keep stays: the request itself, the gift
register's descriptions and values (gifts received are city property), the group size.
Each erasure is logged with what kind of data went and how much, never the values."""

import datetime
import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_noop

from espoo_intl.attachments import Attachment
from espoo_intl.timeline import TimelineEntry, timeline_log

from ..models import Gift, VisitRequest
from .planning import guest_data_erase_expired

__all__ = ["personal_data_erase", "personal_data_erase_expired", "ERASED"]

log = logging.getLogger(__name__)

ERASED = "—"  # what an erased name shows
# Timeline entries whose parameters name people or files.
NAMING_SUMMARIES = ("Gift recorded: %(gift)s", "Attachment added: %(name)s")


def _with_personal_data(request_ids) -> set[int]:
    ct = ContentType.objects.get_for_model(VisitRequest)
    found = set(
        VisitRequest.objects.filter(pk__in=request_ids)
        .exclude(message="")
        .values_list("pk", flat=True)
    )
    found |= set(
        VisitRequest.history.filter(id__in=request_ids)
        .exclude(message="")
        .values_list("id", flat=True)
    )
    parties = ~Q(giver=ERASED) | ~Q(receiver=ERASED)
    found |= set(
        Gift.objects.filter(parties, visit_request_id__in=request_ids).values_list(
            "visit_request_id", flat=True
        )
    )
    found |= set(
        Gift.history.filter(parties, visit_request_id__in=request_ids).values_list(
            "visit_request_id", flat=True
        )
    )
    found |= set(
        Attachment.objects.filter(content_type=ct, object_id__in=request_ids).values_list(
            "object_id", flat=True
        )
    )
    return found


@transaction.atomic
def personal_data_erase(visit_request: VisitRequest, *, actor=None) -> dict:
    """Erase one request's personal data other than guests; returns the counts by kind."""
    ct = ContentType.objects.get_for_model(VisitRequest)
    counts = {}
    files = list(Attachment.objects.filter(content_type=ct, object_id=visit_request.pk))
    for attachment in files:
        attachment.file.delete(save=False)
        attachment.delete()
    counts["attachments"] = len(files)
    parties = ~Q(giver=ERASED) | ~Q(receiver=ERASED)
    counts["gifts"] = Gift.objects.filter(parties, visit_request=visit_request).update(
        giver=ERASED, receiver=ERASED
    )
    Gift.history.filter(parties, visit_request_id=visit_request.pk).update(
        giver=ERASED, receiver=ERASED
    )
    counts["message"] = int(bool(visit_request.message))
    VisitRequest.objects.filter(pk=visit_request.pk).update(
        message="",
        version=visit_request.version + 1,  # an edit opened before is now stale
    )
    VisitRequest.history.filter(id=visit_request.pk).exclude(message="").update(message="")
    entries = TimelineEntry.objects.filter(
        content_type=ct, object_id=visit_request.pk, summary__in=NAMING_SUMMARIES
    )
    counts["timeline_entries"] = 0
    for entry in entries:
        entry.params = dict.fromkeys(entry.params, ERASED)
        entry.save(update_fields=["params"])
        counts["timeline_entries"] += 1
    timeline_log(
        visit_request,
        actor=actor,
        summary=gettext_noop(
            "Personal data erased: %(attachments)s attachments, %(gifts)s gift givers and "
            "receivers, %(message)s message, %(timeline_entries)s timeline entries"
        ),
        params=counts,
    )
    log.info("personal data of visit request %s erased: %s", visit_request.pk, counts)
    return counts


def personal_data_erase_expired(*, today: datetime.date | None = None, actor=None) -> int:
    """The daily task: guest lists first, then the rest of every visit that ended more than
    GUEST_DATA_RETENTION_DAYS ago. Returns how many requests had something erased."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=settings.GUEST_DATA_RETENTION_DAYS)
    erased_guests = guest_data_erase_expired(today=today, actor=actor)
    ended = list(VisitRequest.objects.filter(proposed_end__lt=cutoff).values_list("pk", flat=True))
    erased = 0
    for visit_request in VisitRequest.objects.filter(pk__in=_with_personal_data(ended)):
        personal_data_erase(visit_request, actor=actor)
        erased += 1
    return max(erased, erased_guests)
