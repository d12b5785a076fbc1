"""The advocacy and development pages as users see them: lists with filters and exports,
constant query counts, the item's page with its timeline and history, refused input with a
clear message, the dashboard panel and the calendar, the development overview and notes."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from advocacy.choices import DevelopmentStatus, Kind
from advocacy.choices import State as S
from advocacy.models import AdvocacyItem, DevelopmentItem, ProgressNote
from espoo_intl.testing import assert_constant_queries, csv_rows, xlsx_rows

from .factories import make_development, make_item

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def english(client):
    client.cookies["django_language"] = "en"
    return client


def test_list_filters_by_kind_and_open_state(client_for, staff, unit):
    make_item(units=[unit], title="Konsultaatio auki")
    make_item(units=[unit], kind=Kind.OFFICIAL, title="Lausunto auki")
    make_item(units=[unit], title="Konsultaatio arkistoitu", state=S.FILED)
    client = client_for(staff)
    html = client.get("/advocacy/?kind=consultation&open=open").content.decode()
    assert "Konsultaatio auki" in html
    assert "Lausunto auki" not in html and "Konsultaatio arkistoitu" not in html


def test_list_exports_csv_and_excel(client_for, kv, unit, other_unit):
    make_item(units=[unit, other_unit], title='=HYPERLINK("x")')
    client = english(client_for(kv))
    [csv_row] = csv_rows(client.get("/advocacy/?_export=csv"))
    assert csv_row["Title"].startswith("'=")  # no live formula in a spreadsheet
    assert str(unit) in csv_row["Preparing result units"]
    [xlsx_row] = xlsx_rows(client.get("/advocacy/?_export=xlsx"))
    assert xlsx_row["Kind"]


def test_list_query_count_is_constant(client_for, kv, unit):
    def grow(n):
        for _ in range(n):
            make_item(units=[unit], expert=kv)

    assert_constant_queries(client_for(kv), "/advocacy/", grow=grow)


def test_development_list_query_count_is_constant(client_for, kv, unit):
    def grow(n):
        for _ in range(n):
            item = make_development(owner_unit=unit)
            ProgressNote.objects.create(item=item, noted_on=TODAY(), text="x", author=kv)

    assert_constant_queries(client_for(kv), "/development/", grow=grow)


def test_creating_an_item_through_the_form(client_for, staff, unit):
    client = english(client_for(staff))
    response = client.post(
        "/advocacy/new/",
        {
            "kind": Kind.OFFICIAL, "title": "Lausunto ministeriölle", "requester": "ministry",
            "deadline": "2026-12-20", "units": [unit.pk],
        },
    )  # fmt: skip
    assert response.status_code == 200
    assert "An official statement needs the body that gives it" in response.content.decode()
    assert not AdvocacyItem.objects.exists()
    response = client.post(
        "/advocacy/new/",
        {
            "kind": Kind.OFFICIAL, "title": "Lausunto ministeriölle", "requester": "ministry",
            "deadline": "2026-12-20", "units": [unit.pk], "body": "board",
        },
    )  # fmt: skip
    item = AdvocacyItem.objects.get()
    assert response.status_code == 302 and response["Location"] == item.get_absolute_url()
    assert item.created_by == staff


def test_item_page_shows_timeline_history_and_next_steps(client_for, staff, unit):
    item = make_item(units=[unit], title="Kuuleminen")
    client = english(client_for(staff))
    response = client.post(
        f"/advocacy/{item.pk}/transition/", {"to": S.DECLINED, "reason": "Ei koske Espoota"}
    )
    assert response.status_code == 302
    html = client.get(item.get_absolute_url()).content.decode()
    assert "Ei koske Espoota" in html  # the timeline keeps the reason
    assert 'id="history-h"' in html


def test_a_refused_step_says_why(client_for, staff, unit):
    item = make_item(units=[unit])
    response = english(client_for(staff)).post(
        f"/advocacy/{item.pk}/transition/", {"to": S.ASSESSED}
    )
    assert response.status_code == 400
    assert "Name the responsible expert" in response.content.decode()


def test_recording_a_decision_on_the_page(client_for, staff, unit):
    item = make_item(units=[unit], state=S.ASSESSED)
    client = english(client_for(staff))
    response = client.post(
        f"/advocacy/{item.pk}/decisions/",
        {"decided_by": "Tiina Johtaja", "role": "unit_director", "decided_on": "2026-01-05"},
    )
    assert response.status_code == 302
    assert "Tiina Johtaja" in client.get(item.get_absolute_url()).content.decode()


def test_dashboard_shows_deadlines_within_a_week(client_for, kv, unit):
    make_item(units=[unit], title="Pian umpeutuva", deadline=TODAY() + datetime.timedelta(6))
    make_item(units=[unit], title="Myöhemmin", deadline=TODAY() + datetime.timedelta(8))
    make_item(
        units=[unit], title="Jo lähetetty", deadline=TODAY() + datetime.timedelta(2), state=S.SENT
    )
    html = client_for(kv).get("/dashboard/").content.decode()
    assert "Pian umpeutuva" in html
    assert "Myöhemmin" not in html and "Jo lähetetty" not in html


def test_calendar_shows_the_deadline(client_for, staff, unit):
    day = TODAY() + datetime.timedelta(5)
    item = make_item(units=[unit], title="Määräaika kalenterissa", deadline=day)
    html = client_for(staff).get(f"/calendar/?month={day:%Y-%m}").content.decode()
    cell = re.search(rf'<td id="day-{day.isoformat()}".*?</td>', html, re.S).group(0)
    assert "Määräaika kalenterissa" in cell and item.get_absolute_url() in cell


def test_the_ten_development_items_are_seeded_with_links(client_for, lead):
    items = list(DevelopmentItem.objects.order_by("number"))
    assert [i.number for i in items] == list(range(1, 11))
    assert all(i.title_fi and i.title_sv and i.title_en for i in items)
    assert items[6].owner_unit.abbreviation == "HR"  # staff diversity belongs to HR
    html = client_for(lead).get("/development/").content.decode()
    assert 'href="/visits/?kind=technical"' in html and 'href="/metrics/"' in html
    assert html.count('href="/development/') >= 10


def test_overview_shows_latest_note_and_status(client_for, kv, unit):
    item = make_development(owner_unit=unit, status=DevelopmentStatus.PAUSED)
    ProgressNote.objects.create(item=item, noted_on=datetime.date(2025, 1, 2), text="Vanha")
    ProgressNote.objects.create(item=item, noted_on=datetime.date(2025, 6, 2), text="Uusin")
    html = english(client_for(kv)).get("/development/?status=paused").content.decode()
    assert "Uusin" in html and "Vanha" not in html and ">paused<" in html


def test_owner_department_adds_notes_others_cannot(client_for, staff, other_staff, unit):
    item = make_development(owner_unit=unit)
    url = f"/development/{item.pk}/notes/"
    data = {"noted_on": "2026-01-10", "text": "Työpaja pidetty"}
    assert client_for(other_staff).post(url, data).status_code == 403
    assert client_for(staff).post(url, data).status_code == 302
    assert item.notes.get().text == "Työpaja pidetty"
    future = {"noted_on": (TODAY() + datetime.timedelta(3)).isoformat(), "text": "x"}
    assert client_for(staff).post(url, future).status_code == 400
    assert item.notes.count() == 1


def test_kv_tiimi_edits_a_development_item(client_for, kv, staff, unit):
    item = make_development(owner_unit=unit)
    data = {
        "title_fi": item.title_fi, "owner_unit": unit.pk, "status": DevelopmentStatus.DONE,
        "expected_version": item.version,
    }  # fmt: skip
    assert client_for(staff).post(f"/development/{item.pk}/edit/", data).status_code == 403
    assert client_for(kv).post(f"/development/{item.pk}/edit/", data).status_code == 302
    item.refresh_from_db()
    assert item.status == DevelopmentStatus.DONE


def test_the_paid_expert_visits_item_shows_their_invoiced_income(client_for, lead, unit):
    """Item 9 (paid expert visits) shows the technical visits and their invoiced income of
    the latest years, as the visits register derives them (C1.5, C1.6)."""
    from visits.tests.factories import VisitFactory

    this_year = TODAY().year
    VisitFactory(host_unit=unit, kind="technical", paid=True, invoiced_amount=Decimal("1200.00"),
                 start_date=datetime.date(this_year, 1, 10), end_date=datetime.date(this_year, 1, 10))  # fmt: skip
    VisitFactory(host_unit=unit, kind="technical", paid=True, invoiced_amount=Decimal("300.00"),
                 start_date=datetime.date(this_year, 1, 12), end_date=datetime.date(this_year, 1, 12),
                 confidential=True)  # fmt: skip
    item = DevelopmentItem.objects.get(number=9)
    html = client_for(lead).get(f"/development/{item.pk}/").content.decode()
    assert f"<td>{this_year}</td>" in html
    assert '<td class="text-end">2</td>' in html  # confidential visits are counted too
    assert re.search(r"1\s?500,00", html)  # in Finnish: a decimal comma
