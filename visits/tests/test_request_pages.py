"""The visit request pages as their users meet them: registering, the list and its exports,
the request page's actions (transitions, triage, routing, checklist, guests, attachments)
and the stale-edit box."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from espoo_intl.attachments import Attachment
from espoo_intl.questionnaires import latest_response, summary
from espoo_intl.testing import assert_constant_queries, csv_rows, xlsx_rows
from espoo_intl.tests.factories import UserFactory
from visits.choices import ChecklistPhase, ItemStatus
from visits.choices import RequestState as S
from visits.forms import VisitRequestForm
from visits.models import EVALUATION, Theme, VisitRequest
from visits.services import requests as request_services
from visits.tables import VisitRequestTable
from visits.tests.test_visit_forms import in_language

from .request_factories import ChecklistItemFactory, GuestFactory, VisitRequestFactory

pytestmark = pytest.mark.django_db

# Depends on the Finnish translations (locale/fi): the state "received" on the request page.
FI_RECEIVED = "Saapunut"

SUBJECT = "Latvian suurlähettilään vierailu Otaniemeen"

# What a browser sends for a new request that passes every rule (unticked boxes left out).
NEW_REQUEST = {
    "subject": SUBJECT,
    "requester_type": "embassy",
    "requester_name": "Embassy of Latvia, protocol officer",
    "received_on": "2025-03-03",
    "proposed_start": "2025-04-07",
    "proposed_end": "2025-04-08",
    "kind": "dignitary",
    "visitor": "Ambassador of Latvia",
    "dignitary_rank": "ambassador",
    "visiting_organisation": "Embassy of Latvia",
    "country": "LV",
    "group_size": "3",
    "language": "English",
    "interpretation": "none",
    "message": "",
}

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
WINDOWS_EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 120


def page(response, status: int = 200) -> str:
    assert response.status_code == status
    return response.content.decode()


def listed_subjects(response) -> list[str]:
    """The request subjects in the list table, in order (each links to its request)."""
    return re.findall(r'<a href="/requests/\d+/">([^<]*)</a>', page(response))


def recipients() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def as_post(form) -> dict:
    """The form as a browser posts it back unchanged: keys for records, ISO dates,
    unticked boxes left out."""
    data = {}
    for field in form:
        value = field.value()
        if value is None or value is False:
            continue
        if value is True:
            value = "on"
        elif isinstance(value, list | tuple):
            value = [getattr(v, "pk", v) for v in value]
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        data[field.html_name] = value
    return data


def state_of(visit_request) -> str:
    visit_request.refresh_from_db()
    return visit_request.state


@pytest.fixture
def en(client_for):
    """client_for, with the pages in English."""
    return lambda user: in_language(client_for(user), "en")


# --- registering and listing -----------------------------------------------------------------


def test_staff_registers_a_request_and_kv_finds_it_in_the_list_and_the_mailbox_hears(
    client_for, django_capture_on_commit_callbacks, staff, kv
):
    client = in_language(client_for(staff), "fi")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/requests/new/", NEW_REQUEST)

    visit_request = VisitRequest.objects.get(subject=SUBJECT)
    assert response.status_code == 302
    assert response["Location"] == visit_request.get_absolute_url()
    html = page(client.get(response["Location"]))
    assert SUBJECT in html
    assert FI_RECEIVED in html
    assert visit_request.created_by == staff
    assert listed_subjects(client_for(kv).get("/requests/")) == [SUBJECT]
    assert recipients() == sorted([kv.email, settings.INTERNATIONAL_MAILBOX])


def test_short_notice_request_is_flagged_on_its_page_and_in_the_list(en, staff, unit):
    arrived = datetime.date(2025, 3, 3)
    short = VisitRequestFactory(
        host_unit=unit,
        subject="Kiireellinen pyyntö",
        received_on=arrived,
        proposed_start=arrived + datetime.timedelta(days=10),
    )
    VisitRequestFactory(
        host_unit=unit,
        subject="Ajoissa tullut pyyntö",
        received_on=arrived,
        proposed_start=arrived + datetime.timedelta(days=60),
    )
    client = en(staff)

    detail = page(client.get(short.get_absolute_url()))
    listing = page(client.get("/requests/"))

    assert "Short notice: the request came 10 days before the proposed start." in detail
    assert listing.count('<span class="badge text-bg-danger">10 · short notice</span>') == 1
    assert '<span class="badge text-bg-danger">60' not in listing


# --- transitions -----------------------------------------------------------------------------


def test_kv_moves_a_request_under_review(client_for, kv, unit):
    visit_request = VisitRequestFactory(host_unit=unit)

    response = client_for(kv).post(
        f"/requests/{visit_request.pk}/transition/", {"to": S.UNDER_REVIEW}
    )

    assert response.status_code == 302
    assert response["Location"] == visit_request.get_absolute_url()
    assert state_of(visit_request) == S.UNDER_REVIEW


def test_a_transition_outside_the_table_is_refused_on_the_page(en, kv, unit):
    visit_request = VisitRequestFactory(host_unit=unit, subject="Tallinnan delegaatio")

    response = en(kv).post(f"/requests/{visit_request.pk}/transition/", {"to": S.COMPLETED})

    html = page(response, 400)
    assert "A request cannot move from “received” to “completed”." in html
    assert "Tallinnan delegaatio" in html  # the request page, shown again
    assert state_of(visit_request) == S.RECEIVED


def test_declining_without_a_reason_is_refused(en, kv, unit):
    visit_request = VisitRequestFactory(host_unit=unit, state=S.UNDER_REVIEW)

    response = en(kv).post(
        f"/requests/{visit_request.pk}/transition/", {"to": S.DECLINED, "reason": "  "}
    )

    assert "Give a reason." in page(response, 400)
    assert state_of(visit_request) == S.UNDER_REVIEW


def test_staff_who_is_not_responsible_may_not_move_a_request(client_for, staff, unit):
    visit_request = VisitRequestFactory(host_unit=unit, state=S.UNDER_REVIEW)

    response = client_for(staff).post(
        f"/requests/{visit_request.pk}/transition/",
        {"to": S.CANCELLED, "reason": "Ei resursseja."},
    )

    assert response.status_code == 403
    assert state_of(visit_request) == S.UNDER_REVIEW


def test_responsible_person_cannot_confirm_with_open_items(en, staff, unit):
    visit_request = VisitRequestFactory(host_unit=unit, state=S.PLANNING, responsible=staff)
    ChecklistItemFactory(
        visit_request=visit_request, phase=ChecklistPhase.PLANNING, title="Puhuttelumuodot"
    )

    # Only kv-tiimi is offered the override box; one sent anyway changes nothing.
    response = en(staff).post(
        f"/requests/{visit_request.pk}/transition/",
        {"to": S.CONFIRMED, "override_reason": "Kiire"},
    )

    html = page(response, 400)
    assert "1 required checklist items are still open: Puhuttelumuodot" in html
    assert f'id="override-{S.CONFIRMED}"' not in html
    assert state_of(visit_request) == S.PLANNING


def test_kv_confirming_with_open_items_gets_the_override_box_open_and_may_override(en, kv, unit):
    visit_request = VisitRequestFactory(host_unit=unit, state=S.PLANNING)
    ChecklistItemFactory(visit_request=visit_request, phase=ChecklistPhase.INTERNAL, title="Puheet")
    url = f"/requests/{visit_request.pk}/transition/"
    typed = "Sovittu puhelimessa TPK:n protokollan kanssa"

    refused = page(en(kv).post(url, {"to": S.CONFIRMED}), 400)
    confirmed = en(kv).post(url, {"to": S.CONFIRMED, "override_reason": typed})

    assert "1 required checklist items are still open: Puheet" in refused
    assert '<details class="mb-2" open>' in refused
    assert f'id="override-{S.CONFIRMED}"' in refused
    assert confirmed.status_code == 302
    assert state_of(visit_request) == S.CONFIRMED
    assert visit_request.timeline.get(to_state=S.CONFIRMED).reason.endswith(typed)


# --- triage and routing ----------------------------------------------------------------------


def test_kv_saves_the_evaluation_and_sees_the_recommendation(en, kv, unit):
    visit_request = VisitRequestFactory(host_unit=unit)
    client = en(kv)

    response = client.post(
        f"/requests/{visit_request.pk}/triage/", {"timely": "yes", "interesting": "yes"}
    )

    assert response.status_code == 302
    evaluation = latest_response(visit_request, EVALUATION)
    values = summary(evaluation).values
    assert (values["timely"], values["interesting"], values["significant"]) == (True, True, None)
    assert evaluation.answered_by == kv
    html = page(client.get(visit_request.get_absolute_url()))
    assert "Accept where possible." in html
    assert f"Evaluated by {kv}" in html


def test_the_request_page_lists_earlier_evaluations_with_who_and_when(en, kv, unit):
    visit_request = VisitRequestFactory(host_unit=unit)
    client = en(kv)
    client.post(f"/requests/{visit_request.pk}/triage/", {"timely": "no"})
    client.post(f"/requests/{visit_request.pk}/triage/", {"timely": "yes", "national": "yes"})

    html = page(client.get(visit_request.get_absolute_url()))

    assert "Earlier evaluations" in html
    assert html.count(f"Evaluated by {kv}") == 2
    assert "Accept where possible." in html  # from the latest, not the first


def test_staff_may_not_evaluate_a_request(client_for, staff, unit):
    visit_request = VisitRequestFactory(host_unit=unit)

    response = client_for(staff).post(
        f"/requests/{visit_request.pk}/triage/", {"timely": "yes", "interesting": "yes"}
    )

    assert response.status_code == 403
    assert latest_response(visit_request, EVALUATION) is None


def test_kv_routes_a_request_and_the_responsible_person_is_told(
    client_for, django_capture_on_commit_callbacks, kv, staff, unit, other_department
):
    visit_request = VisitRequestFactory(state=S.UNDER_REVIEW, subject="Pohjoismaiset pormestarit")

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(kv).post(
            f"/requests/{visit_request.pk}/route/",
            {
                "host_unit": unit.pk,
                "responsible": staff.pk,
                "informed_units": [other_department.pk],
            },
        )

    assert response.status_code == 302
    visit_request.refresh_from_db()
    assert visit_request.host_unit == unit
    assert visit_request.responsible == staff
    assert list(visit_request.informed_units.all()) == [other_department]
    [assignment] = [m for m in mail.outbox if m.to == [staff.email]]
    assert "Pohjoismaiset pormestarit" in assignment.subject


# --- editing: someone else saved first -------------------------------------------------------


def test_a_stale_edit_shows_the_other_save_and_saves_only_when_made_again(en, kv, contact, unit):
    visit_request = VisitRequestFactory(host_unit=unit, visitor="Ambassador of Sweden")
    url = f"/requests/{visit_request.pk}/edit/"
    kv_client, contact_client = en(kv), en(contact)
    kv_form = kv_client.get(url).context["form"]
    contact_form = contact_client.get(url).context["form"]
    assert kv_form.initial["expected_version"] == contact_form.initial["expected_version"] == 1

    saved = kv_client.post(url, as_post(kv_form) | {"visitor": "Crown Princess of Sweden"})
    stale = contact_client.post(url, as_post(contact_form) | {"group_size": "9"})

    assert saved.status_code == 302
    html = page(stale)
    assert "Someone else saved this record while you were editing." in html
    assert "Main visitor: <strong>Crown Princess of Sweden</strong>" in html
    visit_request.refresh_from_db()
    assert visit_request.visitor == "Crown Princess of Sweden"
    assert visit_request.group_size == 4

    shown = re.search(r'name="expected_version" value="(\d+)"', html)[1]
    again = contact_client.post(
        url, as_post(contact_form) | {"group_size": "9", "expected_version": shown}
    )

    assert again.status_code == 302
    visit_request.refresh_from_db()
    assert visit_request.group_size == 9
    assert visit_request.version == 3


# --- checklist -------------------------------------------------------------------------------


def test_checklist_item_is_saved_through_htmx(en, kv, unit):
    visit_request = VisitRequestFactory(host_unit=unit, state=S.PLANNING)
    item = ChecklistItemFactory(visit_request=visit_request, phase=ChecklistPhase.PLANNING)
    prefix = f"item{item.pk}"

    response = en(kv).post(
        f"/requests/{visit_request.pk}/items/{item.pk}/",
        {f"{prefix}-status": ItemStatus.DONE, f"{prefix}-note": "Sovittu sähköpostilla"},
        HTTP_HX_REQUEST="true",
    )

    html = page(response)
    assert "Saved." in html
    assert f'id="item-{item.pk}"' in html
    assert "<html" not in html  # the item alone, swapped into the page
    item.refresh_from_db()
    assert item.status == ItemStatus.DONE
    assert item.note == "Sovittu sähköpostilla"


# --- guests ----------------------------------------------------------------------------------

GUEST = "Ingrid Lindqvist"


@pytest.fixture
def request_with_guest(unit, other_staff):
    """Hosted by staff's department; the responsible person is from another department."""
    visit_request = VisitRequestFactory(host_unit=unit, responsible=other_staff)
    GuestFactory(visit_request=visit_request, name=GUEST, dietary="gluteeniton")
    return visit_request


