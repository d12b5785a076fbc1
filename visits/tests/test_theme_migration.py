"""Theme moved from visits into the core: the rows and every link to them survive."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("espoo_intl", "0003_user_calendar_token"), ("visits", "0006_request_created_by_label")]
AFTER = [("espoo_intl", "0004_theme"), ("visits", "0007_theme_to_core")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def back_to_latest():
    """Leave the database at the latest migrations, whatever the test did (else the flush
    after it meets tables the models no longer know)."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_theme_rows_and_links_survive_the_move_to_the_core(back_to_latest):
    old = migrate(BEFORE)
    OldTheme = old.get_model("visits", "Theme")
    seeded = dict(OldTheme.objects.values_list("slug", "pk"))
    assert "education" in seeded  # seeded by visits/0002_seed_themes
    unit = old.get_model("espoo_intl", "OrgUnit").objects.filter(kind="department").first()
    visit = old.get_model("visits", "Visit").objects.create(
        title="Tukholman vierailu", kind="expert", visiting_organisation="Stockholms stad",
        country="SE", host_unit=unit, start_date=datetime.date(2025, 3, 1),
        end_date=datetime.date(2025, 3, 2),
    )  # fmt: skip
    visit.themes.set([seeded["education"], seeded["culture"]])
    HistoricalVisit = old.get_model("visits", "HistoricalVisit")
    snapshot = HistoricalVisit.objects.create(
        id=visit.pk, title=visit.title, kind=visit.kind, country="SE", host_unit_id=unit.pk,
        visiting_organisation=visit.visiting_organisation, start_date=visit.start_date,
        end_date=visit.end_date, created_at=visit.created_at, updated_at=visit.updated_at,
        history_date=timezone.now(), history_type="+",
    )  # fmt: skip
    link = visit.themes.through.objects.get(visit=visit, theme_id=seeded["education"])
    old.get_model("visits", "HistoricalVisit_themes").objects.create(
        id=link.pk, history=snapshot, visit_id=visit.pk, theme_id=seeded["education"]
    )
    routed = dict(
        old.get_model("visits", "RoutingRule")
        .objects.filter(theme__isnull=False)
        .values_list("pk", "theme_id")
    )
    assert routed  # seeded by visits/0004_seed_request_rules

    new = migrate(AFTER)

    Theme = new.get_model("espoo_intl", "Theme")
    assert dict(Theme.objects.values_list("slug", "pk")) == seeded
    Visit = new.get_model("visits", "Visit")
    assert set(Visit.objects.get(pk=visit.pk).themes.values_list("slug", flat=True)) == {
        "education", "culture",
    }  # fmt: skip
    rows = new.get_model("visits", "HistoricalVisit_themes").objects.filter(visit_id=visit.pk)
    assert [row.theme.slug for row in rows] == ["education"]
    RoutingRule = new.get_model("visits", "RoutingRule")
    assert (
        dict(RoutingRule.objects.filter(theme__isnull=False).values_list("pk", "theme_id"))
        == routed
    )
    ContentType = new.get_model("contenttypes", "ContentType")
    assert not ContentType.objects.filter(app_label="visits", model="theme").exists()
