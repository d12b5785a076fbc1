"""SQLite, the embedded default, with people saving at once (issue 8): no "database is
locked" error and no lost row. The suite's own database is SQLite in memory, so this test
opens a file database of its own with the settings' SQLITE_OPTIONS."""

import datetime
import threading

import pytest
from django.contrib.sessions.models import Session
from django.db import connections, transaction

from espoo_intl.settings import SQLITE_OPTIONS

ALIAS = "concurrency"
WRITERS = 6
SAVES = 15


@pytest.fixture
def file_database(tmp_path, django_db_blocker):
    """A file SQLite database under the alias ALIAS, configured like the portal's."""
    config = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(tmp_path / "portal.sqlite3"),
        "OPTIONS": dict(SQLITE_OPTIONS),
    }
    configured = connections.configure_settings({"default": config, ALIAS: config})
    connections.settings[ALIAS] = configured[ALIAS]
    with django_db_blocker.unblock():
        with connections[ALIAS].schema_editor() as editor:
            editor.create_model(Session)
        yield connections[ALIAS]
        connections[ALIAS].close()
    del connections.settings[ALIAS]
    if hasattr(connections._connections, ALIAS):
        delattr(connections._connections, ALIAS)


def save_many(writer: int, start: threading.Barrier, errors: list):
    """Each save reads, then writes, in one transaction (as a service does)."""
    expires = datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)
    start.wait()
    try:
        for n in range(SAVES):
            with transaction.atomic(using=ALIAS):
                seen = Session.objects.using(ALIAS).count()
                Session.objects.using(ALIAS).create(
                    session_key=f"w{writer}-{n}", session_data=str(seen), expire_date=expires
                )
    except Exception as error:  # collected and asserted in the test's own thread
        errors.append(error)
    finally:
        connections[ALIAS].close()


def test_the_file_database_uses_the_write_ahead_log(file_database):
    with file_database.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 10_000


def test_concurrent_writers_all_succeed(file_database):
    start, errors = threading.Barrier(WRITERS), []
    threads = [threading.Thread(target=save_many, args=(w, start, errors)) for w in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Session.objects.using(ALIAS).count() == WRITERS * SAVES
    # Each save saw the rows committed before it: the counts read are all different.
    seen = sorted(
        int(d) for d in Session.objects.using(ALIAS).values_list("session_data", flat=True)
    )
    assert seen == list(range(WRITERS * SAVES))
