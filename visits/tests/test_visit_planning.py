"""A visit logged directly in the visit log (issue 7, "the rules the seed gives"): a dignitary
visit tells kv-tiimi once, shows the protocol parties its rank requires and offers the
planning checklist; every visit can carry the general visit checklist of 3.4."""

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail

from visits.choices import ChecklistPhase, ItemStatus, VisitKind
from visits.models import ChecklistItem, ChecklistTemplate, ProtocolRule, Visit
from visits.services import visit_update
from visits.services.requests import visit_from_request

from .factories import VisitFactory
from .request_factories import ChecklistTemplateFactory, VisitRequestFactory
from .test_double_submit import token_of
from .test_request_notifications import kv_member, recipients
from .test_request_pages import en  # noqa: F401 (fixture)
from .test_visit_forms import visit_form_data

pytestmark = pytest.mark.django_db

TITLE = "Viron suurlähettilään vierailu Otaniemeen"


def dignitary_data(unit, **changes) -> dict:
    return visit_form_data(
        title=TITLE,
        kind=VisitKind.DIGNITARY.value,
        dignitary_rank="ambassador",
        visiting_organisation="Embassy of Estonia",
        country="EE",
        host_unit=unit,
        start_date=datetime.date(2025, 6, 3),
        end_date=datetime.date(2025, 6, 3),
        group_size=4,
        **changes,
    )


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


# --- kv-tiimi is told, once --------------------------------------------------------------------


def test_a_dignitary_visit_logged_directly_tells_kv_team_once(
    client_for, django_capture_on_commit_callbacks, staff, unit
):
    kv_en = kv_member("kv-en", "en")
    ProtocolRule.objects.filter(rank="ambassador").update(
        city_manager=True, communications=True, presidium=False, kv_team=True, security=True
    )
    client = client_for(staff)
    data = dignitary_data(unit) | {"submit_token": token_of(client, "/visits/new/")}

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post("/visits/new/", data)
        second = client.post("/visits/new/", data)  # a double click

    [visit] = Visit.objects.all()
    assert first["Location"] == second["Location"] == visit.get_absolute_url()
    assert recipients() == sorted([kv_en.email, settings.INTERNATIONAL_MAILBOX])
    [message] = [m for m in mail.outbox if m.to == [kv_en.email]]
    assert message.subject == f"Dignitary visit logged: {TITLE}"
    body = message.body
    assert body.startswith("Hello,")
    assert "logged directly in the visit log, not through a visit request" in body
    assert "Dignitary rank: Ambassador" in body
    assert "Dates: 03.06.2025\n" in body  # a one-day visit is one date
    assert f"Logged by: {staff}" in body
    assert (
        "Protocol: parties to involve: city manager (KJ), communications (Viestintä), "
        "international affairs team (Kv-tiimi), security (Turva)"
    ) in body
    assert f"{settings.PORTAL_URL.rstrip('/')}/visits/{visit.pk}/" in body
    assert "International Affairs Team (kv-tiimi), City of Espoo" in body

    # Saving the visit again tells nobody again.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/visits/{visit.pk}/edit/", visit_form_data(visit, group_size=6, host_unit=unit)
        )
    assert response.status_code == 302
    assert mail.outbox == []


def test_the_visit_page_says_when_kv_team_was_told(
    en,  # noqa: F811
    django_capture_on_commit_callbacks,
    staff,
    unit,
):
    with django_capture_on_commit_callbacks(execute=True):
        en(staff).post("/visits/new/", dignitary_data(unit))
    visit = Visit.objects.get()

    html = _text(en(staff).get(visit.get_absolute_url()))

    assert "kv-tiimi was told of this dignitary visit by e-mail (international@espoo.fi) on" in html
    assert "kv-tiimi told of the dignitary visit by e-mail (international@espoo.fi)" in html


def test_other_visits_tell_nobody(client_for, django_capture_on_commit_callbacks, staff, unit, kv):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(staff).post("/visits/new/", visit_form_data(host_unit=unit))
    assert Visit.objects.count() == 1
    assert mail.outbox == []


