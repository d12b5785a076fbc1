"""The test kit every app uses: the permission-matrix runner, export parsers and a
constant-query-count assertion.

An app's `tests/test_permissions.py` declares what its pages answer to whom::

    from espoo_intl.testing import expect, matrix_test, row

    RECORDS = {"thing": lambda ctx: ThingFactory(unit=ctx["unit"])}
    MATRIX = [
        row("GET", "/things/", expect(200)),
        row("GET", "/things/{thing}/edit/", expect(403, kv=200, administrator=200)),
    ]
    test_permissions = matrix_test(MATRIX, RECORDS)

`{name}` in a route is the pk of the record RECORDS[name] builds; builders run in the
order the route names them and each sees the role users, "unit", "other_unit" and the
records built before it. espoo_intl/tests/test_url_coverage.py fails when a URL pattern
of the project is in no app's MATRIX.
"""

import csv
import datetime
import io
import re
import socket
import string
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import strategies as st

__all__ = [
    "assert_yearly_figures_match",
    "broker_unreachable",
    "fresh_broker_connections",
    "spare_port",
    "HOSTILE_VALUES",
    "hostile_text",
    "hostile_form",
    "page_fields",
    "post_hostile",
    "SIGNED_IN",
    "ROLES",
    "Broken",
    "Row",
    "expect",
    "broken",
    "row",
    "matrix_test",
    "body",
    "csv_rows",
    "xlsx_rows",
    "xlsx_cells",
    "tables2_export",
    "assert_export_unchanged",
    "assert_constant_queries",
    "MAX_LIST_QUERIES",
]

SIGNED_IN = ("staff", "other_staff", "contact", "other_contact", "kv", "lead", "administrator")
ROLES = ("anonymous", *SIGNED_IN)


# --- the permission matrix -------------------------------------------------------------------


@dataclass(frozen=True)
class Broken:
    """The status a role should get, while today's code answers otherwise: the case runs as a
    strict xfail, so it turns into a failure the day the code is fixed and the mark stays."""

    status: int
    reason: str


def broken(status: int, reason: str) -> Broken:
    return Broken(status, reason)


def expect(default, *, anonymous=302, **by_role) -> dict:
    """Every signed-in role gets `default` unless named; anonymous is sent to log in (302)
    unless the route needs no sign-in. A value may be `broken(status, reason)`."""
    unknown = set(by_role) - set(SIGNED_IN)
    assert not unknown, f"unknown roles: {unknown}"
    return {"anonymous": anonymous} | {role: by_role.get(role, default) for role in SIGNED_IN}


@dataclass(frozen=True)
class Row:
    """One route and method, and the status each role gets. `data` is the POST body (empty by
    default); `deletes` says an allowed request (302) removes the record named last in the
    route, which every other case must leave in place. A 302 for anonymous (or on an admin
    page) must lead to `login_url`; None for routes that need no sign-in."""

    method: str
    route: str
    statuses: dict
    data: dict = field(default_factory=dict)
    deletes: bool = False
    login_url: str | None = "/accounts/login/"

    def record_names(self) -> list[str]:
        return [name for _text, name, _spec, _conv in string.Formatter().parse(self.route) if name]


def row(method: str, route: str, statuses: dict, **options) -> Row:
    if route.startswith("/admin/"):
        options.setdefault("login_url", "/admin/login/")
    options.setdefault("deletes", method == "POST" and route.endswith("/delete/"))
    return Row(method, route, statuses, **options)


def _cases(matrix: list[Row]) -> list:
    cases = []
    for entry in matrix:
        assert set(entry.statuses) == set(ROLES), f"{entry.route}: every role needs a status"
        for role, status in entry.statuses.items():
            case_id = f"{entry.method} {entry.route} {role}"
            if isinstance(status, Broken):
                mark = pytest.mark.xfail(strict=True, reason=status.reason)
                cases.append(pytest.param(role, entry, status.status, id=case_id, marks=mark))
            else:
                cases.append(pytest.param(role, entry, status, id=case_id))
    return cases


