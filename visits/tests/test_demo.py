"""`load_demo` gives visits that read like Espoo's, around the day it runs."""

import datetime
import io

import pytest
from django.core.management import call_command

from visits.models import Visit, VisitRequest


@pytest.mark.django_db
def test_demo_visits_are_around_today_and_no_request_arrives_in_the_future(settings):
    settings.DEBUG = True
    call_command("load_demo", "--visits", "40", stdout=io.StringIO())

    today = datetime.date.today()
    assert VisitRequest.objects.exists()
    assert not VisitRequest.objects.filter(received_on__gt=today).exists()
    upcoming = Visit.objects.filter(
        start_date__gte=today, start_date__lte=today + datetime.timedelta(30)
    )
    assert upcoming.count() >= 5
    assert Visit.objects.filter(start_date__year=today.year, start_date__month=today.month).exists()
    assert Visit.objects.filter(start_date__lt=today - datetime.timedelta(365)).exists()
    titles = set(Visit.objects.values_list("title", flat=True))
    assert "Ystävyyskaupunkidelegaatio" in titles or "Asiantuntijavierailu: kaukolämpö" in titles
