"""Every form of visits and requests, posted with random and hostile values (control
characters incl. NUL, markup, SQL, huge numbers, far dates, very long strings): a page with
errors or a success, never a server error, and nothing stored from a refused form."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from espoo_intl.testing import hostile_form, page_fields, post_hostile
from visits.choices import RequestState as S
from visits.models import Gift, Guest, ProtocolRule, RoutingRule, Visit, VisitRequest

from .factories import VisitFactory
from .request_factories import ChecklistItemFactory, VisitRequestFactory

pytestmark = pytest.mark.django_db

HYPOTHESIS = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _open_request(unit):
    return VisitRequestFactory(state=S.UNDER_REVIEW, host_unit=unit)


# (name, page to read the fields from, url to post to, model a refused form must not add)
def _targets(unit):
    visit = VisitFactory(host_unit=unit)
    visit_request = _open_request(unit)
    item = ChecklistItemFactory(visit_request=visit_request)
    detail = f"/requests/{visit_request.pk}/"
    return {
        "visit_add": ("/visits/new/", "/visits/new/", Visit),
        "visit_edit": (f"/visits/{visit.pk}/edit/", f"/visits/{visit.pk}/edit/", Visit),
        "request_add": ("/requests/new/", "/requests/new/", VisitRequest),
        "request_edit": (f"{detail}edit/", f"{detail}edit/", VisitRequest),
        "triage": (detail, f"{detail}triage/", None),
        "route": (detail, f"{detail}route/", None),
        "transition": (detail, f"{detail}transition/", None),
        "item": (detail, f"{detail}items/{item.pk}/", None),
        "guest": (detail, f"{detail}guests/", Guest),
        "gift": (detail, f"{detail}gifts/", Gift),
        "rules_protocol": ("/requests/rules/protocol/", "/requests/rules/protocol/", ProtocolRule),
        "rules_routing": ("/requests/rules/routing/", "/requests/rules/routing/", RoutingRule),
        "rules_checklist": ("/requests/rules/checklist/", "/requests/rules/checklist/", None),
    }


TARGETS = [
    "visit_add", "visit_edit", "request_add", "request_edit", "triage", "route", "transition",
    "item", "guest", "gift", "rules_protocol", "rules_routing", "rules_checklist",
]  # fmt: skip


@pytest.mark.parametrize("target", TARGETS)
def test_hostile_values_never_make_a_server_error(target, client_for, kv, unit):
    client = client_for(kv)
    page, url, model = _targets(unit)[target]
    base = page_fields(client.get(page).content.decode())
    assert base, f"no form fields on {page}"

    @HYPOTHESIS
    @given(data=st.data())
    def run(data):
        post_hostile(client, url, data.draw(hostile_form(base)), model=model)

    run()
