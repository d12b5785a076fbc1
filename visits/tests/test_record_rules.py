"""The record rules with each field optional (espoo_intl.permissions): a register without a
unit, without a confidential flag, or with several contacts. Visits stand in for such
registers by swapping the attributes the rules read."""

import itertools

import pytest

from espoo_intl.permissions import can_change, in_reach, sees_confidential_parts

from .factories import VisitFactory
from .request_factories import VisitRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def confidential(other_unit):
    return VisitFactory(host_unit=other_unit, confidential=True, title="Salainen")


def test_without_a_confidential_flag_every_record_is_seen_by_everyone_signed_in(
    monkeypatch, staff, lead, confidential
):
    assert not in_reach(staff, confidential)
    monkeypatch.setattr(type(confidential), "confidential_field", None)

    assert in_reach(staff, confidential)
    assert in_reach(lead, confidential)
    assert not can_change(staff, confidential)  # seeing is not editing


def test_without_a_unit_no_department_edits_it_and_no_contact_reaches_it(
    monkeypatch, other_staff, other_contact, confidential
):
    confidential.confidential = False
    confidential.save()
    assert can_change(other_staff, confidential)
    monkeypatch.setattr(type(confidential), "unit_field", None)
    assert not can_change(other_staff, confidential)

    confidential.confidential = True
    confidential.save()
    assert not in_reach(other_contact, confidential)
    assert not sees_confidential_parts(other_contact, confidential)


def test_without_a_responsible_field_only_the_unit_rule_applies(
    monkeypatch, staff, unit, other_unit
):
    visit = VisitFactory(host_unit=other_unit, confidential=True, responsible=staff)
    assert in_reach(staff, visit)
    monkeypatch.setattr(type(visit), "responsible_field", None)

    assert not in_reach(staff, visit)
    assert not sees_confidential_parts(staff, visit)


@pytest.mark.parametrize("as_callable", [False, True], ids=["list", "callable"])
def test_several_contacts_each_reach_a_confidential_record(
    monkeypatch, staff, other_staff, contact, as_callable, other_unit
):
    """A network names several contacts: each of them sees it and its confidential parts."""
    visit = VisitFactory(
        host_unit=other_unit, confidential=True, responsible=other_staff, created_by=staff
    )
    names = ["responsible", "created_by"]
    monkeypatch.setattr(type(visit), "responsible_field", (lambda: names) if as_callable else names)
    monkeypatch.setattr(type(visit), "responsible_may_edit", True, raising=False)

    for user in (staff, other_staff):
        assert in_reach(user, visit)
        assert sees_confidential_parts(user, visit)
        assert can_change(user, visit)
    assert not in_reach(contact, visit)


def test_the_query_and_the_python_rule_agree_for_every_user_and_record(
    users, unit, other_unit, staff, other_staff, contact
):
    """One rule, read twice: whoever reaches a confidential request (other than as the
    person who registered it) also sees its confidential parts, and nobody else does."""
    people = [u for u in users.values() if u is not None]
    requests = [
        VisitRequestFactory(confidential=True, host_unit=host, responsible=resp, created_by=None)
        for host, resp in itertools.product([unit, other_unit, None], [staff, other_staff, None])
    ]
    for user, visit_request in itertools.product(people, requests):
        assert in_reach(user, visit_request) == sees_confidential_parts(user, visit_request), (
            user.username,
            visit_request.host_unit,
            visit_request.responsible,
        )
