"""A debriefed, declined or cancelled request keeps its records as they are."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from visits.choices import RequestState
from visits.models import Gift
from visits.services.planning import gift_add, protocol_mark_informed

from .request_factories import ChecklistItemFactory, VisitRequestFactory

pytestmark = pytest.mark.django_db

CLOSED = [RequestState.DEBRIEFED, RequestState.DECLINED, RequestState.CANCELLED]


@pytest.mark.parametrize("state", CLOSED)
def test_a_closed_request_refuses_new_gifts_and_protocol_marks(state, kv, unit):
    visit_request = VisitRequestFactory(state=state, host_unit=unit)

    with pytest.raises(ValidationError):
        gift_add(
            visit_request,
            actor=kv,
            direction="received",
            description="Kristallimaljakko",
            giver="Ambassador",
            receiver="Kaupunginjohtaja",
            date=datetime.date(2025, 3, 3),
        )
    with pytest.raises(ValidationError):
        protocol_mark_informed(visit_request, party="kv", actor=kv)
    assert not Gift.objects.exists()
    assert not visit_request.protocol_notices.exists()


def test_a_debriefed_request_page_offers_no_edit_forms(client_for, kv, unit):
    visit_request = VisitRequestFactory(state=RequestState.DEBRIEFED, host_unit=unit)
    ChecklistItemFactory(visit_request=visit_request)

    body = client_for(kv).get(f"/requests/{visit_request.pk}/").content.decode()

    assert f"/requests/{visit_request.pk}/items/" not in body
    assert f"/requests/{visit_request.pk}/gifts/" not in body
    assert f'/requests/{visit_request.pk}/attachments/"' not in body
    assert f"/requests/{visit_request.pk}/edit/" not in body


def test_an_open_request_page_offers_the_edit_forms(client_for, kv, unit):
    visit_request = VisitRequestFactory(state=RequestState.PLANNING, host_unit=unit)
    ChecklistItemFactory(visit_request=visit_request)

    body = client_for(kv).get(f"/requests/{visit_request.pk}/").content.decode()

    assert f"/requests/{visit_request.pk}/items/" in body
    assert f"/requests/{visit_request.pk}/gifts/" in body
