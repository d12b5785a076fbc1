"""An app plugs into the core through espoo_intl.registry; the core pages loop over it."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from icalendar import Calendar

from espoo_intl import registry
from espoo_intl.calendar import CalendarEntry, calendar_token_renew
from espoo_intl.celery import app as celery_app

pytestmark = pytest.mark.django_db


UPDATED = {"at": timezone.now()}  # when the test app's records last changed


def _entries(*, user, start, end=None):
    day = timezone.localdate()
    return [
        CalendarEntry(
            uid="meeting-1@kv.espoo.fi", title="Verkostotapaaminen", start=day, end=day,
            url="/", updated_at=UPDATED["at"], details=("Eurocities",), badge="network",
        ),
        CalendarEntry(
            uid="meeting-2@kv.espoo.fi", title="Salainen tapaaminen", start=day, end=day,
            url="/", updated_at=UPDATED["at"], confidential=True,
            confidential_title="Confidential meeting",
        ),
    ]  # fmt: skip


@pytest.fixture
def plugged_app(monkeypatch):
    app = registry.App(
        label="networks_test",
        menu=[registry.MenuEntry("Networks", "home", "/networks/", registry.may("espoo_intl.change_orgunit"))],
        calendar_sources=[registry.CalendarSource(_entries)],
    )  # fmt: skip
    monkeypatch.setitem(registry._APPS, app.label, app)
    return app


def test_a_declared_calendar_source_is_on_the_month_page_and_in_the_feed(
    plugged_app, client_for, client, staff
):
    html = client_for(staff).get("/calendar/").content.decode()
    assert "Verkostotapaaminen" in html
    assert "network" in html

    feed = client.get(f"/calendar/feed/{calendar_token_renew(user=staff)}.ics")

    events = {str(e["UID"]): e for e in Calendar.from_ical(feed.content).walk("VEVENT")}
    assert "Eurocities" in str(events["meeting-1@kv.espoo.fi"]["DESCRIPTION"])
    assert str(events["meeting-2@kv.espoo.fi"]["SUMMARY"]) == "Confidential meeting"
    assert "Salainen" not in feed.content.decode()


def test_the_feed_etag_changes_when_a_source_without_fingerprint_changes(
    plugged_app, client, staff, monkeypatch
):
    url = f"/calendar/feed/{calendar_token_renew(user=staff)}.ics"
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304

    monkeypatch.setitem(UPDATED, "at", UPDATED["at"] + datetime.timedelta(minutes=1))

    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_menu_entries_follow_their_visible_rule(plugged_app, client_for, staff, administrator):
    assert 'href="/">Networks' not in client_for(staff).get("/calendar/").content.decode()
    assert 'href="/">Networks' in client_for(administrator).get("/calendar/").content.decode()


def test_a_declared_menu_group_is_one_dropdown_and_a_lone_entry_stays_a_link(
    monkeypatch, client_for, kv
):
    app = registry.App(
        label="grouped_test",
        menu_groups=[registry.MenuGroup("meetings", "Tapaamiset", order=1),
                     registry.MenuGroup("lonely", "Yksinäinen ryhmä", order=2)],
        menu=[registry.MenuEntry("Kokoukset", "home", "/meetings/", group="meetings"),
              registry.MenuEntry("Pöytäkirjat", "calendar", "/minutes/", group="meetings"),
              registry.MenuEntry("Ainoa linkki", "dashboard", "/only/", group="lonely"),
              registry.MenuEntry("Orpo linkki", "dashboard", "/orphan/", group="undeclared")],
    )  # fmt: skip
    monkeypatch.setitem(registry._APPS, app.label, app)
    menu = client_for(kv).get("/calendar/").context["menu"]
    by_label = {item["label"]: item for item in menu}
    assert [c["label"] for c in by_label["Tapaamiset"]["children"]] == ["Kokoukset", "Pöytäkirjat"]
    assert "Yksinäinen ryhmä" not in by_label  # one visible entry: shown as that link
    assert by_label["Ainoa linkki"]["url"] == "/dashboard/"
    assert "children" not in by_label["Orpo linkki"]  # nobody declared its group
    html = client_for(kv).get("/calendar/").content.decode()
    assert 'data-bs-toggle="dropdown" aria-expanded="false">Tapaamiset</a>' in html


def test_roles_hold_the_core_catalogues_as_declared(db):
    kv = set(Group.objects.get(name="kv_team").permissions.values_list("codename", flat=True))
    staff = set(Group.objects.get(name="unit_staff").permissions.values_list("codename", flat=True))
    assert {"change_theme", "add_theme", "change_orgunit"} <= kv
    assert {"view_theme", "view_orgunit"} <= staff
    assert not {"change_theme", "change_orgunit"} & staff


def test_declared_periodic_tasks_join_the_beat_schedule():
    declared = {name for app in registry.apps() for name in app.periodic_tasks}
    assert declared  # an installed app declares at least one
    assert declared <= set(celery_app.conf.beat_schedule)
