"""The core's forms (sign-in, password reset, settings pages) posted with random and hostile
values: a page with errors or a success, never a server error, nothing stored when refused."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from espoo_intl.models import OrgUnit, Theme
from espoo_intl.testing import hostile_form, page_fields, post_hostile

pytestmark = pytest.mark.django_db

HYPOTHESIS = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

TARGETS = [
    ("/accounts/login/", None, None),
    ("/accounts/password_reset/", None, None),
    ("/settings/themes/", "administrator", Theme),
    ("/settings/units/", "administrator", OrgUnit),
]


@pytest.mark.parametrize(("url", "who", "model"), TARGETS)
def test_hostile_values_never_make_a_server_error(url, who, model, client_for, request):
    client = client_for(request.getfixturevalue(who) if who else None)
    base = page_fields(client.get(url).content.decode())
    assert base, f"no form fields on {url}"

    @HYPOTHESIS
    @given(data=st.data())
    def run(data):
        post_hostile(client, url, data.draw(hostile_form(base)), model=model)

    run()