def matrix_test(matrix: list[Row], records: dict[str, Callable]) -> Callable:
    """A pytest test function running every (role, route, method) case of `matrix`. Assign
    it to a module-level name starting with `test_` so pytest collects it."""

    @pytest.mark.django_db
    @pytest.mark.parametrize(("role", "entry", "expected"), _cases(matrix))
    def test_role_gets_expected_status(role, entry, expected, users, unit, other_unit, client_for):
        ctx = users | {"unit": unit, "other_unit": other_unit}
        built = {}
        for name in entry.record_names():
            built[name] = ctx[name] = records[name](ctx)
        url = entry.route.format(**{name: record.pk for name, record in built.items()})

        client = client_for(users[role])
        if entry.method == "POST":
            response = client.post(url, entry.data)
        else:
            response = client.generic(entry.method, url)

        assert response.status_code == expected
        to_login = role == "anonymous" or entry.route.startswith("/admin/")
        if expected == 302 and to_login and entry.login_url:
            assert response["Location"].startswith(entry.login_url)
        # Only an allowed delete removes its record; every refused or empty POST leaves it.
        deleted = entry.deletes and expected == 302 and role != "anonymous"
        for position, record in enumerate(built.values(), start=1):
            gone = deleted and position == len(built)
            assert type(record).objects.filter(pk=record.pk).exists() is not gone

    return test_role_gets_expected_status


# --- exports ---------------------------------------------------------------------------------


def body(response) -> bytes:
    """The response's bytes, streamed (exports, downloads) or not."""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def csv_rows(response) -> list[dict[str, str]]:
    """A CSV export's rows as {header: value} (values as text)."""
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(body(response).decode("utf-8-sig"))))


def xlsx_rows(response) -> list[dict]:
    """An xlsx export's first sheet as {header: value} (values as openpyxl reads them)."""
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(body(response)), read_only=True).active
    header, *rows = sheet.iter_rows(values_only=True)
    return [dict(zip(header, values, strict=True)) for values in rows]


def xlsx_cells(content: bytes) -> tuple[list, list]:
    """A workbook's sheet names and every cell as (value, type, number format); an empty
    text cell reads as a blank one (a spreadsheet shows both alike)."""
    book = openpyxl.load_workbook(io.BytesIO(content))
    cells = [
        [
            (c.value, c.data_type, c.number_format) if c.value != "" else (None, "n", "General")
            for c in row
        ]
        for sheet in book.worksheets
        for row in sheet.iter_rows()
    ]
    return book.sheetnames, cells


def tables2_export(table_class, queryset, export_format: str):
    """The export as django-tables2 builds it, cell by cell through the table's `value_FOO`
    methods: how the list exports were built before issue 12, the reference for them.
    One difference is kept on purpose: django-tables2 wrote its "—" for an empty date
    (the default of its date template); the list exports leave the cell empty."""
    from django.test import RequestFactory
    from django_tables2 import RequestConfig

    from .exports import SafeTableExport

    table = table_class(queryset, default="")
    RequestConfig(RequestFactory().get("/"), paginate=False).configure(table)
    return SafeTableExport(export_format, table).export()


def assert_export_unchanged(client, url: str, table_class, queryset) -> None:
    """The list's export (`url` without ?_export) in every format has the same cells as
    django-tables2's export of the same table over `queryset`."""
    for export_format in ("csv", "csv_excel"):
        response = client.get(f"{url}?_export={export_format}")
        assert response.status_code == 200
        expected = tables2_export(table_class, queryset, export_format)
        assert body(response).decode("utf-8") == expected, export_format
    response = client.get(f"{url}?_export=xlsx")
    assert response.status_code == 200
    (names, cells), (expected_names, expected_cells) = (
        xlsx_cells(body(response)),
        xlsx_cells(tables2_export(table_class, queryset, "xlsx")),
    )
    assert len(names) == len(expected_names) == 1  # django-tables2 names it after the model
    differ = [
        (i, j, got, want)
        for i, (row, expected_row) in enumerate(zip(cells, expected_cells, strict=True))
        for j, (got, want) in enumerate(zip(row, expected_row, strict=True))
        if got != want
    ]
    assert not differ, differ


# --- query counts ----------------------------------------------------------------------------


MAX_LIST_QUERIES = 15  # issue 12: a list page (or its export) makes at most this many


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        body(response)  # a streamed export reads its rows while it is sent
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return len(queries.captured_queries)


def assert_rows_as_django_tables2(response) -> None:
    """A list page's rows, drawn by the fast cell path (portal_lists.table_rows), are the
    same HTML as django-tables2's own get_cell gives for every cell."""
    from espoo_intl.templatetags.portal_lists import rows_html

    body(response)
    table = response.context["table"]
    slow = rows_html(table, fast=False)
    assert slow, "the page lists no rows to compare"
    fast = rows_html(table)
    # django-tables2 numbers the rows across iterations of one table: odd/even is not ours.
    parity = re.compile(r'<tr class="(odd|even)"')
    assert parity.sub("<tr", fast) == parity.sub("<tr", slow)