def test_guest_list_is_shown_to_kv_and_the_responsible_person(
    en, kv, other_staff, request_with_guest
):
    for user in (kv, other_staff):
        html = page(en(user).get(request_with_guest.get_absolute_url()))
        assert 'id="guests-h"' in html
        assert GUEST in html
        assert "gluteeniton" in html


def test_guest_list_is_hidden_from_other_staff_of_the_host_department(
    en, staff, request_with_guest
):
    client = en(staff)

    html = page(client.get(request_with_guest.get_absolute_url()))
    response = client.post(f"/requests/{request_with_guest.pk}/guests/", {"name": "Uusi Vieras"})

    assert 'id="guests-h"' not in html
    assert GUEST not in html
    assert "gluteeniton" not in html
    assert response.status_code == 404
    assert list(request_with_guest.guests.values_list("name", flat=True)) == [GUEST]


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_guests_never_appear_in_the_exports(client_for, kv, request_with_guest, export):
    response = client_for(kv).get(f"/requests/?_export={export}")

    rows = csv_rows(response) if export == "csv" else xlsx_rows(response)
    cells = [str(cell) for row in rows for cell in [*row, *row.values()] if cell is not None]
    assert request_with_guest.subject in cells
    assert not [cell for cell in cells if GUEST in cell or "gluteeniton" in cell]


