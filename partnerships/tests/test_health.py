"""Partnership health on the dashboard, linked records and the metrics' readers."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from espoo_intl.models import Theme
from espoo_intl.timeline import timeline_log
from partnerships import selectors, services
from partnerships.choices import PartnershipStatus, ProjectStatus
from partnerships.models import Partnership
from partnerships.tests.factories import PartnerFactory, PartnershipFactory, ProjectFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
LONG_AGO = timezone.now() - datetime.timedelta(days=3 * 365)


def _old_active(unit, name):
    partnership = PartnershipFactory(owning_unit=unit, name=name, status=PartnershipStatus.ACTIVE)
    Partnership.objects.filter(pk=partnership.pk).update(created_at=LONG_AGO)
    return partnership


def test_dashboard_shows_ending_review_and_silent_partnerships(client_for, kv, unit):
    day = datetime.timedelta(days=1)
    PartnershipFactory(owning_unit=unit, name="Päättyy pian", end_date=TODAY + 30 * day)
    PartnershipFactory(owning_unit=unit, name="Päättyy myöhemmin", end_date=TODAY + 200 * day)
    PartnershipFactory(owning_unit=unit, name="Arvioitava", review_date=TODAY + 80 * day)
    PartnershipFactory(
        owning_unit=unit, name="Päättynyt jo", end_date=TODAY + 10 * day, status="ended"
    )
    _old_active(unit, "Hiljainen kumppanuus")
    page = client_for(kv).get("/dashboard/").content.decode()
    assert "Päättyy pian" in page and "Arvioitava" in page and "Hiljainen kumppanuus" in page
    assert "Päättyy myöhemmin" not in page and "Päättynyt jo" not in page


def test_leadership_reads_the_panel_staff_have_no_dashboard(client_for, lead, staff, unit):
    _old_active(unit, "Hiljainen kumppanuus")
    assert "Hiljainen kumppanuus" in client_for(lead).get("/dashboard/").content.decode()
    assert client_for(staff).get("/dashboard/").status_code == 403


def test_any_sign_of_life_keeps_a_partnership_off_the_dormant_list(kv, unit):
    silent = _old_active(unit, "Hiljainen")
    assessed = _old_active(unit, "Arvioitu")
    services.partnership_assess(assessed, actor=kv, answers={})
    logged = _old_active(unit, "Kirjattu")
    timeline_log(logged, actor=kv, summary="Tapaaminen")
    with_project = _old_active(unit, "Projekti")
    ProjectFactory(lead_unit=unit, partnership=with_project)
    young = PartnershipFactory(owning_unit=unit, status=PartnershipStatus.ACTIVE)
    dormant = _old_active(unit, "Jo lepäävä")
    Partnership.objects.filter(pk=dormant.pk).update(status=PartnershipStatus.DORMANT)

    candidates = selectors.dormant_candidates(user=kv)
    assert candidates == [silent]
    assert young not in candidates


def test_partnership_page_lists_linked_records(client_for, staff, unit):
    partnership = PartnershipFactory(owning_unit=unit)
    ProjectFactory(lead_unit=unit, partnership=partnership, acronym="LINKED", name="Linkitetty")
    page = client_for(staff).get(partnership.get_absolute_url()).content.decode()
    assert "LINKED – Linkitetty" in page
    names = [r.name for r in selectors.linked_relations()]
    assert "projects" in names


def test_metric_readers(unit):
    sustainable = Theme.objects.get(slug="sustainable-development")
    p = ProjectFactory(
        lead_unit=unit,
        start_date=datetime.date(2023, 3, 1),
        end_date=datetime.date(2025, 2, 28),
        international_funding=Decimal("1000"),
        partners=[PartnerFactory(country="DE")],
    )
    p.themes.set([sustainable])
    ProjectFactory(
        lead_unit=unit,
        eu_funded=False,
        start_date=datetime.date(2024, 6, 1),
        end_date=None,
        international_funding=Decimal("500"),
        partners=[PartnerFactory(country="FI")],
    )
    ProjectFactory(lead_unit=unit, start_date=datetime.date(2024, 1, 1), status=ProjectStatus.PLANNED)  # fmt: skip

    assert selectors.projects_running_in(2022).count() == 0
    assert selectors.projects_running_in(2024).count() == 2
    assert selectors.international_funding_in(2024) == Decimal("1500")
    assert selectors.international_funding_in(2024, theme="sustainable-development") == Decimal("1000")  # fmt: skip
    assert selectors.eu_projects_started_in(2023) == 1
    assert selectors.eu_projects_started_in(2024) == 0  # the 2024 one is not EU-funded
    assert selectors.eu_funding_started_in(2023) == Decimal("1000")
    assert selectors.projects_with_international_partners_in(2024) == 1


def test_partnerships_for_linking_leave_out_ended(staff, unit):
    live = PartnershipFactory(owning_unit=unit)
    PartnershipFactory(owning_unit=unit, status=PartnershipStatus.ENDED)
    assert list(selectors.partnerships_for_linking(user=staff)) == [live]
