"""The visit list: filters, sorting, pages, exports and its cost in queries."""

import datetime
import re
from urllib.parse import urlencode

import pytest
from django.db import connection

from espoo_intl.testing import assert_constant_queries, csv_rows, xlsx_rows
from espoo_intl.tests.factories import UserFactory
from visits.models import Theme
from visits.tables import VisitTable
from visits.tests.factories import VisitFactory
from visits.tests.test_visit_forms import in_language

# Depends on the Finnish translations (locale/fi): the list page's heading.
FI_VISITS = "Vierailut"

STOCKHOLM = "Tukholman koulutusvierailu"
TALLINN = "Tallinnan terveysdelegaatio"
BEIJING = "Pekingin arvovierailu"


def listed_titles(response) -> list[str]:
    """The visit titles in the list table, in order (each links to its visit)."""
    assert response.status_code == 200
    return re.findall(r'<a href="/visits/\d+/">([^<]*)</a>', response.content.decode())


@pytest.fixture
def three_visits(department, unit, other_unit):
    """Three visits that differ in every filtered attribute."""
    VisitFactory(
        title=STOCKHOLM,
        host_unit=unit,
        kind="technical",
        country="SE",
        visiting_organisation="Stockholms stad",
        start_date=datetime.date(2024, 5, 14),
        status="completed",
        paid=True,
        invoiced_amount="1200.00",
    ).themes.set([Theme.objects.get(slug="education")])
    VisitFactory(
        title=TALLINN,
        host_unit=other_unit,
        kind="city_delegation",
        country="EE",
        visiting_organisation="Tallinna Linnavalitsus",
        start_date=datetime.date(2023, 3, 1),
        status="planned",
    ).themes.set([Theme.objects.get(slug="health-wellbeing")])
    VisitFactory(
        title=BEIJING,
        host_unit=department,  # the department itself, not one of its units
        kind="dignitary",
        dignitary_rank="ambassador",
        country="CN",
        visiting_organisation="Embassy of China in Finland",
        start_date=datetime.date(2025, 9, 10),
        status="cancelled",
        follow_up="Vastavierailu Shanghaihin sovittu.",
    )


# (query, titles listed). "{name}" in a value is the pk of that unit or theme.
FILTERS = [
    pytest.param({}, {STOCKHOLM, TALLINN, BEIJING}, id="no-filter"),
    pytest.param({"year": "2023"}, {TALLINN}, id="year"),
    pytest.param({"kind": "dignitary"}, {BEIJING}, id="kind"),
    pytest.param({"country": "EE"}, {TALLINN}, id="country"),
    pytest.param({"host_unit": "{unit}"}, {STOCKHOLM}, id="host-unit"),
    pytest.param({"host_unit": "{department}"}, {STOCKHOLM, BEIJING}, id="department-with-units"),
    pytest.param({"theme": "{education}"}, {STOCKHOLM}, id="theme"),
    pytest.param({"status": "cancelled"}, {BEIJING}, id="status"),
    pytest.param({"q": "stockholms"}, {STOCKHOLM}, id="search-organisation"),
    pytest.param({"q": "terveysdelegaatio"}, {TALLINN}, id="search-title"),
    pytest.param({"q": "shanghaihin"}, {BEIJING}, id="search-follow-up"),
    pytest.param({"q": "vastavierailu tallinna"}, set(), id="search-needs-every-word"),
    pytest.param({"kind": "technical", "year": "2023"}, set(), id="filters-combine"),
]


def _query(params: dict, keys: dict) -> str:
    return urlencode({name: value.format(**keys) for name, value in params.items()})


@pytest.fixture
def filter_keys(department, unit):
    return {
        "department": department.pk,
        "unit": unit.pk,
        "education": Theme.objects.get(slug="education").pk,
    }


@pytest.mark.django_db
@pytest.mark.parametrize(("params", "expected"), FILTERS)
def test_filter_narrows_the_list(client_for, staff, three_visits, filter_keys, params, expected):
    response = client_for(staff).get(f"/visits/?{_query(params, filter_keys)}")

    assert set(listed_titles(response)) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(("params", "expected"), FILTERS)
def test_csv_export_holds_the_filtered_rows_only(
    client_for, staff, three_visits, filter_keys, params, expected
):
    query = _query(params | {"_export": "csv"}, filter_keys)

    rows = csv_rows(client_for(staff).get(f"/visits/?{query}"))

    assert {[*row.values()][0] for row in rows} == expected  # the first column: title