# --- attachments -----------------------------------------------------------------------------


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def test_kv_uploads_a_pdf_and_downloads_it(en, kv, unit, media_root):
    visit_request = VisitRequestFactory(host_unit=unit)
    client = en(kv)

    response = client.post(
        f"/requests/{visit_request.pk}/attachments/",
        {"file": SimpleUploadedFile("kutsukirje.pdf", PDF, content_type="application/pdf")},
    )

    assert response.status_code == 302
    attachment = visit_request.attachments.get()
    download_url = f"/attachments/{attachment.pk}/"
    html = page(client.get(visit_request.get_absolute_url()))
    assert f'<a href="{download_url}">kutsukirje.pdf</a>' in html
    download = client.get(download_url)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert "kutsukirje.pdf" in download["Content-Disposition"]
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == PDF
    download.close()


def test_an_exe_renamed_to_pdf_is_refused_and_nothing_is_stored(en, kv, unit, media_root):
    visit_request = VisitRequestFactory(host_unit=unit)

    response = en(kv).post(
        f"/requests/{visit_request.pk}/attachments/",
        {"file": SimpleUploadedFile("kirje.pdf", WINDOWS_EXE, content_type="application/pdf")},
    )

    html = page(response, 400)
    assert "This type of file is not accepted. Allowed: DOCX, GIF, JPEG, PDF, PNG, WebP." in html
    assert not Attachment.objects.exists()
    assert stored_files(media_root) == []


