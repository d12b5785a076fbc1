"""visits 0008: every RequestEvent row moves to the core timeline, then the table goes."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

MIGRATION = ("visits", "0008_timeline_version")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_old_request_log_is_copied_to_the_timeline():
    executor = MigrationExecutor(connection)
    before = [p.key for p in executor.loader.graph.node_map[MIGRATION].parents]
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate(before)
    old = MigrationExecutor(connection).loader.project_state(before).apps
    unit = old.get_model("espoo_intl", "OrgUnit").objects.create(kind="group", name_fi="Espoo")
    user = old.get_model("espoo_intl", "User").objects.create(username="kv-old", unit=unit)
    visit_request = old.get_model("visits", "VisitRequest").objects.create(
        subject="Tallinnan delegaatio",
        requester_type="embassy",
        proposed_start=datetime.date(2025, 5, 5),
        proposed_end=datetime.date(2025, 5, 5),
        visitor="Mayor",
        visiting_organisation="Tallinn",
        country="EE",
    )
    at = timezone.now() - datetime.timedelta(days=3)
    event = old.get_model("visits", "RequestEvent").objects.create(
        request=visit_request,
        actor=user,
        summary="Informed: %(party)s",
        params={"party": "kv"},
        from_state="received",
        to_state="under_review",
        reason="Kiire",
    )
    type(event).objects.filter(pk=event.pk).update(at=at)

    executor = MigrationExecutor(connection)
    executor.migrate(leaves)

    new = MigrationExecutor(connection).loader.project_state(leaves).apps
    [entry] = new.get_model("espoo_intl", "TimelineEntry").objects.all()
    assert entry.content_type.model == "visitrequest"
    assert entry.object_id == visit_request.pk
    assert (entry.actor_id, entry.at, entry.summary, entry.params) == (
        user.pk,
        at,
        "Informed: %(party)s",
        {"party": "kv"},
    )
    assert (entry.from_state, entry.to_state, entry.reason) == ("received", "under_review", "Kiire")
    assert "visits_requestevent" not in connection.introspection.table_names()
