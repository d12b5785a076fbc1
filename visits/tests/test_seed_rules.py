"""The rules the seed gives (issue 7, DOMAIN.md 3.3, 3.4): each test fails without its rule."""

import datetime
import importlib
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation
from django.utils.formats import date_format

from espoo_intl.timeline import timeline_for
from visits.choices import DignitaryRank, GiftDirection, RequesterType, VisitKind
from visits.choices import RequestState as S
from visits.models import Gift, RoutingRule, Theme, Visit, VisitRequest
from visits.services.planning import gift_add
from visits.services.requests import (
    REPORTED,
    request_create,
    request_report_responsible,
    request_route,
    request_transition,
    request_triage,
    request_update,
    routing_suggestion,
)

from .request_factories import VisitRequestFactory
from .test_visit_forms import visit_form_data

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def make_request(unit, staff, contact):
    def make(state=S.RECEIVED, **kwargs):
        kwargs.setdefault("host_unit", unit)
        kwargs.setdefault("responsible", staff)
        kwargs.setdefault("created_by", contact)
        return VisitRequestFactory(state=state, **kwargs)

    return make


def new_request_data(**changes) -> dict:
    return {
        "subject": "Viron opetusministerin vierailu",
        "requester_type": RequesterType.MINISTRY,
        "received_on": datetime.date(2025, 1, 2),
        "proposed_start": datetime.date(2025, 3, 3),
        "proposed_end": datetime.date(2025, 3, 3),
        "kind": VisitKind.DIGNITARY,
        "dignitary_rank": DignitaryRank.MINISTER,
        "visitor": "Minister of Education of Estonia",
        "visiting_organisation": "Ministry of Education and Research",
        "country": "EE",
        **changes,
    }


def refused_fields(actor, **changes) -> set:
    with pytest.raises(ValidationError) as excinfo:
        request_create(actor=actor, **new_request_data(**changes))
    return set(excinfo.value.message_dict)


# --- accepted only after the evaluation ---------------------------------------------------


def test_a_request_is_not_accepted_before_its_evaluation_is_recorded(make_request, kv):
    visit_request = make_request(S.UNDER_REVIEW)

    with pytest.raises(ValidationError):
        request_transition(visit_request, to=S.ACCEPTED, actor=kv)
    assert VisitRequest.objects.get(pk=visit_request.pk).state == S.UNDER_REVIEW

    request_triage(visit_request, actor=kv, timely=True, interesting=True)
    request_transition(visit_request, to=S.ACCEPTED, actor=kv)
    assert VisitRequest.objects.get(pk=visit_request.pk).state == S.ACCEPTED


def test_kv_team_may_accept_without_an_evaluation_with_a_reason_shown_on_the_timeline(
    make_request, kv, client_for
):
    visit_request = make_request(S.UNDER_REVIEW)

    request_transition(
        visit_request, to=S.ACCEPTED, actor=kv, override_reason="Kaupunginjohtajan kutsu."
    )

    assert VisitRequest.objects.get(pk=visit_request.pk).state == S.ACCEPTED
    [entry] = timeline_for(visit_request).filter(to_state=S.ACCEPTED)
    assert "Kaupunginjohtajan kutsu." in entry.reason
    page = client_for(kv).get(visit_request.get_absolute_url()).content.decode()
    assert "Kaupunginjohtajan kutsu." in page


# --- completed only once the visit has started --------------------------------------------


def test_a_request_is_not_completed_before_its_visit_starts(make_request, staff):
    tomorrow = TODAY + datetime.timedelta(days=1)
    visit_request = make_request(
        S.CONFIRMED, received_on=TODAY, proposed_start=tomorrow, proposed_end=tomorrow
    )

    with pytest.raises(ValidationError):
        request_transition(visit_request, to=S.COMPLETED, actor=staff)

    visit_request.refresh_from_db()
    assert visit_request.state == S.CONFIRMED
    assert visit_request.visit is None


def test_a_request_is_completed_on_the_day_its_visit_starts(make_request, staff):
    visit_request = make_request(
        S.CONFIRMED, received_on=TODAY, proposed_start=TODAY, proposed_end=TODAY
    )

    request_transition(visit_request, to=S.COMPLETED, actor=staff)

    assert VisitRequest.objects.get(pk=visit_request.pk).state == S.COMPLETED


