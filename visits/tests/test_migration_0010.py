"""Migration 0010 renames the fields that named a visit request `request` (and the protocol
matrix's Finnish columns): the rows stay, found under the new names."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from visits.models import Guest, ProtocolNotice, ProtocolRule, VisitRequest

BEFORE = [("visits", "0009_attachments_evaluation")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_guests_notices_and_the_protocol_matrix_survive_the_renaming():
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate(BEFORE)
    try:
        old = executor.loader.project_state(BEFORE).apps
        old_request = old.get_model("visits", "VisitRequest").objects.create(
            subject="Vanha pyyntö", requester_type="embassy", proposed_start="2025-03-03",
            proposed_end="2025-03-03", visitor="Ambassador", visiting_organisation="Embassy",
            country="SE",
        )  # fmt: skip
        old.get_model("visits", "Guest").objects.create(
            request=old_request, name="Ingrid Lindqvist", dietary="halal"
        )
        old.get_model("visits", "ProtocolNotice").objects.create(request=old_request, party="kj")
        old.get_model("visits", "ProtocolRule").objects.filter(rank="minister").update(
            kj=True, viestinta=False, kajo_kh=True, kv=False, turva=True
        )
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(leaves)

    visit_request = VisitRequest.objects.get(subject="Vanha pyyntö")
    guest = Guest.objects.get(visit_request=visit_request)
    assert (guest.name, guest.dietary) == ("Ingrid Lindqvist", "halal")
    [notice] = ProtocolNotice.objects.filter(visit_request=visit_request)
    assert notice.party == "kj"  # the stored party value is kept
    minister = ProtocolRule.objects.get(rank="minister")
    assert (
        minister.city_manager,
        minister.communications,
        minister.presidium,
        minister.kv_team,
        minister.security,
    ) == (True, False, True, False, True)
    assert minister.parties == ["kj", "kajo_kh", "turva"]
