"""The demo data: 2020–2025 approved with some values missing, the current year open."""

import pytest
from django.utils import timezone

from metrics import demo
from metrics.models import Indicator, ReportingPeriod, StaffDiversity, Submission, Value

pytestmark = pytest.mark.django_db


def test_demo_periods_values_and_states(kv):
    assert "reporting periods" in demo.load(users={"kv": kv}, options={})
    years = list(ReportingPeriod.objects.order_by("year").values_list("year", "is_open"))
    assert years == [(y, False) for y in range(2020, 2026)] + [(timezone.localdate().year, True)]
    approved = Value.objects.filter(submission__state="approved")
    typed = Indicator.objects.filter(derived=False)
    assert set(approved.values_list("indicator__code", flat=True)) == set(
        typed.values_list("code", flat=True)
    )
    assert approved.filter(number=None, text="").exists()  # some missing
    current = Submission.objects.filter(period__is_open=True)
    assert (
        current.filter(state="returned").count() == 1 and current.filter(state="submitted").exists()
    )
    assert (
        not Submission.objects.exclude(highlights_fi="").filter(period__is_open=False).count() < 6
    )
    assert StaffDiversity.objects.filter(year=2025).exists()
    assert demo.load(users={"kv": kv}, options={}).startswith("0")  # a second run adds nothing
