"""HR's staff diversity Excel: kv-tiimi downloads the result units, uploads the filled-in
file for a year; every row is checked and the file saved all or nothing, with the errors by
row and column (the checks of the submission's Excel round trip)."""

import html
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from espoo_intl.tests.factories import OrgUnitFactory
from metrics.models import StaffDiversity
from metrics.tests.conftest import finnish

pytestmark = pytest.mark.django_db

URL = "/metrics/diversity/import/"


@pytest.fixture
def units(department):
    return (
        OrgUnitFactory(
            kind="unit", parent=department, name_fi="Nuorisopalvelut", abbreviation="NUPA"
        ),
        OrgUnitFactory(kind="unit", parent=department, name_fi="Kirjastopalvelut"),
    )


def _file(*rows, percent_format=()):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["tulosyksikkö", "osuus", "henkilöstö"])
    for row in rows:
        sheet.append(list(row))
    for ref in percent_format:
        sheet[ref].number_format = "0.0%"
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("hr.xlsx", out.getvalue())


def test_kv_imports_hrs_figures_for_a_year(units, client_for, kv):
    youth, library = units
    StaffDiversity.objects.create(year=2024, unit=library, share=Decimal("3.0"), staff=10)
    template = client_for(kv).get("/metrics/diversity/template.xlsx?year=2024")
    sheet = openpyxl.load_workbook(io.BytesIO(template.content)).active
    listed = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert listed["Kirjastopalvelut"] == 3 and listed["Nuorisopalvelut"] is None

    upload = _file(("nupa", "7,5", 120), ("Kirjastopalvelut", 0.124, None), percent_format=("B3",))
    response = client_for(kv).post(URL, {"year": 2024, "file": upload})
    assert response.status_code == 302 and response["Location"].endswith("?year=2024")
    saved = {f.unit: (f.share, f.staff) for f in StaffDiversity.objects.filter(year=2024)}
    assert saved == {youth: (Decimal("7.5"), 120), library: (Decimal("12.4"), None)}
    page = client_for(kv).get("/metrics/diversity/?year=2024").content.decode()
    assert "Nuorisopalvelut" in page and "12,4" in page


def test_a_broken_file_saves_nothing_and_lists_errors_by_row_and_column(units, client_for, kv):
    youth, library = units
    StaffDiversity.objects.create(year=2024, unit=library, share=Decimal("3.0"))
    upload = _file(
        ("Kirjastopalvelut", "5", 10),  # fine, but not saved while others are wrong
        ("Tuntematon yksikkö", "5", 10),
        ("Nuorisopalvelut", "120", 10),
        ("NUPA", "4", 10),  # the same unit again
        ("", "", "=A1"),
    )
    response = client_for(kv).post(URL, {"year": 2024, "file": upload})
    assert response.status_code == 400
    errors = [(e.row, e.column) for e in response.context["upload_errors"]]
    share, unit, staff = (finnish(t) for t in ("share of staff speaking other languages (%)", "result unit", "staff"))  # fmt: skip
    assert errors == [(3, unit), (4, share), (5, unit), (6, staff)]
    page = html.unescape(response.content.decode())
    assert finnish("Unknown result unit “%(name)s”.", name="Tuntematon yksikkö") in page
    assert finnish("A percentage cannot be over 100.") in page
    assert StaffDiversity.objects.get().share == Decimal("3.0")  # nothing saved

    not_excel = SimpleUploadedFile("hr.xlsx", b"not a workbook")
    response = client_for(kv).post(URL, {"year": 2024, "file": not_excel})
    assert response.status_code == 400
    assert finnish("The file is not an Excel workbook (.xlsx).") in html.unescape(
        response.content.decode()
    )
    assert client_for(kv).post(URL, {"year": "x"}).status_code == 400


def test_only_kv_imports(units, client_for, staff, contact, lead):
    for user in (staff, contact, lead):
        assert (
            client_for(user).post(URL, {"year": 2024, "file": _file(("NUPA", "5", 1))}).status_code
            == 403
        )
        assert client_for(user).get("/metrics/diversity/template.xlsx").status_code == 403
        assert (
            "/metrics/diversity/import/"
            not in client_for(user).get("/metrics/diversity/").content.decode()
        )
    assert not StaffDiversity.objects.exists()


def test_the_import_form_is_on_the_page_once_and_not_in_its_title(units, client_for, kv):
    page = client_for(kv).get("/metrics/diversity/").content.decode()
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.startswith("Henkilöstön monimuotoisuus –") and "<" not in title
    assert page.count('action="/metrics/diversity/import/"') == 1
