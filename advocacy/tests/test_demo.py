"""The demo loader: every kind in several states over 2024–2026, a Eurocities joint
statement that went to the city manager, notes for the ten development items; twice is once."""

import pytest

from advocacy import demo
from advocacy.choices import DecisionRole, Kind
from advocacy.choices import State as S
from advocacy.models import AdvocacyItem, ProgressNote


@pytest.mark.django_db
def test_demo_data(staff, other_staff, kv):
    users = {"kv": kv, "staff": staff, "staff-sote": other_staff, "staff-kym": staff}
    demo.load(users=users, options={})
    items = AdvocacyItem.objects.all()
    for kind in Kind.values:
        assert items.filter(kind=kind).values("state").distinct().count() >= 2
    assert {i.deadline.year for i in items} == {2024, 2025, 2026}
    eurocities = items.filter(kind=Kind.JOINT, requester_detail="Eurocities")
    assert eurocities.filter(state=S.CITY_MANAGER).exists()
    assert eurocities.filter(decisions__role=DecisionRole.CITY_MANAGER, state=S.SENT).exists()
    assert ProgressNote.objects.values("item").distinct().count() == 10
    for item in items:
        item.full_clean()  # the demo's items are valid items
    count = items.count()
    assert "already" in demo.load(users=users, options={})
    assert AdvocacyItem.objects.count() == count
