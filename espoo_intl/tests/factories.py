import factory

from espoo_intl.models import OrgUnit, User


class OrgUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrgUnit

    kind = "department"
    name_fi = factory.Sequence(lambda n: f"Yksikkö {n}")
    name_en = factory.Sequence(lambda n: f"Unit {n}")
    name_sv = factory.Sequence(lambda n: f"Enhet {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.espoo.fi")
    first_name = "Testi"
    last_name = factory.Sequence(lambda n: f"Käyttäjä {n}")
    password = factory.django.Password("espoo-test")
