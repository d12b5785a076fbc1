"""kv-tiimi is told by e-mail (a Celery task after commit, in each member's language) when an
item is created, when a joint statement's preparation starts, when a statement needs the
city manager's approval and when an answer is sent; nothing before the commit."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from advocacy.choices import DecisionRole, Kind, Requester
from advocacy.choices import State as S
from advocacy.services import decision_record, item_create
from espoo_intl.roles import Role
from espoo_intl.tests.factories import UserFactory
from espoo_intl.workflow import workflow_transition

from .factories import make_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def kv_fi(db):
    user = UserFactory(username="kv-fi", language="fi")
    user.groups.add(Group.objects.get(name=Role.KV_TEAM.value))
    return user


@pytest.fixture
def kv_en(db):
    user = UserFactory(username="kv-en", language="en")
    user.groups.add(Group.objects.get(name=Role.KV_TEAM.value))
    return user


def to(address):
    return [m for m in mail.outbox if m.to == [address]]


def test_a_new_item_is_mailed_to_kv_tiimi_in_their_language(
    django_capture_on_commit_callbacks, kv_fi, kv_en, staff, unit
):
    with django_capture_on_commit_callbacks(execute=True):
        item_create(
            actor=staff, kind=Kind.CONSULTATION, title="Kuuleminen", units=[unit],
            requester=Requester.COMMISSION, deadline=timezone.localdate() + datetime.timedelta(9),
        )  # fmt: skip
    [fi], [en], [box] = to(kv_fi.email), to(kv_en.email), to(settings.INTERNATIONAL_MAILBOX)
    assert "Kuuleminen" in fi.subject and "Kuuleminen" in en.subject
    assert "Tila:" in fi.body and "State:" in en.body  # each in the reader's language
    assert "Tila:" in box.body  # the international@ mailbox reads Finnish
    assert fi.body.startswith("Hei,\n") and en.body.startswith("Hello,\n")
    assert "Kansainvälisten asioiden tiimi (kv-tiimi)" in fi.body
    assert "international@espoo.fi" in en.body


def test_nothing_is_sent_before_the_commit(django_capture_on_commit_callbacks, kv_fi, staff, unit):
    with django_capture_on_commit_callbacks() as callbacks:
        item_create(
            actor=staff, kind=Kind.CONSULTATION, title="K", units=[unit],
            requester=Requester.COMMISSION,
        )  # fmt: skip
        assert mail.outbox == []
    assert len(callbacks) == 1


def test_city_manager_approval_and_sent_answer_are_mailed(
    django_capture_on_commit_callbacks, kv_fi, staff, kv, unit
):
    item = make_item(
        units=[unit], kind=Kind.JOINT, state=S.ASSESSED, needs_top_management=True,
        joining_reasons="Eurocities-jäsenyys velvoittaa.", communication_agreed=True,
        final_text="Teksti",
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        workflow_transition(item, to=S.CITY_MANAGER, actor=staff)
    [message] = to(kv_fi.email)
    assert "Eurocities-jäsenyys velvoittaa." in message.body  # the reasons travel along
    decision_record(
        item, actor=kv, decided_by="Kaupunginjohtaja", role=DecisionRole.CITY_MANAGER,
        decided_on=timezone.localdate(),
    )  # fmt: skip
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow_transition(item, to=S.DECIDED, actor=kv)
    assert mail.outbox == []  # a decision alone is no news for kv-tiimi
    with django_capture_on_commit_callbacks(execute=True):
        workflow_transition(item, to=S.SENT, actor=staff)
    assert len(to(kv_fi.email)) == 1 and len(to(settings.INTERNATIONAL_MAILBOX)) == 1


def test_joint_statement_preparation_start_is_mailed(
    django_capture_on_commit_callbacks, kv_fi, staff, unit
):
    joint = make_item(units=[unit], kind=Kind.JOINT)
    official = make_item(units=[unit], kind=Kind.OFFICIAL)
    with django_capture_on_commit_callbacks(execute=True):
        workflow_transition(joint, to=S.PREPARING, actor=staff)
        workflow_transition(official, to=S.PREPARING, actor=staff)
    [message] = to(kv_fi.email)
    assert joint.title in message.subject
