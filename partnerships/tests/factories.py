import datetime
from decimal import Decimal

import factory

from partnerships.choices import PartnershipKind, PartnershipLevel, ProjectStatus
from partnerships.models import Partner, Partnership, Project

__all__ = ["PartnerFactory", "PartnershipFactory", "ProjectFactory"]


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Kumppanikaupunki {n}")
    kind = "city"
    country = "SE"
    city = "Kristianstad"


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Yhteistyösopimus {n}")
    kind = PartnershipKind.AGREEMENT
    level = PartnershipLevel.DEPARTMENT
    start_date = datetime.date(2024, 1, 1)

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        if create:
            self.partners.set(extracted if extracted is not None else [PartnerFactory()])


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Kaupunkidataprojekti {n}")
    acronym = factory.Sequence(lambda n: f"CITY{n}")
    programme = "horizon_europe"
    eu_funded = True
    start_date = datetime.date(2024, 3, 1)
    end_date = datetime.date(2026, 2, 28)
    total_budget = Decimal("1000000")
    espoo_share = Decimal("200000")
    international_funding = Decimal("150000")
    status = ProjectStatus.RUNNING

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        if create and extracted:
            self.partners.set(extracted)
