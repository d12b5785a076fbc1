"""The kv-tiimi dashboard, the month calendar and the personal iCal feed."""

import datetime
import re

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.utils import timezone, translation
from icalendar import Calendar

from espoo_intl.calendar import calendar_token_renew
from espoo_intl.testing import assert_constant_queries
from visits.choices import ChecklistPhase, ItemStatus, RequestState, VisitStatus
from visits.models import ChecklistItem, VisitRequest
from visits.selectors_dashboard import DASHBOARD_ROWS
from visits.tests.factories import VisitFactory

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Salainen ministerivierailu"
SECRET_ORG = "Ministry of Hidden Affairs"
OPEN_TITLE = "Tukholman koulutusvierailu"
OPEN_ORG = "Stockholms stad"


def today() -> datetime.date:
    return timezone.localdate()


def days(n: int) -> datetime.date:
    return today() + datetime.timedelta(days=n)


def make_request(host_unit, **kwargs) -> VisitRequest:
    data = {
        "subject": "Tallinnan kaupunkidelegaatio",
        "requester_type": "embassy",
        "proposed_start": days(20),
        "proposed_end": days(21),
        "kind": "dignitary",
        "dignitary_rank": "ambassador",
        "visitor": "Ambassador",
        "visiting_organisation": "Embassy of Estonia",
        "country": "EE",
        "host_unit": host_unit,
    }
    return VisitRequest.objects.create(**(data | kwargs))