def test_an_attachment_is_not_found_for_who_cannot_see_the_request(
    client_for, kv, other_staff, unit, media_root
):
    visit_request = VisitRequestFactory(host_unit=unit, confidential=True)
    client_for(kv).post(
        f"/requests/{visit_request.pk}/attachments/",
        {"file": SimpleUploadedFile("kirje.pdf", PDF)},
    )
    attachment = visit_request.attachments.get()

    response = client_for(other_staff).get(f"/attachments/{attachment.pk}/")

    assert response.status_code == 404


# --- exports and the list's cost ----------------------------------------------------------


def test_xlsx_export_holds_only_the_requests_the_user_sees(
    en, staff, kv, unit, other_unit, other_staff
):
    VisitRequestFactory(host_unit=unit, subject="Oman toimialan pyyntö")
    VisitRequestFactory(
        host_unit=other_unit,
        subject="Toisen toimialan luottamuksellinen pyyntö",
        confidential=True,
        responsible=other_staff,
    )

    rows = xlsx_rows(en(staff).get("/requests/?_export=xlsx"))
    all_rows = xlsx_rows(en(kv).get("/requests/?_export=xlsx"))

    for column in ("Subject", "State", "Proposed start date", "Host unit", "Responsible person"):
        assert column in rows[0]
    assert "notice (days)" in [column.lower() for column in rows[0]]
    assert [row["Subject"] for row in rows] == ["Oman toimialan pyyntö"]
    assert len(all_rows) == 2


