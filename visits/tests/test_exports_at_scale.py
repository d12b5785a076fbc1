"""The list exports read column by column (issue 12): the same rows and cells as the
django-tables2 export they replace, CSV streamed, Excel written in write-only mode, and
an export past the size limit built by a Celery job that only its requester downloads."""

import datetime
import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.http import FileResponse, StreamingHttpResponse
from django.utils import translation

from espoo_intl.export_jobs import ExportJob
from espoo_intl.testing import (
    assert_export_unchanged,
    body,
    csv_rows,
    tables2_export,
    xlsx_rows,
)
from espoo_intl.tests.factories import UserFactory
from visits.models import Theme, Visit, VisitRequest
from visits.tables import VisitRequestTable, VisitTable
from visits.tests.factories import VisitFactory
from visits.tests.request_factories import VisitRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def visits(unit, other_unit, staff):
    themes = list(Theme.objects.all()[:2])
    made = [
        VisitFactory(
            title="=HYPERLINK(\"x\")", host_unit=unit, responsible=staff, country="EE",
            start_date=datetime.date(2024, 3, 1), paid=True, invoiced_amount=Decimal("800"),
        ),
        VisitFactory(title="Tukholma & Uppsala", host_unit=other_unit, kind="dignitary",
                     dignitary_rank="minister", start_date=datetime.date(2023, 1, 5)),
        VisitFactory(title="Salainen", host_unit=other_unit, confidential=True),
    ]  # fmt: skip
    made[0].themes.set(themes)
    return made


@pytest.mark.parametrize("role", ["staff", "kv"])
def test_the_csv_export_has_the_same_rows_and_cells_as_before(client_for, users, visits, role):
    user = users[role]
    with translation.override("fi"):
        old = tables2_export(VisitTable, Visit.objects.for_user(user), "csv")
    response = client_for(user).get("/visits/?_export=csv")
    assert body(response).decode("utf-8") == old


@pytest.mark.parametrize("role", ["staff", "kv"])
def test_the_request_exports_are_unchanged_and_keep_confidential_requests_out(
    client_for, users, unit, other_unit, role
):
    """The request list's own column (notice, drawn as a badge on the page) now reads from
    stored values: every format has the cells django-tables2's export had, and a
    confidential request of another unit is in none of them for a member of staff."""
    themes = list(Theme.objects.all()[:2])
    VisitRequestFactory(
        subject="Pyyntö", host_unit=unit, informed_units=[unit], themes=themes,
        received_on=datetime.date(2025, 2, 20), proposed_start=datetime.date(2025, 3, 3),
    )  # fmt: skip
    VisitRequestFactory(
        subject="Samana päivänä", host_unit=unit,
        received_on=datetime.date(2025, 3, 3), proposed_start=datetime.date(2025, 3, 3),
    )  # fmt: skip
    VisitRequestFactory(
        subject="Salainen pyyntö", visitor="Salainen vieras", host_unit=other_unit,
        confidential=True, received_on=datetime.date(2025, 3, 1),
    )  # fmt: skip
    user = users[role]
    with translation.override("fi"):
        assert_export_unchanged(
            client_for(user), "/requests/", VisitRequestTable, VisitRequest.objects.for_user(user)
        )
    rows = csv_rows(client_for(user).get("/requests/?_export=csv"))
    notice = {r["Aihe"]: r["Ennakkoaika (päivää)"] for r in rows}
    assert notice["Pyyntö"] == "11" and notice["Samana päivänä"] == "0"
    secret = [b"Salainen pyynt", b"Salainen vieras"]
    for export_format in ("csv", "xlsx"):
        content = body(client_for(user).get(f"/requests/?_export={export_format}"))
        if export_format == "xlsx":
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                content = archive.read("xl/worksheets/sheet1.xml")
        assert any(s in content for s in secret) == (role == "kv")


def test_csv_is_streamed_and_keeps_formulas_as_text(client_for, kv, visits):
    response = client_for(kv).get("/visits/?_export=csv_excel")
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"] == 'attachment; filename="vierailut.csv"'
    text = body(response).decode("utf-8")
    assert text.startswith("\ufeff") and ";" in text.splitlines()[0]
    assert "'=HYPERLINK" in text