# --- dates ---------------------------------------------------------------------------------


def test_a_request_cannot_arrive_after_its_proposed_start(staff):
    assert refused_fields(staff, received_on=datetime.date(2025, 3, 4)) == {"received_on"}
    assert not VisitRequest.objects.exists()


@pytest.mark.parametrize(
    "field", ["received_on", "proposed_start", "proposed_end"], ids=lambda f: f
)
@pytest.mark.parametrize("year", [1999, TODAY.year + 11])
def test_request_dates_stay_within_sensible_years(field, year, staff):
    day = datetime.date(year, 3, 3)
    changes = {field: day}
    if field == "proposed_start":  # keep the other rules met, so only this date is refused
        changes |= {"received_on": min(day, datetime.date(2025, 1, 2)), "proposed_end": day}
    if field == "proposed_end" and year < 2000:
        changes |= {"received_on": day, "proposed_start": day}

    assert field in refused_fields(staff, **changes)
    assert not VisitRequest.objects.exists()


def test_a_visit_in_year_9999_is_refused_and_the_calendar_feed_keeps_working(
    client_for, staff, unit
):
    client = client_for(staff)
    staff.calendar_token = "feed-token-of-staff"
    staff.save(update_fields=["calendar_token"])
    far = datetime.date(9999, 12, 31)

    response = client.post(
        "/visits/new/",
        visit_form_data(host_unit=unit, start_date=TODAY, end_date=far, responsible=staff),
    )

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"end_date"}
    assert not Visit.objects.exists()
    feed = client.get("/calendar/feed/feed-token-of-staff.ics")
    assert feed.status_code == 200


def test_a_visit_ten_years_ahead_is_still_accepted(client_for, staff, unit):
    day = datetime.date(TODAY.year + 10, 6, 1)
    response = client_for(staff).post(
        "/visits/new/", visit_form_data(host_unit=unit, start_date=day, end_date=day)
    )
    assert response.status_code == 302
    assert Visit.objects.get().start_date == day


# --- gifts ---------------------------------------------------------------------------------


def test_a_gift_value_is_not_negative(make_request, staff):
    visit_request = make_request(S.PLANNING)
    gift = {
        "direction": GiftDirection.GIVEN,
        "description": "Kristallimalja",
        "giver": "Kaupunginjohtaja",
        "receiver": "Ambassador of Sweden",
        "date": visit_request.proposed_start,
    }

    with pytest.raises(ValidationError) as excinfo:
        gift_add(visit_request, actor=staff, value_estimate=Decimal("-1.00"), **gift)
    assert set(excinfo.value.message_dict) == {"value_estimate"}
    assert not Gift.objects.exists()

    gift_add(visit_request, actor=staff, value_estimate=Decimal("0.00"), **gift)
    assert Gift.objects.count() == 1


# --- dignitary rules cover foreign guests only ----------------------------------------------


def test_a_dignitary_request_from_finland_is_refused_with_a_clear_message(staff):
    with pytest.raises(ValidationError) as excinfo:
        request_create(actor=staff, **new_request_data(country="FI"))
    with translation.override("en"):
        assert "foreign guests only" in " ".join(excinfo.value.message_dict["country"])
    assert not VisitRequest.objects.exists()

    request_create(
        actor=staff, **new_request_data(country="FI", kind=VisitKind.OTHER, dignitary_rank="")
    )
    assert VisitRequest.objects.count() == 1


def test_a_dignitary_visit_from_finland_is_refused_on_the_form(client_for, staff, unit):
    data = visit_form_data(
        host_unit=unit,
        kind=VisitKind.DIGNITARY.value,
        dignitary_rank=DignitaryRank.MINISTER.value,
        country="FI",
    )

    response = client_for(staff).post("/visits/new/", data)

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"country"}
    assert not Visit.objects.exists()


# --- no fee on dignitary or partner-city visits -------------------------------------------


