import datetime

import factory

from espoo_intl.tests.factories import OrgUnitFactory
from events.choices import ChecklistPoint, EventKind
from events.models import Event, EventChecklistItem


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Tapahtuma {n}")
    kind = EventKind.CONFERENCE
    organiser = "Espoon kaupunki"
    owning_unit = factory.SubFactory(OrgUnitFactory, kind="department")
    start_date = datetime.date(2026, 9, 14)
    end_date = factory.LazyAttribute(lambda e: e.start_date)
    expected_participants = 100

    @factory.post_generation
    def with_checklist(obj, create, extracted, **kwargs):
        if create:
            EventChecklistItem.objects.bulk_create(
                EventChecklistItem(event=obj, point=p) for p in ChecklistPoint.values
            )
