"""The list pages' filter form is drawn in Python (espoo_intl.templatetags.portal_lists);
it must give the markup crispy and Django's widgets give, whatever is chosen."""

import re

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import forms

from espoo_intl.models import User
from espoo_intl.templatetags.portal_lists import filter_form
from espoo_intl.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class Filters(forms.Form):
    kind = forms.ChoiceField(
        required=False, choices=[("", "---------"), ("a", "A & <b>"), ("b", "Bee")]
    )
    grouped = forms.ChoiceField(
        required=False,
        choices=[("", "---------"), ("Nordic", [("fi", "Suomi"), ("se", "Ruotsi")]), ("x", "X")],
    )
    year = forms.TypedChoiceField(required=False, coerce=int, choices=[(2024, 2024), (2025, 2025)])
    person = forms.ModelChoiceField(required=False, queryset=User.objects.order_by("pk"))


def normal(html: str) -> str:
    """Whitespace between and inside tags does not change the page."""
    html = re.sub(r"\s+", " ", html)
    return re.sub(r"\s*<\s*", "<", re.sub(r"\s*>\s*", ">", html)).strip()


def crispy(form) -> str:
    return normal("".join(str(as_crispy_field(bf)) for bf in form))


@pytest.mark.parametrize(
    "data",
    [{}, {"kind": "a"}, {"grouped": "se", "year": "2025"}, {"grouped": "x", "kind": "b"}],
)
def test_the_filter_form_is_the_markup_crispy_draws(data):
    people = UserFactory.create_batch(3)
    if data:
        data = {**data, "person": str(people[1].pk)}
    form = Filters(data or None)

    drawn = filter_form(form)

    assert normal(drawn) == crispy(Filters(data or None))
    for value in data.values():
        assert f'<option value="{value}" selected>' in drawn