@pytest.mark.parametrize(
    ("kind", "rank"),
    [(VisitKind.DIGNITARY, DignitaryRank.AMBASSADOR), (VisitKind.TWIN_CITY, "")],
)
def test_no_fee_on_dignitary_or_partner_city_visits(kind, rank, client_for, staff, unit):
    data = visit_form_data(
        host_unit=unit,
        kind=kind.value,
        dignitary_rank=rank,
        paid=True,
        invoiced_amount="500.00",
    )

    response = client_for(staff).post("/visits/new/", data)

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"paid", "invoiced_amount"}
    assert not Visit.objects.exists()


def test_a_paid_expert_visit_keeps_its_fee(client_for, staff, unit):
    data = visit_form_data(host_unit=unit, paid=True, invoiced_amount="500.00")

    response = client_for(staff).post("/visits/new/", data)

    assert response.status_code == 302
    assert Visit.objects.get().invoiced_amount == Decimal("500.00")


# --- after-visit results reach the visit record ---------------------------------------------


def completed(make_request, kv, **kwargs):
    visit_request = make_request(S.CONFIRMED, **kwargs)
    return request_transition(visit_request, to=S.COMPLETED, actor=kv)


def test_the_invoiced_income_of_a_paid_expert_visit_reaches_the_visit_on_completion(
    make_request, kv
):
    visit_request = completed(
        make_request, kv, non_dignitary=True, invoiced_amount=Decimal("800.00")
    )

    visit = Visit.objects.get(pk=visit_request.visit_id)
    assert (visit.paid, visit.invoiced_amount) == (True, Decimal("800.00"))


def test_a_dignitary_request_carries_no_fee(staff):
    assert refused_fields(staff, invoiced_amount=Decimal("100.00")) == {"invoiced_amount"}


def test_media_hits_and_initiatives_recorded_after_completion_reach_the_visit(
    make_request, kv, staff
):
    visit_request = completed(make_request, kv)

    request_update(
        visit_request, actor=staff, media_hits=12, follow_up="Yhteinen EU-hanke valmisteilla."
    )
    request_transition(visit_request, to=S.DEBRIEFED, actor=staff)

    visit = Visit.objects.get(pk=visit_request.visit_id)
    assert (visit.media_hits, visit.follow_up) == (12, "Yhteinen EU-hanke valmisteilla.")


def test_later_edits_of_a_completed_request_update_its_visit(make_request, kv, staff):
    visit_request = completed(make_request, kv)
    start = datetime.date(2025, 3, 10)

    request_update(
        visit_request,
        actor=staff,
        subject="Ruotsin suurlähettilään vierailu",
        proposed_start=start,
        proposed_end=start,
        confidential=True,
    )

    visit = Visit.objects.get(pk=visit_request.visit_id)
    assert visit.title == "Ruotsin suurlähettilään vierailu"
    assert (visit.start_date, visit.end_date) == (start, start)
    assert visit.confidential is True


def test_a_request_made_confidential_after_completion_is_not_public_through_its_visit(
    make_request, kv, staff, other_staff, client_for
):
    visit_request = completed(make_request, kv)

    request_update(visit_request, actor=staff, confidential=True)

    visit = Visit.objects.get(pk=visit_request.visit_id)
    assert client_for(other_staff).get(visit.get_absolute_url()).status_code == 404
    assert visit.title not in client_for(other_staff).get("/visits/").content.decode()


def test_the_request_page_links_the_visit_record_only_for_those_who_may_open_it(
    make_request, kv, other_staff, client_for
):
    visit_request = completed(make_request, kv, created_by=other_staff, confidential=True)
    link = f'href="{visit_request.visit.get_absolute_url()}"'

    registrant_page = client_for(other_staff).get(visit_request.get_absolute_url())
    kv_page = client_for(kv).get(visit_request.get_absolute_url())

    assert registrant_page.status_code == 200
    assert link not in registrant_page.content.decode()
    assert link in kv_page.content.decode()


# --- routing by visit kind, the fallback and the seed's themes ------------------------------

ELKA = "Elinkeino- ja kaupunkikehitysyksikkö"
MARKETING = "Espoo Marketing Oy"
PALVELUKEHITYS = "Palvelukehitys"