def test_excel_is_a_write_only_workbook_with_the_rows_and_date_cells(client_for, kv, visits):
    response = client_for(kv).get("/visits/?_export=xlsx&sort=start_date")
    assert isinstance(response, FileResponse)
    assert response["Content-Disposition"] == 'attachment; filename="vierailut.xlsx"'
    rows = xlsx_rows(response)
    assert [r["Otsikko"] for r in rows] == ["Tukholma & Uppsala", '\'=HYPERLINK("x")', "Salainen"]
    assert rows[1]["Alkamispäivä"] == datetime.datetime(2024, 3, 1)
    assert rows[1]["Maa"] == "Viro"
    assert rows[1]["Maksullinen asiantuntijavierailu"] == "kyllä"
    assert rows[0]["Arvovieraan asema"] == "ministeri"
    sheet = openpyxl.load_workbook(io.BytesIO(body(client_for(kv).get("/visits/?_export=xlsx"))))
    dates = [c for c in sheet.active["G"][1:] if isinstance(c.value, datetime.datetime)]
    assert dates and all(c.number_format == "dd.mm.yyyy" for c in dates)


def test_an_export_follows_the_filters_and_leaves_out_what_the_user_may_not_see(
    client_for, other_staff, staff, visits
):
    titles = {r["Otsikko"] for r in csv_rows(client_for(staff).get("/visits/?_export=csv"))}
    assert "Salainen" not in titles and len(titles) == 2
    rows = csv_rows(client_for(other_staff).get("/visits/?year=2023&_export=csv"))
    assert [r["Otsikko"] for r in rows] == ["Tukholma & Uppsala"]


@pytest.fixture
def small_limit(settings, tmp_path):
    settings.EXPORT_SYNC_MAX_ROWS = 0  # every export with a row becomes a job
    settings.MEDIA_ROOT = tmp_path


def test_a_big_export_is_prepared_by_a_job_and_downloaded_by_its_requester(
    client_for, staff, other_staff, kv, visits, small_limit, django_capture_on_commit_callbacks
):
    client = client_for(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get("/visits/?_export=xlsx&kind=technical")
    job = ExportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/exports/{job.pk}/"
    assert job.user == staff and job.query == "kind=technical"
    # CELERY_TASK_ALWAYS_EAGER: the job ran once the request's transaction committed.
    page = client.get(f"/exports/{job.pk}/").content.decode()
    assert f"/exports/{job.pk}/download/" in page
    download = client.get(f"/exports/{job.pk}/download/")
    assert download["Content-Disposition"] == 'attachment; filename="vierailut.xlsx"'
    # The staff member's view of the list: the other department's confidential visit is
    # not in it, nor the dignitary visit the filter leaves out.
    assert [r["Otsikko"] for r in xlsx_rows(download)] == ['\'=HYPERLINK("x")']
    for other in (other_staff, kv):
        assert client_for(other).get(f"/exports/{job.pk}/").status_code == 404
        assert client_for(other).get(f"/exports/{job.pk}/download/").status_code == 404


def test_a_big_csv_job_keeps_the_confidential_rows_of_those_who_may_see_them(
    client_for, kv, visits, small_limit, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(kv).get("/visits/?_export=csv")
    job = ExportJob.objects.get()
    rows = csv_rows(client_for(kv).get(f"/exports/{job.pk}/download/"))
    assert len(rows) == 3 and job.rows == 3


def test_a_job_not_ready_yet_says_so_and_offers_no_download(client_for, staff, small_limit):
    job = ExportJob.objects.create(
        user=staff, path="/visits/", export_format="csv", filename="vierailut.csv"
    )
    client = client_for(staff)
    page = client.get(f"/exports/{job.pk}/").content.decode()
    assert "download/" not in page and 'role="status"' in page
    assert client.get(f"/exports/{job.pk}/download/").status_code == 404


def test_other_users_rows_never_reach_an_export_job(
    client_for, small_limit, unit, django_capture_on_commit_callbacks
):
    someone = UserFactory(unit=unit)
    VisitFactory(title="Oma", host_unit=unit)
    VisitFactory(title="Toisen salainen", confidential=True)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(someone).get("/visits/?_export=csv")
    rows = csv_rows(client_for(someone).get(f"/exports/{ExportJob.objects.get().pk}/download/"))
    assert [r["Otsikko"] for r in rows] == ["Oma"]


def test_no_excel_cell_is_a_formula_and_every_row_is_whole(client_for, kv, visits):
    """Text is written as text (never a formula, whatever it starts with), and a row with
    empty cells is as long as the header in a strict reader too."""
    VisitFactory(title="+SUM(A1:A2)", host_unit=visits[0].host_unit)
    content = body(client_for(kv).get("/visits/?_export=xlsx"))
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert all(len(r) == len(rows[0]) for r in rows) and any(None in r for r in rows[1:])
    assert "'+SUM(A1:A2)" in {r[rows[0].index("Otsikko")] for r in rows[1:]}