def test_a_visit_that_becomes_a_dignitary_visit_tells_kv_team_once(
    django_capture_on_commit_callbacks, staff, unit, kv
):
    visit = VisitFactory(host_unit=unit)

    with django_capture_on_commit_callbacks(execute=True):
        visit_update(visit, actor=staff, kind=VisitKind.DIGNITARY, dignitary_rank="minister")
        visit_update(visit, actor=staff, kind=VisitKind.TECHNICAL, dignitary_rank="")
        visit_update(visit, actor=staff, kind=VisitKind.DIGNITARY, dignitary_rank="minister")

    assert recipients() == sorted([kv.email, settings.INTERNATIONAL_MAILBOX])


def test_a_requests_visit_tells_nobody_again(django_capture_on_commit_callbacks, kv, unit):
    """kv-tiimi handled the request: its visit record is no news to them."""
    visit_request = VisitRequestFactory(host_unit=unit)
    with django_capture_on_commit_callbacks(execute=True):
        visit = visit_from_request(visit_request, kv)
        visit_request.visit = visit
        visit_request.save()
        visit_update(visit, actor=kv, group_size=5)
    assert mail.outbox == []


# --- the protocol parties ----------------------------------------------------------------------


def test_a_dignitary_visits_page_shows_the_parties_its_rank_requires(en, staff, unit):  # noqa: F811
    ProtocolRule.objects.filter(rank="minister").update(
        city_manager=False, communications=True, presidium=True, kv_team=True, security=False
    )
    visit = VisitFactory(host_unit=unit, kind=VisitKind.DIGNITARY, dignitary_rank="minister")

    html = _text(en(staff).get(visit.get_absolute_url()))

    parties = re.search(r'<ul class="mb-0" id="protocol-parties">(.*?)</ul>', html).group(1)
    assert re.findall(r"<li>(.*?)</li>", parties) == [
        "Communications (Viestintä)",
        "City board presidium (KAJO/KH)",
        "International affairs team (Kv-tiimi)",
    ]


def test_other_visits_show_no_protocol_parties(en, staff, unit):  # noqa: F811
    visit = VisitFactory(host_unit=unit)
    html = _text(en(staff).get(visit.get_absolute_url()))
    assert "Protocol: parties to involve" not in html


# --- the checklist -----------------------------------------------------------------------------


def _general_and_dignitary_items():
    ChecklistTemplate.objects.update(is_active=False)
    general = ChecklistTemplateFactory(
        name_fi="Vieraslista", name_en="Guest list", dignitary_only=False
    )
    dignitary = ChecklistTemplateFactory(
        name_fi="Liputus", name_en="Flags", dignitary_only=True, phase=ChecklistPhase.INTERNAL
    )
    return general, dignitary


def test_a_visit_carries_the_general_checklist_and_an_item_is_ticked_in_place(
    en,  # noqa: F811
    staff,
    unit,
):
    _general_and_dignitary_items()
    visit = VisitFactory(host_unit=unit)
    client = en(staff)
    assert "Add the visit checklist" in _text(client.get(visit.get_absolute_url()))

    response = client.post(f"/visits/{visit.pk}/checklist/", follow=True)

    html = _text(response)
    assert "The checklist was added." in html
    assert "Guest list" in html and "Flags" not in html  # only the general items
    assert "Checklist added: 1 items" in html  # the timeline
    [item] = visit.checklist.all()
    ticked = client.post(
        f"/visits/{visit.pk}/items/{item.pk}/",
        {f"item{item.pk}-status": "done"},
        HTTP_HX_REQUEST="true",
    )
    assert ticked.status_code == 200
    assert "<html" not in ticked.content.decode()
    assert f'id="item-{item.pk}"' in ticked.content.decode()
    item.refresh_from_db()
    assert item.status == ItemStatus.DONE
    assert "(1 of 1 done)" in _text(client.get(visit.get_absolute_url()))


