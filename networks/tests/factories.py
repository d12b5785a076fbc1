import factory

from espoo_intl.tests.factories import OrgUnitFactory
from networks.choices import NetworkClass, NetworkScope
from networks.models import Network, NetworkEvaluation


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Verkosto {n}")
    scope = NetworkScope.CITY_WIDE
    owning_unit = factory.SubFactory(OrgUnitFactory)
    goals = "Vertaisoppiminen"

    @factory.post_generation
    def contacts(self, create, extracted, **kwargs):
        if create and extracted:
            self.contacts.set(extracted)


class EvaluationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkEvaluation

    network = factory.SubFactory(NetworkFactory)
    year = 2023
    network_class = NetworkClass.THEMATIC
    results = "Työryhmätapaamisia"
