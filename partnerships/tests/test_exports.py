"""The partner and project exports read their own columns from values (issue 12): the
same cells as django-tables2's export gave, in every format."""

import pytest
from django.utils.translation import override

from espoo_intl.testing import assert_export_unchanged, body, csv_rows
from partnerships.models import Partner, Project
from partnerships.tables import PartnerTable, ProjectTable
from partnerships.tests.factories import PartnerFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_the_partner_export_keeps_its_website_column(client_for, kv):
    PartnerFactory(name="Tukholma & Uppsala", website="https://example.org/?a=1&b=2")
    PartnerFactory(name="=Kaava", website="", country="EE")
    with override("fi"):
        assert_export_unchanged(client_for(kv), "/partners/", PartnerTable, Partner.objects.all())
    text = body(client_for(kv).get("/partners/?_export=csv")).decode()
    assert "https://example.org/?a=1&b=2" in text


def test_the_project_export_lists_each_partner_country_once(client_for, staff, unit):
    swedes = [PartnerFactory(country="SE"), PartnerFactory(country="SE")]
    estonian = PartnerFactory(country="EE")
    ProjectFactory(name="Kaksi maata", lead_unit=unit, partners=[*swedes, estonian])
    ProjectFactory(name="Ei kumppaneita", lead_unit=unit)
    ProjectFactory(name="Yksi maa", lead_unit=unit, partners=[swedes[1]])
    with override("fi"):
        assert_export_unchanged(
            client_for(staff), "/projects/", ProjectTable, Project.objects.all()
        )
    rows = {r["Nimi"]: r["Maat"] for r in csv_rows(client_for(staff).get("/projects/?_export=csv"))}
    assert rows == {"Kaksi maata": "Ruotsi, Viro", "Ei kumppaneita": "", "Yksi maa": "Ruotsi"}