def test_a_dignitary_visit_is_offered_the_planning_checklist(en, staff, unit):  # noqa: F811
    _general_and_dignitary_items()
    visit = VisitFactory(host_unit=unit, kind=VisitKind.DIGNITARY, dignitary_rank="ambassador")
    client = en(staff)
    assert "Add the planning checklist" in _text(client.get(visit.get_absolute_url()))

    client.post(f"/visits/{visit.pk}/checklist/")

    assert sorted(visit.checklist.values_list("title", flat=True)) == ["Liputus", "Vieraslista"]


def test_several_items_of_a_visit_are_marked_done_at_once(en, staff, unit):  # noqa: F811
    visit = VisitFactory(host_unit=unit)
    en(staff).post(f"/visits/{visit.pk}/checklist/")
    items = list(visit.checklist.all())
    assert len(items) > 2
    other = VisitFactory(host_unit=unit)
    en(staff).post(f"/visits/{other.pk}/checklist/")
    elsewhere = other.checklist.first()

    response = en(staff).post(
        f"/visits/{visit.pk}/items/done/",
        {"items": [str(items[0].pk), str(items[1].pk), str(elsewhere.pk)]},
        follow=True,
    )

    assert "2 checklist items marked done." in response.content.decode()
    assert visit.checklist.filter(status=ItemStatus.DONE).count() == 2
    assert other.checklist.filter(status=ItemStatus.DONE).count() == 0


def test_a_checklist_is_added_once(en, staff, unit):  # noqa: F811
    visit = VisitFactory(host_unit=unit)
    en(staff).post(f"/visits/{visit.pk}/checklist/")
    count = visit.checklist.count()

    again = en(staff).post(f"/visits/{visit.pk}/checklist/")

    assert again.status_code == 400
    assert "This visit already has its checklist." in again.content.decode()
    assert visit.checklist.count() == count


def test_a_requests_visit_points_to_the_requests_checklist(en, kv, unit):  # noqa: F811
    visit_request = VisitRequestFactory(host_unit=unit)
    visit = visit_from_request(visit_request, kv)
    visit_request.visit = visit
    visit_request.save()

    html = _text(en(kv).get(visit.get_absolute_url()))
    refused = en(kv).post(f"/visits/{visit.pk}/checklist/")

    assert "The checklist of this visit is on its visit request." in html
    assert f'href="/requests/{visit_request.pk}/#checklist-h"' in html
    assert "Add the planning checklist" not in html
    assert refused.status_code == 400
    assert not ChecklistItem.objects.filter(visit=visit).exists()


def test_a_reader_sees_the_checklist_but_cannot_tick_it(en, staff, other_staff, unit):  # noqa: F811
    visit = VisitFactory(host_unit=unit)
    en(staff).post(f"/visits/{visit.pk}/checklist/")
    item = visit.checklist.first()

    html = _text(en(other_staff).get(visit.get_absolute_url()))
    refused = en(other_staff).post(
        f"/visits/{visit.pk}/items/{item.pk}/", {f"item{item.pk}-status": "done"}
    )

    assert item.label in html
    assert "Mark selected done" not in html
    assert refused.status_code == 403
    item.refresh_from_db()
    assert item.status == ItemStatus.OPEN


def test_the_dashboard_counts_the_open_items_of_a_visits_own_checklist(en, kv, unit):  # noqa: F811
    from visits.selectors_dashboard import upcoming_visits

    today = datetime.date(2025, 5, 1)
    visit = VisitFactory(host_unit=unit, start_date=datetime.date(2025, 5, 10))
    en(kv).post(f"/visits/{visit.pk}/checklist/")
    total = visit.checklist.count()
    visit.checklist.filter(pk=visit.checklist.first().pk).update(status=ItemStatus.DONE)

    [row] = [r for r in upcoming_visits(user=kv, today=today).rows if r.kind == "visit"]

    assert row.open_items == total - 1
