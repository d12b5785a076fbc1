import datetime

import factory

from espoo_intl.tests.factories import OrgUnitFactory
from visits.choices import VisitKind
from visits.models import Theme, Visit


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name_fi = factory.Sequence(lambda n: f"teema {n}")
    name_en = factory.Sequence(lambda n: f"theme {n}")


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visit

    title = factory.Sequence(lambda n: f"Vierailu {n}")
    kind = VisitKind.TECHNICAL
    visiting_organisation = "Stockholms stad"
    country = "SE"
    host_unit = factory.SubFactory(OrgUnitFactory, kind="department")
    start_date = datetime.date(2024, 5, 14)
    end_date = factory.LazyAttribute(lambda v: v.start_date)
    group_size = 12