@pytest.mark.parametrize(
    ("kind", "host"),
    [
        (VisitKind.TWIN_CITY, ELKA),
        (VisitKind.MEDIA, ELKA),
        (VisitKind.INTERNATIONAL_ORG, ELKA),
        (VisitKind.BUSINESS, MARKETING),
        (VisitKind.TECHNICAL, ELKA),  # no rule of its own: general visit coordination
    ],
)
def test_a_request_without_themes_is_routed_by_its_kind(kind, host, make_request):
    visit_request = make_request(kind=kind, dignitary_rank="", host_unit=None)

    assert routing_suggestion(visit_request).host.name_fi == host


def test_a_business_delegation_on_education_goes_to_espoo_marketing_and_informs_the_department(
    make_request,
):
    education = Theme.objects.get(slug="education")
    visit_request = make_request(
        kind=VisitKind.BUSINESS, dignitary_rank="", host_unit=None, themes=[education]
    )

    routing = routing_suggestion(visit_request)

    assert routing.host.name_fi == MARKETING
    assert [u.name_fi for u in routing.informed] == ["Kasvun ja oppimisen toimiala"]


def test_the_fallback_is_used_only_when_nothing_else_matches(make_request):
    education = Theme.objects.get(slug="education")
    visit_request = make_request(
        kind=VisitKind.TECHNICAL, dignitary_rank="", host_unit=None, themes=[education]
    )

    routing = routing_suggestion(visit_request)

    assert routing.host.name_fi == "Kasvun ja oppimisen toimiala"
    assert routing.informed == []


@pytest.mark.parametrize(
    ("slug", "host"),
    [
        ("vitality", ELKA),
        ("city-international-cooperation", ELKA),
        ("make-with-espoo", PALVELUKEHITYS),
        ("entrepreneurship", MARKETING),
    ],
)
def test_the_seed_themes_are_in_the_catalogue_and_route_to_their_unit(slug, host, make_request):
    theme = Theme.objects.get(slug=slug, is_active=True)
    visit_request = make_request(
        kind=VisitKind.TECHNICAL, dignitary_rank="", host_unit=None, themes=[theme]
    )

    assert routing_suggestion(visit_request).host.name_fi == host


def test_the_routing_seed_is_idempotent():
    from django.apps import apps

    migration = importlib.import_module("visits.migrations.0012_rules_kind_routing")
    counts = (RoutingRule.objects.count(), Theme.objects.count())

    migration.seed(apps, None)

    assert (RoutingRule.objects.count(), Theme.objects.count()) == counts


# --- every unit listed as informed has really been told ------------------------------------


def test_each_informed_unit_is_told_and_the_page_says_who_and_when(
    django_capture_on_commit_callbacks, make_request, kv, staff, unit, other_department,
    other_contact, client_for, mailoutbox,
):  # fmt: skip
    visit_request = make_request(S.UNDER_REVIEW, host_unit=None, responsible=None)

    with django_capture_on_commit_callbacks(execute=True):
        request_route(
            visit_request,
            actor=kv,
            host_unit=unit,
            responsible=staff,
            informed_units=[other_department],
        )

    assert other_contact.email in {a for m in mailoutbox for a in m.to}
    [entry] = [
        e for e in timeline_for(visit_request) if other_department.label in e.params.values()
    ]
    assert entry.params["people"] == str(other_contact)
    assert entry.actor == kv
    page = client_for(kv).get(visit_request.get_absolute_url()).content.decode()
    assert f"{other_department.label}: tiedotettu sähköpostilla ({other_contact})" in page


def test_an_informed_unit_nobody_could_be_told_of_is_said_so(
    make_request, kv, staff, unit, other_department, client_for
):
    visit_request = make_request(S.UNDER_REVIEW, host_unit=None, responsible=None)

    request_route(
        visit_request,
        actor=kv,
        host_unit=unit,
        responsible=staff,
        informed_units=[other_department],
    )

    page = client_for(kv).get(visit_request.get_absolute_url()).content.decode()
    assert f"{other_department.label}: ei voitu tiedottaa, koska kv-yhteyshenkilöä ei ole" in page


