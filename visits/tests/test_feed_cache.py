"""The iCal feed's body is cached (issue 12) per reader's rights and feed fingerprint: a
changed visit or a change of rights never gets yesterday's feed."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from icalendar import Calendar

from espoo_intl.calendar import calendar_token_renew
from espoo_intl.roles import Role
from espoo_intl.tests.factories import UserFactory
from visits.tests.factories import VisitFactory

pytestmark = pytest.mark.django_db

SOON = timezone.localdate() + datetime.timedelta(days=10)


def _feed(client, token):
    response = client.get(f"/calendar/feed/{token}.ics")
    assert response.status_code == 200
    events = Calendar.from_ical(response.content).walk("VEVENT")
    return response, {str(e["UID"]): str(e["SUMMARY"]) for e in events}


def test_the_feed_is_served_from_the_cache_until_a_visit_changes(client, staff, unit):
    visit = VisitFactory(title="Tukholman vierailu", host_unit=unit, start_date=SOON)
    token = calendar_token_renew(user=staff)
    _feed(client, token)
    # A change that bypasses the services (no new updated_at) is not seen: the body is cached.
    type(visit).objects.filter(pk=visit.pk).update(title="Ohi palveluiden")
    _response, events = _feed(client, token)
    assert events[f"visit-{visit.pk}@kv.espoo.fi"] == "Tukholman vierailu"
    # A real change (a new updated_at) makes a new fingerprint: the feed is built again.
    visit.refresh_from_db()
    visit.title = "Tukholman opetusvierailu"
    visit.save()
    _response, events = _feed(client, token)
    assert events[f"visit-{visit.pk}@kv.espoo.fi"] == "Tukholman opetusvierailu"


def test_a_change_of_rights_is_never_served_a_stale_feed(
    client, department, other_department, unit, other_unit
):
    """An international contact moves to another department: the count of visits and their
    latest change stay the same, yet the confidential visit they may see is another one."""
    contact = UserFactory(unit=department)
    contact.groups.add(Group.objects.get(name=Role.CONTACT.value))
    mine = VisitFactory(title="Oma salainen", host_unit=unit, confidential=True, start_date=SOON)
    theirs = VisitFactory(title="Toinen", host_unit=other_unit, confidential=True, start_date=SOON)
    VisitFactory(title="Julkinen", host_unit=unit, start_date=SOON)  # the latest change
    token = calendar_token_renew(user=contact)
    before, events = _feed(client, token)
    assert f"visit-{mine.pk}@kv.espoo.fi" in events
    assert f"visit-{theirs.pk}@kv.espoo.fi" not in events

    contact.unit = other_department
    contact.save()
    after, events = _feed(client, token)
    assert f"visit-{theirs.pk}@kv.espoo.fi" in events
    assert f"visit-{mine.pk}@kv.espoo.fi" not in events
    assert after["ETag"] != before["ETag"]
    # A calendar app that still has the old ETag gets the new feed, not "not modified".
    again = client.get(f"/calendar/feed/{token}.ics", HTTP_IF_NONE_MATCH=before["ETag"])
    assert again.status_code == 200


def test_gaining_the_kv_role_shows_every_confidential_visit_at_once(client, other_staff, unit):
    secret = VisitFactory(title="Salainen", host_unit=unit, confidential=True, start_date=SOON)
    token = calendar_token_renew(user=other_staff)
    assert f"visit-{secret.pk}@kv.espoo.fi" not in _feed(client, token)[1]
    other_staff.groups.add(Group.objects.get(name=Role.KV_TEAM.value))
    assert f"visit-{secret.pk}@kv.espoo.fi" in _feed(client, token)[1]
