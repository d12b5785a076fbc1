"""Two people moving one request at the same moment (issue 8): on PostgreSQL the row lock
serialises them, so one succeeds, the other is told the move no longer applies, and the
request changes once. (SQLite's concurrency is tested in espoo_intl/tests.)"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import close_old_connections, connection

from visits.choices import RequestState as S
from visits.models import VisitRequest
from visits.services.requests import request_transition

from .request_factories import VisitRequestFactory

pytestmark = [
    # serialized_rollback restores the seeded rows (role groups, rules) the flush removes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks are tested on PostgreSQL"
    ),
]


def test_two_concurrent_transitions_of_one_request_serialise(kv):
    visit_request = VisitRequestFactory(state=S.RECEIVED)
    start, outcomes = threading.Barrier(2), []

    def move():
        mine = VisitRequest.objects.get(pk=visit_request.pk)  # each person's own page
        start.wait()
        try:
            request_transition(mine, to=S.UNDER_REVIEW, actor=kv)
            outcomes.append("moved")
        except ValidationError:
            outcomes.append("refused")
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=move) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["moved", "refused"]
    visit_request.refresh_from_db()
    assert visit_request.state == S.UNDER_REVIEW
    assert visit_request.timeline.filter(to_state=S.UNDER_REVIEW).count() == 1