def english(client):
    """Pick English as the language menu does (the cookie beats the user's saved choice)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def page(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def day_cell(html: str, day: datetime.date) -> str:
    match = re.search(rf'<td id="day-{day.isoformat()}".*?</td>', html, re.S)
    assert match, f"no cell for {day}"
    return match.group(0)


def table_row(html: str, text: str) -> str:
    rows = [row for row in re.findall(r"<tr>.*?</tr>", html, re.S) if text in row]
    assert len(rows) == 1, f"expected one row with {text!r}"
    return rows[0]


def feed(client, user):
    return client.get(f"/calendar/feed/{user.calendar_token}.ics")


def events(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content).walk("VEVENT")


def unfolded(response) -> str:
    """The .ics text with long lines joined again, so a search cannot miss a folded word."""
    return response.content.decode().replace("\r\n ", "")


# Dashboard


@pytest.mark.parametrize(
    ("role", "status"), [("kv", 200), ("administrator", 200), ("lead", 200), ("staff", 403), ("contact", 403)]
)  # fmt: skip
def test_dashboard_is_for_kv_team_administrators_and_leadership(client_for, users, role, status):
    assert client_for(users[role]).get("/dashboard/").status_code == status


def test_dashboard_sends_anonymous_users_to_sign_in(client_for, db):
    response = client_for(None).get("/dashboard/")
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


def test_dashboard_lists_new_requests_oldest_first_with_their_age(client_for, kv, department):
    newer = make_request(department, subject="Uusi pyyntö", received_on=days(-2))
    older = make_request(
        department, subject="Vanha pyyntö", received_on=days(-9), state=RequestState.UNDER_REVIEW
    )
    make_request(department, subject="Jo hyväksytty", state=RequestState.ACCEPTED)

    html = page(english(client_for(kv)).get("/dashboard/"))

    review = html.split('id="review-h"')[1].split("</section>")[0]
    assert review.index("Vanha pyyntö") < review.index("Uusi pyyntö")
    assert "Jo hyväksytty" not in review
    assert "9 days" in table_row(review, "Vanha pyyntö")
    assert "2 days" in table_row(review, "Uusi pyyntö")
    assert f'href="/requests/{older.pk}/"' in review
    assert f'href="/requests/{newer.pk}/"' in review


def test_dashboard_counts_open_requests_by_state(client_for, kv, department):
    make_request(department)
    make_request(department)
    make_request(department, state=RequestState.PLANNING)
    make_request(department, state=RequestState.DECLINED)

    html = page(english(client_for(kv)).get("/dashboard/"))

    states = html.split('id="states-h"')[1].split("</section>")[0]
    assert re.search(r"Received</th><td[^>]*>2<", states)
    assert re.search(r"Planning</th><td[^>]*>1<", states)
    assert re.search(r"Total</th><td[^>]*>3<", states)


def test_dashboard_shows_overdue_checklist_item_with_request_and_owner(
    client_for, kv, staff, department
):
    visit_request = make_request(
        department, subject="Shanghain delegaatio", state=RequestState.PLANNING
    )
    ChecklistItem.objects.create(
        visit_request=visit_request, phase=ChecklistPhase.PLANNING, title="Osta lahjat", owner=staff,
        due_date=days(-3),
    )  # fmt: skip
    ChecklistItem.objects.create(
        visit_request=visit_request,
        phase=ChecklistPhase.PLANNING,
        title="Varaa tulkki",
        due_date=days(3),
    )
    ChecklistItem.objects.create(
        visit_request=visit_request, phase=ChecklistPhase.PLANNING, title="Tehty jo", due_date=days(-5),
        status=ItemStatus.DONE,
    )  # fmt: skip

    html = page(english(client_for(kv)).get("/dashboard/"))

    overdue = html.split('id="overdue-h"')[1].split("</section>")[0]
    row = table_row(overdue, "Osta lahjat")
    assert "Shanghain delegaatio" in row
    assert f'href="/requests/{visit_request.pk}/"' in row
    assert str(staff) in row
    assert "3 days" in row
    assert "Varaa tulkki" not in overdue
    assert "Tehty jo" not in overdue


def test_dashboard_tables_list_at_most_a_screenful_however_many_rows_there_are(
    client_for, kv, department
):
    extra = DASHBOARD_ROWS + 5
    planning = make_request(department, subject="Pekingin delegaatio", state=RequestState.PLANNING)
    ChecklistItem.objects.bulk_create(
        ChecklistItem(
            visit_request=planning, phase=ChecklistPhase.PLANNING, title=f"Myöhässä {i}",
            due_date=days(-1 - i),
        )
        for i in range(extra)
    )  # fmt: skip
    for i in range(extra):
        make_request(department, subject=f"Uusi pyyntö {i}", received_on=days(-i))

    html = page(english(client_for(kv)).get("/dashboard/"))

    overdue = html.split('id="overdue-h"')[1].split("</section>")[0]
    assert overdue.count("Myöhässä ") == DASHBOARD_ROWS
    # The most overdue first; the least overdue are left off.
    assert re.search(rf"Myöhässä {extra - 1}\b", overdue)
    assert not re.search(r"Myöhässä 0\b", overdue)
    assert f"The first {DASHBOARD_ROWS} of {extra} are shown." in overdue
    review = html.split('id="review-h"')[1].split("</section>")[0]
    assert review.count("Uusi pyyntö ") == DASHBOARD_ROWS
    assert f"The first {DASHBOARD_ROWS} of {extra} are shown." in review
    assert 'href="/requests/?open=open&amp;sort=received_on"' in review
    # The counts panel still gives every row.
    assert re.search(rf'id="overdue-count-h".*?<p[^>]*>{extra}</p>', html, re.S)


def test_dashboard_shows_upcoming_visits_with_open_checklist_items(client_for, kv, department):
    visit_request = make_request(
        department, subject="Kööpenhaminan delegaatio", state=RequestState.CONFIRMED,
        proposed_start=days(10), proposed_end=days(11),
    )  # fmt: skip
    for title, status in [("a", ItemStatus.OPEN), ("b", ItemStatus.OPEN), ("c", ItemStatus.DONE)]:
        ChecklistItem.objects.create(
            visit_request=visit_request, phase=ChecklistPhase.PLANNING, title=title, status=status
        )
    visit = VisitFactory(
        title="Oslon asiantuntijavierailu", host_unit=department, start_date=days(5),
        status=VisitStatus.PLANNED,
    )  # fmt: skip
    VisitFactory(title="Liian kaukana", host_unit=department, start_date=days(45))
    make_request(department, subject="Vielä käsittelyssä", proposed_start=days(7))

    html = page(english(client_for(kv)).get("/dashboard/"))

    upcoming = html.split('id="upcoming-h"')[1].split("</section>")[0]
    request_row = table_row(upcoming, "Kööpenhaminan delegaatio")
    assert f'href="/requests/{visit_request.pk}/"' in request_row
    assert re.search(r">2</span></td>\s*</tr>", request_row)
    visit_row = table_row(upcoming, "Oslon asiantuntijavierailu")
    assert f'href="{visit.get_absolute_url()}"' in visit_row
    assert upcoming.index("Oslon asiantuntijavierailu") < upcoming.index("Kööpenhaminan")
    assert "Liian kaukana" not in upcoming
    assert "Vielä käsittelyssä" not in upcoming


def test_dashboard_for_leadership_leaves_out_confidential_requests(client_for, lead, department):
    make_request(department, subject=SECRET_TITLE, confidential=True)
    make_request(department, subject="Julkinen pyyntö")

    html = page(client_for(lead).get("/dashboard/"))

    assert "Julkinen pyyntö" in html
    assert SECRET_TITLE not in html


# The session, the user, their roles and permissions, and the session save: the rest is the
# panels' (visits 5, partnerships 3, events 2, advocacy 1, networks 1; issue 12).
DASHBOARD_QUERIES = 20


@pytest.mark.parametrize("role", ["kv", "administrator", "lead"])
def test_dashboard_queries_do_not_grow_with_rows(client_for, users, staff, department, role):
    def add_rows(n):
        for i in range(n):
            visit_request = make_request(
                department, subject=f"Pyyntö {i}", state=RequestState.PLANNING,
                proposed_start=days(3), proposed_end=days(4), responsible=staff,
            )  # fmt: skip
            ChecklistItem.objects.create(
                visit_request=visit_request, phase=ChecklistPhase.PLANNING, title=f"Kohta {i}", owner=staff,
                due_date=days(-1),
            )  # fmt: skip
            make_request(department, subject=f"Uusi {i}", confidential=i % 2 == 0)
            VisitFactory(host_unit=department, start_date=days(2), status=VisitStatus.PLANNED)

    client = client_for(users[role])
    assert_constant_queries(client, "/dashboard/", grow=add_rows, most=DASHBOARD_QUERIES)
    html = page(english(client).get("/dashboard/"))
    # 30 of each now: the tables show the first 20 and say how many there are.
    assert f"The first {DASHBOARD_ROWS} of 30 are shown." in html
    assert re.search(r'id="overdue-count-h".*?<p[^>]*>30</p>', html, re.S)


def test_dashboard_counts_leave_out_confidential_requests_the_reader_may_not_open(
    client_for, kv, lead, department
):
    for i in range(3):
        make_request(department, subject=f"{SECRET_TITLE} {i}", confidential=True)
    make_request(department, subject="Julkinen pyyntö")

    everything = page(english(client_for(kv)).get("/dashboard/"))
    fewer = page(english(client_for(lead)).get("/dashboard/"))

    assert re.search(r'id="review-count-h".*?<p[^>]*>4</p>', everything, re.S)
    assert re.search(r'id="review-count-h".*?<p[^>]*>1</p>', fewer, re.S)
    assert SECRET_TITLE in everything and SECRET_TITLE not in fewer


# Calendar page


def test_calendar_shows_visit_on_its_day_in_the_chosen_month(client_for, staff, unit):
    visit = VisitFactory(
        title=OPEN_TITLE, host_unit=unit, start_date=datetime.date(2025, 3, 14),
        end_date=datetime.date(2025, 3, 15),
    )  # fmt: skip

    html = page(english(client_for(staff)).get("/calendar/?month=2025-03"))

    assert "March 2025" in html
    assert OPEN_TITLE in day_cell(html, datetime.date(2025, 3, 14))
    assert f'href="{visit.get_absolute_url()}"' in day_cell(html, datetime.date(2025, 3, 14))
    assert OPEN_TITLE in day_cell(html, datetime.date(2025, 3, 15))
    assert OPEN_TITLE not in day_cell(html, datetime.date(2025, 3, 13))
    assert OPEN_TITLE not in day_cell(html, datetime.date(2025, 3, 16))
    # Weeks start on Monday: 1 March 2025 is a Saturday, so the grid opens on 24 February.
    first_cell = re.search(r'<td id="day-([\d-]+)"', html).group(1)
    assert first_cell == "2025-02-24"
    assert 'href="?month=2025-02"' in html
    assert 'href="?month=2025-04"' in html


def test_calendar_leaves_out_visits_of_other_months(client_for, staff, unit):
    VisitFactory(title=OPEN_TITLE, host_unit=unit, start_date=datetime.date(2025, 5, 14))

    html = page(client_for(staff).get("/calendar/?month=2025-03"))

    assert OPEN_TITLE not in html


def test_calendar_shows_requests_but_not_declined_or_cancelled_ones(client_for, kv, department):
    on = datetime.date(2025, 3, 10)
    visit_request = make_request(
        department, subject="Avoin pyyntö", proposed_start=on, proposed_end=on
    )
    make_request(department, subject="Hylätty pyyntö", proposed_start=on, proposed_end=on,
                 state=RequestState.DECLINED)  # fmt: skip
    make_request(department, subject="Peruttu pyyntö", proposed_start=on, proposed_end=on,
                 state=RequestState.CANCELLED)  # fmt: skip

    cell = day_cell(page(client_for(kv).get("/calendar/?month=2025-03")), on)

    assert "Avoin pyyntö" in cell
    assert f'href="/requests/{visit_request.pk}/"' in cell
    assert "Hylätty pyyntö" not in cell
    assert "Peruttu pyyntö" not in cell


def test_calendar_defaults_to_the_current_month(client_for, staff, unit):
    VisitFactory(title=OPEN_TITLE, host_unit=unit, start_date=today())

    html = page(client_for(staff).get("/calendar/"))

    assert OPEN_TITLE in day_cell(html, today())


@pytest.mark.parametrize("value", ["2025-13", "März", "2025-3", "0000-01", "9999-12", ""])
def test_calendar_with_a_bad_month_shows_the_current_month_and_says_so(
    client_for, staff, unit, value
):
    VisitFactory(title=OPEN_TITLE, host_unit=unit, start_date=today())

    html = page(english(client_for(staff)).get("/calendar/", {"month": value}))

    assert OPEN_TITLE in day_cell(html, today())
    assert "The month could not be read" in html


def test_confidential_visit_of_another_department_is_not_on_staff_calendar(
    client_for, staff, kv, unit, other_unit
):
    on = datetime.date(2025, 3, 14)
    VisitFactory(title=OPEN_TITLE, host_unit=unit, start_date=on)
    VisitFactory(
        title=SECRET_TITLE, host_unit=other_unit, start_date=on, confidential=True,
        visiting_organisation=SECRET_ORG,
    )  # fmt: skip

    staff_html = page(client_for(staff).get("/calendar/?month=2025-03"))
    kv_html = page(client_for(kv).get("/calendar/?month=2025-03"))

    assert OPEN_TITLE in day_cell(staff_html, on)
    assert SECRET_TITLE not in staff_html
    assert SECRET_TITLE in day_cell(kv_html, on)


def test_calendar_needs_sign_in(client_for, db):
    response = client_for(None).get("/calendar/")
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


def test_calendar_page_shows_the_personal_feed_address_once_created(client_for, staff):
    client = english(client_for(staff))
    assert "You do not have a calendar feed address yet." in page(client.get("/calendar/"))

    response = client.post("/calendar/token/", follow=True)

    staff.refresh_from_db()
    html = page(response)
    assert staff.calendar_token
    assert f"http://testserver/calendar/feed/{staff.calendar_token}.ics" in html
    assert "Your calendar feed address was created." in html


def test_feed_token_is_renewed_only_by_post(client_for, staff):
    assert client_for(staff).get("/calendar/token/").status_code == 405
    staff.refresh_from_db()
    assert staff.calendar_token == ""


# iCal feed


def test_feed_with_an_unknown_or_empty_token_is_not_found(client, staff):
    calendar_token_renew(user=staff)
    assert client.get("/calendar/feed/not-a-token.ics").status_code == 404
    assert client.get("/calendar/feed/.ics").status_code == 404


def test_feed_of_an_inactive_user_is_not_found(client, staff):
    calendar_token_renew(user=staff)
    staff.is_active = False
    staff.save()
    assert feed(client, staff).status_code == 404


def test_renewing_the_token_revokes_the_old_feed_address(client_for, client, staff):
    client_for(staff).post("/calendar/token/")
    staff.refresh_from_db()
    old_url = f"/calendar/feed/{staff.calendar_token}.ics"
    assert client.get(old_url).status_code == 200

    english(client_for(staff)).post("/calendar/token/")
    staff.refresh_from_db()

    assert client.get(old_url).status_code == 404
    assert feed(client, staff).status_code == 200


def test_staff_feed_has_visible_visits_and_nothing_of_hidden_confidential_ones(
    client, staff, unit, other_unit
):
    visit = VisitFactory(
        title=OPEN_TITLE, host_unit=unit, visiting_organisation=OPEN_ORG, country="SE",
        start_date=days(10), end_date=days(12),
    )  # fmt: skip
    VisitFactory(
        title=SECRET_TITLE, host_unit=other_unit, visiting_organisation=SECRET_ORG,
        start_date=days(10), confidential=True,
    )  # fmt: skip
    make_request(
        other_unit, subject="Salainen pyyntö", visiting_organisation="Hidden Embassy",
        confidential=True,
    )  # fmt: skip
    visit_request = make_request(
        unit, subject="Avoin pyyntö", proposed_start=days(30), proposed_end=days(30)
    )
    calendar_token_renew(user=staff)

    response = feed(client, staff)

    found = {str(e["UID"]): e for e in events(response)}
    assert set(found) == {
        f"visit-{visit.pk}@kv.espoo.fi",
        f"request-{visit_request.pk}@kv.espoo.fi",
    }
    event = found[f"visit-{visit.pk}@kv.espoo.fi"]
    assert str(event["SUMMARY"]) == OPEN_TITLE
    assert OPEN_ORG in str(event["DESCRIPTION"])
    assert event.decoded("DTSTART") == days(10)
    assert event.decoded("DTEND") == days(13)  # exclusive: the day after the last day
    body = unfolded(response)
    for hidden in [SECRET_TITLE, SECRET_ORG, "Salainen pyyntö", "Hidden Embassy", "Confidential"]:
        assert hidden not in body


def test_feed_shows_confidential_records_only_as_confidential_visit(client, kv, other_unit):
    kv.language = "en"
    kv.save()
    visit = VisitFactory(
        title=SECRET_TITLE, host_unit=other_unit, visiting_organisation=SECRET_ORG,
        start_date=days(3), confidential=True,
    )  # fmt: skip
    visit_request = make_request(
        other_unit, subject="Salainen pyyntö", visiting_organisation="Hidden Embassy",
        visitor="Minister X", confidential=True,
    )  # fmt: skip
    VisitFactory(title=OPEN_TITLE, host_unit=other_unit, start_date=days(4))
    calendar_token_renew(user=kv)

    response = feed(client, kv)

    found = {str(e["UID"]): e for e in events(response)}
    assert len(found) == 3
    for uid in [f"visit-{visit.pk}@kv.espoo.fi", f"request-{visit_request.pk}@kv.espoo.fi"]:
        event = found[uid]
        assert str(event["SUMMARY"]) == "Confidential visit"
        assert "DESCRIPTION" not in event
        assert "LOCATION" not in event
        assert "URL" not in event
    body = unfolded(response)
    for hidden in [SECRET_TITLE, SECRET_ORG, "Salainen pyyntö", "Hidden Embassy", "Minister X"]:
        assert hidden not in body
    assert OPEN_TITLE in body


def test_feed_speaks_the_users_language(client, kv, unit):
    VisitFactory(title=SECRET_TITLE, host_unit=unit, start_date=days(3), confidential=True)
    calendar_token_renew(user=kv)  # kv.language is "fi"
    with translation.override("fi"):
        expected = translation.gettext("Confidential visit")

    (event,) = events(feed(client, kv))

    assert str(event["SUMMARY"]) == expected


def test_feed_leaves_out_visits_over_a_year_old_and_cancelled_ones(client, kv, unit):
    VisitFactory(title="Vanha vierailu", host_unit=unit, start_date=days(-400))
    VisitFactory(title="Peruttu vierailu", host_unit=unit, start_date=days(5),
                 status=VisitStatus.CANCELLED)  # fmt: skip
    VisitFactory(title="Viime kuun vierailu", host_unit=unit, start_date=days(-30))
    calendar_token_renew(user=kv)

    titles = [str(e["SUMMARY"]) for e in events(feed(client, kv))]

    assert titles == ["Viime kuun vierailu"]


# --- conditional GET of the feed ---------------------------------------------------------


@pytest.mark.django_db
def test_an_unchanged_feed_answers_304_and_a_changed_one_answers_again(client, staff, unit):
    from espoo_intl.calendar import calendar_token_renew
    from visits.tests.factories import VisitFactory

    visit = VisitFactory(
        host_unit=unit,
        title="Syötteen vierailu",
        start_date=timezone.localdate() + datetime.timedelta(days=3),
        end_date=timezone.localdate() + datetime.timedelta(days=3),
    )
    url = f"/calendar/feed/{calendar_token_renew(user=staff)}.ics"
    first = client.get(url)
    etag = first["ETag"]

    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    visit.title = "Syötteen vierailu, uusi otsikko"
    visit.save()
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)

    assert first.status_code == 200
    assert again.status_code == 304
    assert again.content == b""
    assert changed.status_code == 200
    assert "uusi otsikko" in changed.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "shown"),
    [("kv", True), ("lead", True), ("administrator", True), ("staff", False), ("contact", False)],
)
def test_the_dashboard_link_is_shown_to_those_who_may_open_it(client_for, users, role, shown):
    body = client_for(users[role]).get("/calendar/").content.decode()
    assert ('href="/dashboard/"' in body) is shown
