"""Trigram indexes for the lists' free-text search on PostgreSQL (issue 12).

A register's search (espoo_intl.filtersets) asks `UPPER(column) LIKE UPPER('%word%')` of each
of its `search_fields`; a B-tree index cannot serve a pattern with a leading wildcard, so on
20,000 visits the search read the whole table twice (count and page). A GIN index of
`UPPER(column)` with pg_trgm's operator class serves exactly that expression.

Used from an app's migration:

    operations = [trigram_search_indexes("visits_visit", ["title", "follow_up"])]

On SQLite (the embedded default) the operation does nothing. Where the database role may not
create the pg_trgm extension, the indexes are skipped with a warning: the search still works,
only slower.
"""

import logging

from django.db import migrations, transaction

__all__ = ["trigram_search_indexes", "index_name"]

log = logging.getLogger(__name__)


def index_name(table: str, column: str) -> str:
    return f"{table}_{column}_trgm"[:63]


def trigram_search_indexes(table: str, columns: list[str]) -> migrations.RunPython:
    def forwards(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "postgresql":
            return
        quote = schema_editor.quote_name
        try:
            with transaction.atomic(using=connection.alias):
                schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except Exception as error:  # noqa: BLE001 - any refusal: the search works unindexed
            log.warning("pg_trgm not available (%s): %s searched without an index", error, table)
            return
        for column in columns:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {quote(index_name(table, column))} "
                f"ON {quote(table)} USING gin ((UPPER({quote(column)}::text)) gin_trgm_ops)"
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for column in columns:
            schema_editor.execute(
                f"DROP INDEX IF EXISTS {schema_editor.quote_name(index_name(table, column))}"
            )

    return migrations.RunPython(forwards, backwards)
