"""End-to-end checks in a real browser (headless Debian chromium through Playwright).

Each test signs in through the login form and works the pages the way a user does:
the visit form in Finnish and in English, and a visit request from its arrival to the
debrief, each step by the role that owns it. Screenshots go to var/screens/ for review.

Run: .venv/bin/python -m pytest -m browser visits/tests/test_browser.py
"""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from espoo_intl.questionnaires import latest_response, summary
from espoo_intl.tests.browser import require_browser
from visits.choices import ChecklistPhase, ItemStatus, RequestState, VisitStatus
from visits.models import EVALUATION, ChecklistItem, Theme, Visit, VisitRequest

SCREENS = Path(settings.BASE_DIR) / "var" / "screens"

sync_api = require_browser()
expect = sync_api.expect

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback restores the seeded rows (themes, routing rules, checklist
    # templates, org units, role groups) that the flush after each test would remove.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def shot(page, name: str) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENS / f"{name}.png", full_page=True)


def main_button(page, name: str):
    return page.locator("main").get_by_role("button", name=name, exact=True)


# --- 1. A unit staff member logs a visit --------------------------------------------


def _log_a_visit(page, *, lang: str, title: str, save: str, end_error: str, crumb: str):
    theme = Theme.objects.get(slug="education")
    page.goto("/visits/new/")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.fill("#id_title", title)
    page.select_option("#id_kind", "technical")
    page.fill("#id_visiting_organisation", "Stockholms stad")
    page.select_option("#id_country", "SE")
    page.fill("#id_start_date", "2025-06-10")
    page.fill("#id_end_date", "2025-06-09")  # before the start: refused
    page.fill("#id_group_size", "8")
    page.check(f'input[name="themes"][value="{theme.pk}"]')
    main_button(page, save).click()

    expect(page.locator("#div_id_end_date .invalid-feedback")).to_have_text(end_error)
    expect(page.locator("#id_title")).to_have_value(title)
    expect(page.locator(f'input[name="themes"][value="{theme.pk}"]')).to_be_checked()
    assert not Visit.objects.filter(title=title).exists()
    shot(page, f"visit-form-errors-{lang}")

    page.fill("#id_end_date", "2025-06-11")
    main_button(page, save).click()

    expect(page).to_have_url(re.compile(r"/visits/\d+/$"))
    expect(page.locator("h1")).to_contain_text(title)
    expect(page.locator(".breadcrumb")).to_contain_text(crumb)
    visit = Visit.objects.get(title=title)
    return visit, theme


def test_staff_logs_a_visit_in_finnish(open_page, staff):
    page = open_page(staff, locale="fi-FI")  # staff.language is "fi" (the default)
    title = "Tukholman opetusviraston opintomatka"
    visit, theme = _log_a_visit(
        page,
        lang="fi",
        title=title,
        save="Tallenna",
        end_error="Päättymispäivä ei voi olla ennen alkamispäivää.",
        crumb="Vierailut",
    )
    assert visit.kind == "technical"
    assert visit.host_unit == staff.unit  # the form's default: the user's own unit
    assert visit.responsible == staff
    assert visit.created_by == staff
    assert visit.start_date == datetime.date(2025, 6, 10)
    assert visit.end_date == datetime.date(2025, 6, 11)
    assert list(visit.themes.all()) == [theme]

    page.get_by_role("link", name="Vierailut", exact=True).first.click()
    expect(page.get_by_role("link", name=title)).to_be_visible()
    shot(page, "visit-list-fi")


def test_staff_logs_a_visit_in_english(open_page, staff):
    page = open_page(staff, locale="en-US")
    expect(page.locator("html")).to_have_attribute("lang", "fi")  # the user's saved language
    page.select_option("#language-select", "en")
    page.locator("#language-select").locator("xpath=..").get_by_role("button").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    staff.refresh_from_db()
    assert staff.language == "en"  # the choice is remembered for e-mails too

    title = "Study visit of the Stockholm education office"
    visit, _theme = _log_a_visit(
        page,
        lang="en",
        title=title,
        save="Save",
        end_error="The end date cannot be before the start date.",
        crumb="Visits",
    )
    assert visit.created_by == staff
    assert visit.group_size == 8
    shot(page, "visit-detail-en")


# --- 2. A visit request from arrival to debrief ------------------------------------


def _set_items(visit_request, phases, *, keep):
    """Mark the required items of these phases done, except those in `keep` (done in the
    browser)."""
    return (
        ChecklistItem.objects.filter(visit_request=visit_request, phase__in=phases, required=True)
        .exclude(pk__in=[item.pk for item in keep])
        .update(status=ItemStatus.DONE)
    )


def _tick_item_in_page(page, item):
    """The item's own "Done" button ticks it in place (htmx swaps the item)."""
    row = page.locator(f"#item-{item.pk}")
    # Named after its item (the label is in the reader's language).
    row.get_by_role("button", name=re.compile(r"^Done: \S")).click()
    expect(page.locator(f"#item-{item.pk}")).to_contain_text("Saved.")
    expect(page.locator(f"#item-{item.pk} .badge")).to_have_text("Done")
    item.refresh_from_db()
    assert item.status == ItemStatus.DONE


def _mark_selected_done(page, items):
    """Tick several items' checkboxes and mark them done with one button."""
    for item in items:
        checkbox = page.locator(f"#pick-{item.pk}")
        expect(checkbox).to_have_accessible_name(re.compile(r"^Select: \S"))
        checkbox.check()
    main_button(page, "Mark selected done").click()
    expect(page.locator("main")).to_contain_text(f"{len(items)} checklist items marked done.")
    for item in items:
        expect(page.locator(f"#item-{item.pk} .badge")).to_have_text("Done")
        item.refresh_from_db()
        assert item.status == ItemStatus.DONE


def _move_to(page, state_label: str):
    main_button(page, f"Move to: {state_label}").click()


def test_request_goes_from_arrival_to_debrief_in_the_browser(open_page, staff, kv):
    staff.language = "en"
    staff.save(update_fields=["language"])
    kv.language = "en"
    kv.save(update_fields=["language"])
    education = Theme.objects.get(slug="education")
    twin_cities = Theme.objects.get(slug="twin-cities")
    start = timezone.localdate() + datetime.timedelta(days=60)
    subject = "Ambassador of Sweden visits Espoo schools"

    # Unit staff registers the request.
    staff_page = open_page(staff, locale="en-US")
    staff_page.goto("/requests/new/")
    staff_page.select_option("#id_requester_type", "embassy")
    staff_page.fill("#id_requester_name", "Embassy of Sweden, protocol officer")
    staff_page.fill("#id_subject", subject)
    staff_page.select_option("#id_kind", "dignitary")
    staff_page.select_option("#id_dignitary_rank", "ambassador")
    staff_page.fill("#id_visitor", "H.E. the Ambassador of Sweden")
    staff_page.fill("#id_visiting_organisation", "Embassy of Sweden")
    staff_page.select_option("#id_country", "SE")
    staff_page.fill("#id_proposed_start", start.isoformat())
    staff_page.fill("#id_proposed_end", (start + datetime.timedelta(days=1)).isoformat())
    staff_page.fill("#id_group_size", "4")
    staff_page.fill("#id_language", "English")
    staff_page.check(f'input[name="themes"][value="{education.pk}"]')
    staff_page.check(f'input[name="themes"][value="{twin_cities.pk}"]')
    main_button(staff_page, "Save").click()
    expect(staff_page).to_have_url(re.compile(r"/requests/\d+/$"))
    expect(staff_page.locator("h1")).to_contain_text(subject)
    expect(staff_page.locator("h1 .badge").first).to_have_text("Received")
    expect(staff_page.get_by_role("button", name=re.compile("^Move to:"))).to_have_count(0)
    visit_request = VisitRequest.objects.get(subject=subject)
    assert visit_request.created_by == staff and visit_request.state == RequestState.RECEIVED
    url = f"/requests/{visit_request.pk}/"
    shot(staff_page, "request-1-received-staff")

    # kv-tiimi finds it in the list, reviews and evaluates it.
    kv_page = open_page(kv, locale="en-US")
    kv_page.goto("/requests/")
    kv_page.get_by_role("link", name=subject).click()
    expect(kv_page).to_have_url(re.compile(rf"{url}$"))
    _move_to(kv_page, "under review")
    expect(kv_page.locator("h1 .badge").first).to_have_text("Under review")
    kv_page.check('input[name="timely"][value="yes"]')
    kv_page.check('input[name="interesting"][value="yes"]')
    kv_page.check('input[name="significant"][value="yes"]')
    kv_page.check('input[name="national"][value="no"]')
    main_button(kv_page, "Save the evaluation").click()
    expect(kv_page.get_by_role("status").filter(has_text="Recommendation")).to_contain_text(
        "Accept where possible."
    )
    shot(kv_page, "request-2-under-review-kv")

    # kv-tiimi routes it to the staff member's unit and accepts it.
    kv_page.select_option("#id_host_unit", str(staff.unit_id))
    kv_page.select_option("#id_responsible", str(staff.pk))
    main_button(kv_page, "Confirm and notify").click()
    expect(kv_page.locator("main")).to_contain_text("Routing confirmed")
    _move_to(kv_page, "accepted")
    expect(kv_page.locator("h1 .badge").first).to_have_text("Accepted")
    expect(kv_page.locator("#checklist-h")).to_be_visible()
    shot(kv_page, "request-3-accepted-kv")
    visit_request.refresh_from_db()
    assert (visit_request.host_unit, visit_request.responsible) == (staff.unit, staff)
    values = summary(latest_response(visit_request, EVALUATION)).values
    assert (values["timely"], values["interesting"], values["national"]) == (True, True, False)

    # The responsible person plans; confirming is refused while required items are open.
    staff_page.reload()
    _move_to(staff_page, "planning")
    expect(staff_page.locator("h1 .badge").first).to_have_text("Planning")
    before = (ChecklistPhase.PLANNING, ChecklistPhase.INTERNAL)
    n_open = visit_request.checklist.filter(phase__in=before, required=True).count()
    _move_to(staff_page, "confirmed")
    refusal = staff_page.get_by_role("alert").filter(has_text="required checklist items")
    expect(refusal).to_contain_text(f"{n_open} required checklist items are still open")
    expect(staff_page.locator("h1 .badge").first).to_have_text("Planning")
    visit_request.refresh_from_db()
    assert visit_request.state == RequestState.PLANNING
    shot(staff_page, "request-4-confirm-refused-staff")

    in_browser = list(
        visit_request.checklist.filter(phase=ChecklistPhase.PLANNING, required=True)[:3]
    )
    assert _set_items(visit_request, before, keep=in_browser) > 0
    staff_page.goto(url)
    _tick_item_in_page(staff_page, in_browser[0])
    shot(staff_page, "request-5-item-saved-staff")
    _mark_selected_done(staff_page, in_browser[1:])

    staff_page.get_by_text("Add a guest", exact=True).click()
    staff_page.fill("#id_name", "Anna Andersson")
    staff_page.fill("#id_title", "Ambassador")
    staff_page.select_option("#id_role", "head")
    staff_page.fill("#id_dietary", "vegetarian")
    main_button(staff_page, "Add").click()
    expect(staff_page.locator("#guests-h ~ .table-responsive table")).to_contain_text(
        "Anna Andersson"
    )

    _move_to(staff_page, "confirmed")
    expect(staff_page.locator("h1 .badge").first).to_have_text("Confirmed")
    # The day of the visit comes: a request is completed only once its visit has started.
    today = timezone.localdate()
    VisitRequest.objects.filter(subject=subject).update(
        received_on=today, proposed_start=today, proposed_end=today
    )
    staff_page.reload()
    _move_to(staff_page, "completed")
    expect(staff_page.locator("h1 .badge").first).to_have_text("Completed")
    visit_link = staff_page.locator("dl.record").get_by_role("link", name=subject)
    expect(visit_link).to_have_attribute("href", re.compile(r"^/visits/\d+/$"))
    shot(staff_page, "request-6-completed-staff")

    after = visit_request.checklist.filter(phase=ChecklistPhase.AFTER, required=True).first()
    assert _set_items(visit_request, (ChecklistPhase.AFTER,), keep=[after]) > 0
    staff_page.reload()
    _tick_item_in_page(staff_page, after)
    _move_to(staff_page, "debriefed")
    expect(staff_page.locator("h1 .badge").first).to_have_text("Debriefed")
    expect(staff_page.get_by_role("button", name=re.compile("^Move to:"))).to_have_count(0)

    timeline = staff_page.locator("aside")
    for step in (
        "Request registered",
        "Received → under review",
        "Evaluation recorded",
        "Routed to",
        "Under review → accepted",
        "Accepted → planning",
        "Planning → confirmed",
        "Confirmed → completed",
        "Completed → debriefed",
    ):
        expect(timeline).to_contain_text(step)
    shot(staff_page, "request-7-debriefed-staff")

    visit_request.refresh_from_db()
    assert visit_request.state == RequestState.DEBRIEFED
    assert visit_request.guests.filter(name="Anna Andersson").count() == 1
    visit = visit_request.visit
    assert visit is not None and Visit.objects.filter(visit_request=visit_request).count() == 1
    assert (visit.title, visit.host_unit) == (subject, staff.unit)
    assert visit.status == VisitStatus.COMPLETED
    assert set(visit.themes.all()) == {education, twin_cities}
    assert list(visit_request.timeline.exclude(to_state="").values_list("to_state", flat=True)) == [
        RequestState.RECEIVED,
        RequestState.UNDER_REVIEW,
        RequestState.ACCEPTED,
        RequestState.PLANNING,
        RequestState.CONFIRMED,
        RequestState.COMPLETED,
        RequestState.DEBRIEFED,
    ]
    assert not visit_request.checklist.filter(
        required=True, status=ItemStatus.OPEN, phase__in=[*before, ChecklistPhase.AFTER]
    ).exists()


# --- 3. kv-tiimi's overview pages in Finnish ---------------------------------------


def test_dashboard_calendar_and_request_pages_in_finnish(open_page, kv, staff):
    """The overview pages render for kv-tiimi in Finnish with this month's work on them."""
    from visits.services.requests import checklist_generate

    from .factories import VisitFactory
    from .request_factories import VisitRequestFactory

    today = timezone.localdate()
    education = Theme.objects.get(slug="education")
    VisitRequestFactory(
        subject="Viron suurlähettilään tutustumiskäynti",
        received_on=today - datetime.timedelta(days=3),
        proposed_start=today + datetime.timedelta(days=10),
        themes=[education],
    )
    planning = VisitRequestFactory(
        subject="Ruotsin opetusministerin vierailu",
        state=RequestState.PLANNING,
        received_on=today - datetime.timedelta(days=40),
        proposed_start=today + datetime.timedelta(days=5),
        host_unit=staff.unit,
        responsible=staff,
        themes=[education],
    )
    checklist_generate(planning)
    planning.checklist.filter(phase=ChecklistPhase.PLANNING).update(
        due_date=today - datetime.timedelta(days=2), owner=staff
    )
    VisitFactory(title="Tallinnan kaupungin delegaatio", host_unit=staff.unit, start_date=today)

    page = open_page(kv, locale="fi-FI")
    page.goto("/dashboard/")
    expect(page.locator("h1")).to_have_text(
        "Yleisnäkymä"
    )  # the portal dashboard, with visits' panels
    expect(page.locator("main")).to_contain_text("Viron suurlähettilään tutustumiskäynti")
    expect(page.locator("main")).to_contain_text("Ruotsin opetusministerin vierailu")
    shot(page, "dashboard-fi")

    page.goto("/calendar/")
    expect(page.locator(f"#day-{today.isoformat()}")).to_contain_text(
        "Tallinnan kaupungin delegaatio"
    )
    shot(page, "calendar-fi")

    page.goto("/requests/")
    expect(page.get_by_role("link", name="Ruotsin opetusministerin vierailu")).to_be_visible()
    shot(page, "request-list-fi")

    page.goto(planning.get_absolute_url())
    expect(page.locator("h1 .badge").first).to_have_text("Suunnittelussa")
    expect(page.locator("#checklist-h")).to_be_visible()
    shot(page, "request-planning-fi")


def test_the_next_step_is_visible_without_scrolling_on_a_laptop_screen(open_page, staff):
    """1366×768: the workflow buttons sit at the top; the ~20 checklist items are one line
    each, so the planning page is not thousands of pixels of forms."""
    from visits.services.requests import checklist_generate
    from visits.tests.request_factories import VisitRequestFactory

    visit_request = VisitRequestFactory(
        host_unit=staff.unit, responsible=staff, state=RequestState.PLANNING
    )
    checklist_generate(visit_request)
    assert visit_request.checklist.count() >= 15
    staff.language = "en"
    staff.save(update_fields=["language"])
    page = open_page(staff, locale="en-US")
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"/requests/{visit_request.pk}/")
    expect(page.get_by_role("button", name=re.compile("^Move to: confirmed"))).to_be_in_viewport()
    expect(page.locator("#details-h")).to_be_in_viewport()
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 4000, height
    shot(page, "request-planning-compact")
