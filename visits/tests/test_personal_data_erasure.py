"""A finished visit's personal data is erased GUEST_DATA_RETENTION_DAYS after its end, not
just the guest list: attachments (files and names), gift givers and receivers, the request's
message, the timeline entries naming them and the history rows of each. Before that, and for
what the city must keep (the gift register's descriptions), nothing changes. The log says
what kind of data went and how much, never the values."""

import datetime
import logging

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from espoo_intl.attachments import Attachment
from espoo_intl.timeline import TimelineEntry
from visits.choices import GiftDirection
from visits.models import Gift, VisitRequest
from visits.services.planning import attachment_store, gift_add
from visits.services.requests import request_update
from visits.tasks import erase_expired_guest_data

from .request_factories import VisitRequestFactory
from .test_request_pages import PDF

pytestmark = pytest.mark.django_db

SECRETS = ["Ingrid Lindqvist", "Olof Berg", "Karin Holm", "passi_Lindqvist"]


def visit_with_personal_data(ended_days_ago: int, kv) -> VisitRequest:
    end = timezone.localdate() - datetime.timedelta(days=ended_days_ago)
    visit_request = VisitRequestFactory(
        proposed_start=end, proposed_end=end, message="Terveisin Ingrid Lindqvist"
    )
    # A correction: the history keeps both messages.
    visit_request = request_update(
        visit_request, actor=kv, message="Terveisin Ingrid Lindqvist ja Karin Holm"
    )
    gift_add(
        visit_request,
        actor=kv,
        direction=GiftDirection.RECEIVED,
        description="Kristallimalja",
        giver="Olof Berg",
        receiver="Karin Holm",
        date=end,
    )
    attachment_store(visit_request, actor=kv, file=SimpleUploadedFile("passi_Lindqvist.pdf", PDF))
    return visit_request


def stored_texts(visit_request) -> str:
    """Every place the personal data could remain, as one text."""
    pk = visit_request.pk
    rows = [
        *VisitRequest.objects.filter(pk=pk).values("message"),
        *VisitRequest.history.filter(id=pk).values("message"),
        *Gift.objects.filter(visit_request_id=pk).values("giver", "receiver"),
        *Gift.history.filter(visit_request_id=pk).values("giver", "receiver"),
        *Attachment.objects.filter(object_id=pk).values("original_name"),
        *TimelineEntry.objects.filter(object_id=pk).values("params"),
    ]
    return " ".join(str(value) for row in rows for value in row.values())


def test_a_finished_visits_personal_data_is_erased_everywhere(settings, kv, caplog):
    settings.GUEST_DATA_RETENTION_DAYS = 90
    old = visit_with_personal_data(91, kv)
    [attachment] = Attachment.objects.filter(object_id=old.pk)
    storage, stored_name = attachment.file.storage, attachment.file.name
    assert all(secret in stored_texts(old) for secret in SECRETS)

    with caplog.at_level(logging.INFO, logger="visits.services.erasure"):
        erase_expired_guest_data.delay().get()

    texts = stored_texts(old)
    assert not any(secret in texts for secret in SECRETS)
    assert not storage.exists(stored_name)
    assert not Attachment.objects.filter(object_id=old.pk).exists()
    [gift] = Gift.objects.filter(visit_request=old)
    assert gift.description == "Kristallimalja"  # the gift register keeps the city's property
    logged = caplog.text
    assert "'attachments': 1" in logged and "'gifts': 1" in logged and "'message': 1" in logged
    assert not any(secret in logged for secret in SECRETS)


def test_personal_data_is_kept_until_the_retention_has_passed(settings, kv):
    settings.GUEST_DATA_RETENTION_DAYS = 90
    recent = visit_with_personal_data(89, kv)
    before = stored_texts(recent)

    erase_expired_guest_data.delay().get()

    assert stored_texts(recent) == before
    assert Attachment.objects.filter(object_id=recent.pk).count() == 1


def test_erasure_runs_once(settings, kv):
    settings.GUEST_DATA_RETENTION_DAYS = 90
    old = visit_with_personal_data(120, kv)
    erase_expired_guest_data.delay().get()
    entries = TimelineEntry.objects.filter(object_id=old.pk).count()

    assert erase_expired_guest_data.delay().get() == 0
    assert TimelineEntry.objects.filter(object_id=old.pk).count() == entries
