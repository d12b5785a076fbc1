from django.db import migrations

from espoo_intl.search_indexes import trigram_search_indexes


class Migration(migrations.Migration):
    """The visit list's search (VisitFilterSet.search_fields) served by trigram indexes on
    PostgreSQL; nothing on SQLite (issue 12)."""

    dependencies = [
        ("visits", "0017_list_indexes"),
    ]

    operations = [
        trigram_search_indexes("visits_visit", ["title", "visiting_organisation", "follow_up"]),
    ]