def test_xlsx_export_has_one_column_per_table_field(en, kv, unit):
    VisitRequestFactory(host_unit=unit)

    header = list(xlsx_rows(en(kv).get("/requests/?_export=xlsx"))[0])

    assert len(header) == len(VisitRequestTable.Meta.fields)
    assert "Paid" not in header


def _add_requests(count: int, unit, themes) -> None:
    for _ in range(count):
        visit_request = VisitRequestFactory(
            host_unit=unit, responsible=UserFactory(unit=unit), informed_units=[unit]
        )
        visit_request.themes.set(themes)


@pytest.mark.parametrize("url", ["/requests/", "/requests/?_export=csv", "/requests/?_export=xlsx"])
def test_request_list_query_count_does_not_grow_with_rows(client_for, staff, unit, url):
    themes = list(Theme.objects.all()[:2])

    assert_constant_queries(client_for(staff), url, grow=lambda n: _add_requests(n, unit, themes))


# --- one list of editable fields -------------------------------------------------------------


def test_the_request_form_and_the_service_edit_the_same_fields():
    assert set(VisitRequestForm._meta.fields) == request_services.EDITABLE_FIELDS


# The page shows the request, its evaluation and routing forms (with their choices), the
# protocol parties, checklist, guests, gifts, files, timeline and history: more than a list
# page's 15, but the same however long each of them is.
REQUEST_PAGE_QUERIES = 30


@pytest.mark.parametrize("role", ["kv", "staff"])
def test_request_page_query_count_does_not_grow_with_its_history(
    client_for, users, staff, unit, role
):
    """Each save of subject and themes adds history rows whose changes name the themes: the
    page reads them in a constant number of queries (issue 12)."""
    kv = users["kv"]
    first, second = Theme.objects.order_by("pk")[:2]
    visit_request = VisitRequestFactory(host_unit=unit, responsible=staff)
    saves = iter(range(1000))

    def grow(n):
        for _i in range(n):
            i = next(saves)
            visit_request.refresh_from_db()
            request_services.request_update(
                visit_request, actor=kv, subject=f"Tallinnan delegaatio {i}",
                themes=[first] if i % 2 else [second], group_size=i + 1,
            )  # fmt: skip
            GuestFactory(visit_request=visit_request)
            ChecklistItemFactory(visit_request=visit_request)

    url = f"/requests/{visit_request.pk}/"
    assert_constant_queries(client_for(users[role]), url, grow=grow, most=REQUEST_PAGE_QUERIES)
    page = client_for(kv).get(url).content.decode()
    assert f"{first.name}" in page and "Tallinnan delegaatio 29" in page