def assert_constant_queries(
    client, url: str, *, grow: Callable[[int], object], most: int = MAX_LIST_QUERIES
) -> None:
    """The page costs as many queries with 30 rows as with 3 (`grow(n)` adds n rows), and
    no more than `most`; and a list's rows are drawn as django-tables2 draws them."""
    grow(3)
    body(client.get(url))  # warm caches that are filled once per process, not per request
    few = _queries(client, url)
    grow(27)
    many = _queries(client, url)
    assert many == few, f"{url}: {few} queries with 3 rows, {many} with 30"
    assert many <= most, f"{url}: {many} queries (at most {most})"
    response = client.get(url)
    if response.context and "table" in response.context:
        assert_rows_as_django_tables2(response)


def spare_port() -> int:
    """A loopback port nothing listens on (bound, read and released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fresh_broker_connections(app) -> None:
    """Forget the app's connection and producer pools so the next publish connects to the
    broker URL now configured (kombu keeps its pools by URL; none is closed)."""
    app._pool = None
    app.amqp._producer_pool = None


@contextmanager
def broker_unreachable():
    """Inside the block tasks really go to a broker (no eager mode), and the broker is a
    Redis URL on a closed loopback port: every publish fails as in an outage."""
    from . import celery_app

    conf = celery_app.conf
    saved = (conf.broker_url, conf.broker_transport_options, conf.task_always_eager)
    conf.broker_url = f"redis://127.0.0.1:{spare_port()}/0"
    conf.broker_transport_options = {}
    conf.task_always_eager = False
    fresh_broker_connections(celery_app)
    try:
        yield
    finally:
        conf.broker_url, conf.broker_transport_options, conf.task_always_eager = saved
        fresh_broker_connections(celery_app)


# --- hostile input --------------------------------------------------------------------------

HOSTILE_VALUES = [
    "\x00", "a\x00b", "\x07\x1b[31m", "\r\n\t", "\u202e\u200b\ufeff",
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE espoo_intl_user; --", "1 OR 1=1", "%s%s%n",
    "9" * 400, "-" + "9" * 40, "1e309", "-1", "0", "NaN", "Infinity", "2147483648",
    "9999-12-31", "0001-01-01", "10000-01-01", "2025-02-30", "31.12.99999",
    "x" * 10000, "ä" * 300, "[]", "{}", "true", "None", "=HYPERLINK(\"http://x\")",
    "../../etc/passwd",
]  # fmt: skip


def hostile_text():
    """Random and hostile form values: control characters (NUL too), markup, SQL, huge
    numbers, far and impossible dates, very long strings, wrong types as text."""
    return st.one_of(
        st.sampled_from(HOSTILE_VALUES),
        st.text(max_size=60),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
        st.dates(min_value=datetime.date(1, 1, 1)).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(str),
    )


def hostile_form(base: dict):
    """A form's values where each field keeps its valid value or gets a hostile one."""
    return st.fixed_dictionaries(
        {k: st.one_of(st.just(v), hostile_text()) for k, v in base.items()}
    )


class _Fields(HTMLParser):
    def __init__(self):
        super().__init__()
        self.values, self._textarea, self._select = {}, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                self.values.setdefault(name, "")
            else:
                self.values[name] = a.get("value") or ""
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = ""
        elif tag == "select" and name:
            self._select = name
            self.values.setdefault(name, "")
        elif (
            tag == "option" and self._select and ("selected" in a or not self.values[self._select])
        ):
            self.values[self._select] = a.get("value") or ""

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None


def page_fields(html: str, skip=("csrfmiddlewaretoken", "language", "next")) -> dict:
    """The fields of every form on a page with the values the page offers."""
    parser = _Fields()
    parser.feed(html)
    return {k: v for k, v in parser.values.items() if k not in skip}


def post_hostile(client, url: str, values: dict, *, model=None):
    """POST the values: the answer is a page (errors or a success), never a server error,
    and a refused form stores no `model` row."""
    before = model._default_manager.count() if model is not None else None
    response = client.post(url, values)
    assert response.status_code < 500, (url, values)
    if model is not None and response.status_code not in (301, 302, 303):
        assert model._default_manager.count() == before, (url, values)
    return response


def assert_yearly_figures_match(module, years, *, most_queries: int) -> None:
    """An app's `yearly_figures(years)` (its indicators counted for all years at once, in at
    most `most_queries` queries) gives, for every indicator it declares and every year, the
    figure its `records(year)` gives."""
    with CaptureQueriesContext(connection) as ctx:
        batch = module.yearly_figures(list(years))
    assert len(ctx) <= most_queries, f"{len(ctx)} queries (at most {most_queries})"
    for item in module.INDICATORS:
        for year in years:
            records = item.records(year)
            expected = item.value(records) if item.value else records.count()
            found = batch[item.code][year]
            assert (found, type(found)) == (expected, type(expected)), (item.code, year)
