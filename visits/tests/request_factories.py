"""factory_boy factories for visit requests and their planning records.

The factories write rows directly (no services, no e-mails), so a test can put a request
in any state it needs and then drive the service under test.
"""

import datetime

import factory

from visits.choices import (
    ChecklistPhase,
    DignitaryRank,
    GiftDirection,
    GuestRole,
    ItemStatus,
    RequesterType,
    RequestState,
    VisitKind,
)
from visits.models import ChecklistItem, ChecklistTemplate, Gift, Guest, RoutingRule, VisitRequest

__all__ = [
    "VisitRequestFactory", "ChecklistItemFactory", "ChecklistTemplateFactory", "GuestFactory",
    "GiftFactory", "RoutingRuleFactory",
]  # fmt: skip


class VisitRequestFactory(factory.django.DjangoModelFactory):
    """A dignitary request (an ambassador) as it arrives; traits for other kinds."""

    class Meta:
        model = VisitRequest
        skip_postgeneration_save = True

    class Params:
        non_dignitary = factory.Trait(kind=VisitKind.TECHNICAL, dignitary_rank="")

    subject = factory.Sequence(lambda n: f"Suurlähettilään vierailu {n}")
    requester_type = RequesterType.EMBASSY
    requester_name = "Embassy of Sweden, protocol officer"
    received_on = datetime.date(2025, 1, 2)
    proposed_start = datetime.date(2025, 3, 3)
    proposed_end = factory.LazyAttribute(lambda r: r.proposed_start + datetime.timedelta(days=1))
    kind = VisitKind.DIGNITARY
    dignitary_rank = DignitaryRank.AMBASSADOR
    visitor = "Ambassador of Sweden"
    visiting_organisation = "Embassy of Sweden"
    country = "SE"
    group_size = 4
    language = "English"
    state = RequestState.RECEIVED

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def informed_units(self, create, extracted, **kwargs):
        if create and extracted:
            self.informed_units.set(extracted)


class ChecklistTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChecklistTemplate

    phase = ChecklistPhase.PLANNING
    required = True
    dignitary_only = False
    order = 99
    name_fi = factory.Sequence(lambda n: f"Testikohta {n}")
    name_en = factory.Sequence(lambda n: f"Test item {n}")


class ChecklistItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChecklistItem

    visit_request = factory.SubFactory(VisitRequestFactory)
    phase = ChecklistPhase.PLANNING
    title = factory.Sequence(lambda n: f"Tarkistuslistan kohta {n}")
    required = True
    status = ItemStatus.OPEN


class GuestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Guest

    visit_request = factory.SubFactory(VisitRequestFactory)
    name = factory.Sequence(lambda n: f"Guest Person {n}")
    title = "Counsellor"
    role = GuestRole.MEMBER
    dietary = ""


class GiftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gift

    visit_request = factory.SubFactory(VisitRequestFactory)
    direction = GiftDirection.GIVEN
    description = "Aalto vase"
    giver = "City of Espoo"
    receiver = "Ambassador of Sweden"
    date = datetime.date(2025, 3, 3)


class RoutingRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoutingRule

    priority = 100