# --- a department's kv-yhteyshenkilö coordinates its own requests ---------------------------


def test_the_departments_contact_evaluates_and_routes_its_own_request_within_the_department(
    make_request, contact, staff, unit
):
    visit_request = make_request(S.UNDER_REVIEW, host_unit=None, responsible=None)
    visit_request.created_by = staff  # registered in the contact's department
    visit_request.save()

    request_triage(visit_request, actor=contact, timely=True, interesting=True)
    request_route(visit_request, actor=contact, host_unit=unit, responsible=staff)

    visit_request.refresh_from_db()
    assert (visit_request.host_unit, visit_request.responsible) == (unit, staff)


def test_the_contact_routes_only_within_the_department(make_request, contact, staff, other_unit):
    visit_request = make_request(S.UNDER_REVIEW)

    with pytest.raises(ValidationError):
        request_route(visit_request, actor=contact, host_unit=other_unit, responsible=staff)

    assert VisitRequest.objects.get(pk=visit_request.pk).host_unit != other_unit


@pytest.mark.parametrize(
    "rank", [DignitaryRank.ROYALTY, DignitaryRank.HEAD_OF_STATE, DignitaryRank.MINISTER]
)
def test_a_city_level_request_is_coordinated_by_kv_team_only(rank, make_request, contact, unit):
    visit_request = make_request(S.UNDER_REVIEW, dignitary_rank=rank)

    with pytest.raises(PermissionDenied):
        request_triage(visit_request, actor=contact, timely=True)
    with pytest.raises(PermissionDenied):
        request_route(visit_request, actor=contact, host_unit=unit, responsible=contact)


def test_another_departments_contact_does_not_coordinate_the_request(
    make_request, other_contact, other_unit
):
    visit_request = make_request(S.UNDER_REVIEW)

    with pytest.raises(PermissionDenied):
        request_route(
            visit_request, actor=other_contact, host_unit=other_unit, responsible=other_contact
        )


def test_the_contact_sees_the_evaluation_and_routing_forms_on_the_page(
    make_request, contact, client_for
):
    visit_request = make_request(S.UNDER_REVIEW)

    html = client_for(contact).get(visit_request.get_absolute_url()).content.decode()

    assert f'action="/requests/{visit_request.pk}/triage/"' in html
    assert f'action="/requests/{visit_request.pk}/route/"' in html


# --- the responsible person is reported to the party handling the visit ---------------------


def test_reporting_the_responsible_person_is_recorded_and_shown_on_the_page(
    make_request, kv, staff, client_for
):
    visit_request = make_request(S.ACCEPTED, requester_name="Embassy of Sweden")
    client = client_for(kv)
    client.cookies["django_language"] = "en"

    response = client.post(f"/requests/{visit_request.pk}/report-responsible/")

    assert response.status_code == 302
    [entry] = timeline_for(visit_request).filter(summary=REPORTED)
    assert entry.actor == kv
    assert entry.params["person"] == str(staff)
    html = client.get(visit_request.get_absolute_url()).content.decode()
    day = date_format(timezone.localtime(entry.at), "SHORT_DATE_FORMAT")
    assert f"Reported to an embassy (Embassy of Sweden) by {kv} on {day}" in html


def test_the_responsible_person_may_record_the_report_but_other_staff_may_not(
    make_request, staff, other_staff, client_for
):
    visit_request = make_request(S.ACCEPTED)

    assert (
        client_for(other_staff)
        .post(f"/requests/{visit_request.pk}/report-responsible/")
        .status_code
        == 403
    )
    assert not timeline_for(visit_request).filter(summary=REPORTED).exists()

    request_report_responsible(visit_request, actor=staff)
    assert timeline_for(visit_request).filter(summary=REPORTED).count() == 1


def test_nobody_is_reported_before_a_responsible_person_is_named(make_request, kv):
    visit_request = make_request(S.UNDER_REVIEW, responsible=None)

    with pytest.raises(ValidationError):
        request_report_responsible(visit_request, actor=kv)
    assert not timeline_for(visit_request).filter(summary=REPORTED).exists()