@pytest.mark.django_db
def test_sorting_by_start_date_orders_the_list(client_for, staff, three_visits):
    client = client_for(staff)

    assert listed_titles(client.get("/visits/?sort=start_date")) == [TALLINN, STOCKHOLM, BEIJING]
    assert listed_titles(client.get("/visits/?sort=-start_date")) == [BEIJING, STOCKHOLM, TALLINN]
    assert listed_titles(client.get("/visits/?sort=title")) == [BEIJING, TALLINN, STOCKHOLM]


@pytest.mark.django_db
def test_list_shows_newest_visits_first_by_default(client_for, staff, three_visits):
    assert listed_titles(client_for(staff).get("/visits/")) == [BEIJING, STOCKHOLM, TALLINN]


@pytest.mark.django_db
def test_list_pages_by_25(client_for, staff, unit):
    for day in range(30):
        VisitFactory(
            host_unit=unit,
            title=f"Opintomatka {day + 1:02d}",
            start_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=day),
        )
    client = in_language(client_for(staff), "en")

    first = client.get("/visits/?sort=title")
    second = client.get("/visits/?sort=title&page=2")

    assert listed_titles(first) == [f"Opintomatka {n:02d}" for n in range(1, 26)]
    assert listed_titles(second) == [f"Opintomatka {n:02d}" for n in range(26, 31)]
    assert "30 records" in first.content.decode()


@pytest.mark.django_db
def test_export_holds_every_row_not_just_the_page(client_for, staff, unit):
    VisitFactory.create_batch(30, host_unit=unit)

    rows = xlsx_rows(client_for(staff).get("/visits/?_export=xlsx"))

    assert len(rows) == 30


@pytest.mark.django_db
def test_xlsx_export_holds_filtered_rows_with_every_column(client_for, staff, three_visits):
    client = in_language(client_for(staff), "en")

    rows = xlsx_rows(client.get("/visits/?kind=technical&_export=xlsx"))

    assert len(rows[0]) == len(VisitTable.Meta.fields)
    for column in ("Title", "Responsible person", "Themes", "Invoiced amount (EUR)", "Status"):
        assert column in rows[0]
    assert [row["Title"] for row in rows] == [STOCKHOLM]
    row = rows[0]
    assert row["Invoiced amount (EUR)"] == 1200
    assert row["Group size"] == 12
    assert row["Themes"] == "education"


@pytest.mark.django_db
def test_csv_export_has_every_column(client_for, staff, three_visits):
    client = in_language(client_for(staff), "en")

    rows = csv_rows(client.get("/visits/?kind=technical&_export=csv"))

    assert len(rows[0]) == len(VisitTable.Meta.fields)
    row = rows[0]
    assert row["Invoiced amount (EUR)"] == "1200.00"
    assert row["Country"] == "Sweden"


def _add_visits(count: int, unit, themes) -> None:
    for _ in range(count):
        visit = VisitFactory(host_unit=unit, responsible=UserFactory(unit=unit))
        visit.themes.set(themes)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/visits/", "/visits/?_export=csv", "/visits/?_export=xlsx"])
def test_list_query_count_does_not_grow_with_rows(client_for, staff, unit, url):
    themes = list(Theme.objects.all()[:2])

    assert_constant_queries(client_for(staff), url, grow=lambda n: _add_visits(n, unit, themes))


@pytest.mark.django_db
def test_list_page_in_finnish_says_vierailut(client_for, staff, unit):
    """Depends on the Finnish translations (FI_VISITS)."""
    VisitFactory(host_unit=unit)

    response = in_language(client_for(staff), "fi").get("/visits/")

    assert response.status_code == 200
    assert f">{FI_VISITS}</h1>" in response.content.decode()


@pytest.mark.django_db
def test_list_page_in_english_says_visits(client_for, staff, unit):
    VisitFactory(host_unit=unit)

    response = in_language(client_for(staff), "en").get("/visits/")

    assert ">Visits</h1>" in response.content.decode()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="trigram indexes exist on PostgreSQL only"
)
def test_the_search_is_served_by_the_trigram_indexes_on_postgresql(client_for, staff, unit):
    """The search's `UPPER(column) LIKE '%word%'` matches the indexes of migration 0018, so
    PostgreSQL can answer it without reading the whole table (issue 12)."""
    from visits.filtersets import VisitFilterSet
    from visits.models import Visit

    VisitFactory(title="Tallinnan terveysdelegaatio", host_unit=unit)
    queryset = VisitFilterSet({"q": "delegaatio"}, queryset=Visit.objects.all()).qs
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # as on a big table
        plan = queryset.order_by().explain()  # as the count asks it
    for column in VisitFilterSet.search_fields:
        assert f"visits_visit_{column}_trgm" in plan, plan
    assert [v.title for v in queryset] == ["Tallinnan terveysdelegaatio"]
