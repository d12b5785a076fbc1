"""`load_demo` brings the partnership register's demo data, once."""

import io

import pytest
from django.core.management import call_command

from espoo_intl.questionnaires import Response
from partnerships.choices import PartnershipKind, PartnershipStatus
from partnerships.demo import MOU_THEMES
from partnerships.models import Partnership, Project


@pytest.mark.django_db
def test_demo_loads_twin_cities_mou_agreements_assessments_and_projects(settings):
    settings.DEBUG = True
    call_command("load_demo", "--visits", "3", stdout=io.StringIO())

    twins = Partnership.objects.filter(kind=PartnershipKind.TWIN_CITY)
    assert twins.count() == 9
    kristianstad = twins.get(name__endswith="Kristianstad")
    assert kristianstad.status == PartnershipStatus.ACTIVE and "2019" in kristianstad.notes
    mou = Partnership.objects.get(kind=PartnershipKind.MOU)
    assert mou.start_date.year == 1999
    assert sorted(mou.themes.values_list("slug", flat=True)) == sorted(MOU_THEMES)
    assert Partnership.objects.filter(kind=PartnershipKind.AGREEMENT, level="department").count() >= 3  # fmt: skip
    years = {r.answered_at.year for r in Response.objects.filter(question_set__code="partnership-assessment")}  # fmt: skip
    assert len(years) >= 3
    assert Project.objects.count() >= 10

    call_command("load_demo", "--visits", "3", stdout=io.StringIO())
    assert Partnership.objects.filter(kind=PartnershipKind.TWIN_CITY).count() == 9
    assert Project.objects.count() == 10
