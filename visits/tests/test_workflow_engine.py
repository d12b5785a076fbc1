"""The core workflow engine (espoo_intl.workflow) on a workflow defined here, over the
visit's status: the table, who may move, reasons, guards and overrides, hooks, the
timeline entry, the version, and a closed record that is read-only everywhere."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from espoo_intl.timeline import TimelineEntry, timeline_for
from espoo_intl.workflow import KV, OWNER, Guard, State, Transition, Workflow, workflow_transition
from visits.choices import VisitStatus as V
from visits.models import Visit
from visits.services import visit_delete, visit_update
from visits.tests.test_visit_forms import in_language, visit_form_data

from .factories import VisitFactory

pytestmark = pytest.mark.django_db


def _big_enough(visit):
    if visit.group_size < 2:
        raise ValidationError("A group of %(n)s is too small.", params={"n": visit.group_size})


@pytest.fixture
def notified():
    return []


@pytest.fixture
def visit_workflow(monkeypatch, notified):
    def count_media(visit, *, actor):
        visit.media_hits += 1

    workflow = Workflow(
        states=[
            State(V.PLANNED, V.PLANNED.label),
            State(V.CONFIRMED, V.CONFIRMED.label),
            State(V.COMPLETED, V.COMPLETED.label, open=False, closed=True),
            State(V.CANCELLED, V.CANCELLED.label, open=False, closed=True, needs_reason=True),
        ],
        transitions=[
            Transition(
                V.PLANNED,
                V.CONFIRMED,
                OWNER,
                guards=(
                    Guard(_big_enough, overridable=True, override_note="%(n)s ok: %(reason)s"),
                ),
            ),
            Transition(V.CONFIRMED, V.COMPLETED, KV),
            Transition(V.PLANNED, V.CANCELLED, OWNER),
        ],
        state_field="status",
        before_save={V.COMPLETED: [count_media]},
        after_commit=[lambda visit, *, actor, frm: notified.append((visit.status, frm, actor))],
    )
    monkeypatch.setattr(Visit, "workflow", workflow, raising=False)
    return workflow


@pytest.fixture
def visit(unit, staff):
    return VisitFactory(host_unit=unit, responsible=staff, status=V.PLANNED, group_size=5)


def test_the_responsible_person_moves_the_record_and_the_timeline_says_so(
    visit_workflow, visit, staff, notified, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        workflow_transition(visit, to=V.CONFIRMED, actor=staff)
        assert notified == []  # told only after the commit
    assert len(callbacks) == 1

    visit.refresh_from_db()
    assert (visit.status, visit.version) == (V.CONFIRMED, 2)
    assert visit.history.first().history_user == staff
    [entry] = timeline_for(visit)
    assert (entry.actor, entry.from_state, entry.to_state) == (staff, V.PLANNED, V.CONFIRMED)
    with translation.override("en"):
        assert (entry.from_state_label, entry.to_state_label) == ("planned", "confirmed")
    assert notified == [(V.CONFIRMED, V.PLANNED, staff)]


def test_a_move_not_in_the_table_or_by_someone_else_changes_nothing(
    visit_workflow, visit, staff, other_staff
):
    with pytest.raises(ValidationError):
        workflow_transition(visit, to=V.COMPLETED, actor=staff)
    with pytest.raises(PermissionDenied):
        workflow_transition(visit, to=V.CONFIRMED, actor=other_staff)
    with pytest.raises(PermissionDenied):  # kv-tiimi's step
        workflow_transition(
            VisitFactory(host_unit=visit.host_unit, responsible=staff, status=V.CONFIRMED),
            to=V.COMPLETED,
            actor=staff,
        )

    visit.refresh_from_db()
    assert (visit.status, visit.version) == (V.PLANNED, 1)
    assert not timeline_for(visit).exists()


def test_a_state_that_needs_a_reason_is_refused_without_one(visit_workflow, visit, staff):
    with pytest.raises(ValidationError) as excinfo:
        workflow_transition(visit, to=V.CANCELLED, actor=staff, reason="  ")
    assert "reason" in excinfo.value.message_dict

    workflow_transition(visit, to=V.CANCELLED, actor=staff, reason="Peruttu")
    assert timeline_for(visit).get().reason == "Peruttu"


def test_a_guard_refuses_and_only_kv_team_overrides_it_with_a_reason(
    visit_workflow, visit, staff, kv
):
    visit.group_size = 1
    visit.save()
    with pytest.raises(ValidationError, match="A group of 1 is too small."):
        workflow_transition(visit, to=V.CONFIRMED, actor=staff, override_reason="Sovittu")
    with pytest.raises(ValidationError):
        workflow_transition(visit, to=V.CONFIRMED, actor=kv)

    workflow_transition(visit, to=V.CONFIRMED, actor=kv, override_reason="Sovittu")

    assert Visit.objects.get(pk=visit.pk).status == V.CONFIRMED
    assert timeline_for(visit).get().reason == "1 ok: Sovittu"


def test_before_save_hooks_run_with_the_move_and_buttons_follow_the_actor(
    visit_workflow, visit, staff, kv
):
    assert [b["to"] for b in visit_workflow.buttons(staff, visit)] == [V.CONFIRMED, V.CANCELLED]
    assert [b["override_label"] != "" for b in visit_workflow.buttons(kv, visit)] == [True, False]
    assert [b["override_label"] != "" for b in visit_workflow.buttons(staff, visit)] == [
        False,
        False,
    ]

    workflow_transition(visit, to=V.CONFIRMED, actor=staff)
    workflow_transition(visit, to=V.COMPLETED, actor=kv)

    visit.refresh_from_db()
    assert (visit.media_hits, visit.version) == (1, 3)
    assert visit_workflow.buttons(kv, visit) == []


def test_a_closed_record_is_read_only_in_the_service_and_the_edit_page(
    visit_workflow, visit, staff, client_for
):
    workflow_transition(visit, to=V.CANCELLED, actor=staff, reason="Peruttu")
    visit.refresh_from_db()
    assert visit.is_closed

    with pytest.raises(ValidationError) as excinfo:
        visit_update(visit, actor=staff, title="Muutettu")
    assert excinfo.value.code == "closed"
    client = in_language(client_for(staff), "en")
    response = client.post(f"/visits/{visit.pk}/edit/", visit_form_data(visit, title="Muutettu"))
    assert response.status_code == 400
    assert "This record is closed" in response.content.decode()
    assert Visit.objects.get(pk=visit.pk).title != "Muutettu"


def test_a_transition_waits_for_the_row_and_sees_the_saved_state(visit_workflow, visit, staff):
    """The service re-reads the record under its lock: a stale instance cannot move from a
    state the record has already left."""
    stale = Visit.objects.get(pk=visit.pk)
    workflow_transition(visit, to=V.CANCELLED, actor=staff, reason="Peruttu")

    with pytest.raises(ValidationError):
        workflow_transition(stale, to=V.CONFIRMED, actor=staff)
    assert Visit.objects.get(pk=visit.pk).status == V.CANCELLED


def test_the_timeline_goes_with_a_deleted_record(visit_workflow, visit, staff, kv):
    kept = VisitFactory(host_unit=visit.host_unit, responsible=staff, status=V.PLANNED)
    workflow_transition(visit, to=V.CONFIRMED, actor=staff)
    workflow_transition(kept, to=V.CONFIRMED, actor=staff)

    visit_delete(visit, actor=kv)

    assert [e.object_id for e in TimelineEntry.objects.all()] == [kept.pk]
