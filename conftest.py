"""Fixtures shared by every app's tests: one signed-in client per role."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache

from espoo_intl.roles import Role
from espoo_intl.tests.factories import OrgUnitFactory, UserFactory

# The browser tests' fixtures (`browser`, `open_page`) and the fault tests' (`redis_server`,
# `smtp_server`, `start_worker`), for any app's test module.
pytest_plugins = ["espoo_intl.tests.browser", "espoo_intl.tests.worker"]


def pytest_configure(config):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: throttling counters from an earlier test (or, with
    Redis, an earlier run on the same machine) must not refuse this one's requests."""
    cache.clear()


@pytest.fixture
def department(db):
    return OrgUnitFactory(kind="department", name_fi="Kasvun ja oppimisen toimiala (testi)")


@pytest.fixture
def other_department(db):
    return OrgUnitFactory(kind="department", name_fi="Sosiaali- ja terveystoimiala (testi)")


@pytest.fixture
def unit(department):
    return OrgUnitFactory(kind="unit", parent=department, name_fi="Suomenkielinen opetus (testi)")


@pytest.fixture
def other_unit(other_department):
    return OrgUnitFactory(kind="unit", parent=other_department, name_fi="Terveyspalvelut (testi)")


def _user(role, unit, **kwargs):
    user = UserFactory(unit=unit, **kwargs)
    user.groups.add(Group.objects.get(name=role.value))
    if role == Role.ADMINISTRATOR:
        user.is_staff = True
        user.save()
    return user


@pytest.fixture
def staff(unit):
    return _user(Role.STAFF, unit, username="staff")


@pytest.fixture
def other_staff(other_unit):
    return _user(Role.STAFF, other_unit, username="other-staff")


@pytest.fixture
def contact(department):
    return _user(Role.CONTACT, department, username="contact")


@pytest.fixture
def other_contact(other_department):
    return _user(Role.CONTACT, other_department, username="other-contact")


@pytest.fixture
def kv(db):
    kv_unit = OrgUnitFactory(kind="department", name_fi="Konsernihallinto (testi)")
    return _user(Role.KV_TEAM, kv_unit, username="kv")


@pytest.fixture
def lead(db):
    return _user(Role.LEADERSHIP, None, username="lead")


@pytest.fixture
def administrator(db):
    return _user(Role.ADMINISTRATOR, None, username="administrator")


@pytest.fixture
def users(staff, other_staff, contact, other_contact, kv, lead, administrator):
    return {
        "anonymous": None,
        "staff": staff,
        "other_staff": other_staff,
        "contact": contact,
        "other_contact": other_contact,
        "kv": kv,
        "lead": lead,
        "administrator": administrator,
    }


@pytest.fixture
def client_for(client):
    """client_for(user) -> a test client signed in as that user (None: anonymous)."""

    def make(user):
        from django.test import Client

        c = Client()
        if user is not None:
            c.force_login(user)
        return c

    return make
