"""Fixtures of the metrics tests: an open reporting period and the test department's
submission (it also provides a scale, a percent and a text indicator)."""

import datetime

import pytest
from django.utils import timezone

from metrics.models import Indicator, Provider, Submission
from metrics.services import period_open

YEAR = 2025


@pytest.fixture
def deadline():
    return timezone.localdate() + datetime.timedelta(days=30)


@pytest.fixture
def own_provider(department):
    """The test department's provider, also giving a scale, a percent and a text figure."""
    provider = Provider.objects.create(unit=department, name_fi=department.name_fi)
    provider.indicators.add(*Indicator.objects.filter(code__in=["C4.1", "C6.1", "B1.1"]))
    return provider


@pytest.fixture
def submission(own_provider, kv, contact, deadline, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        period_open(year=YEAR, deadline=deadline, actor=kv)
    return Submission.objects.get(provider=own_provider)


def finnish(message: str, **params) -> str:
    """A message as a Finnish user reads it (the catalogues may translate it later)."""
    from django.utils import translation

    with translation.override("fi"):
        text = translation.gettext(message)
    return text % params if params else text
