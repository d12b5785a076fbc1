"""The visit form as a user fills it in: what is stored, and what the form says back."""

import datetime

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from visits.choices import VisitKind
from visits.forms import VisitForm
from visits.models import Theme, Visit

# The validation messages as a Finnish user should read them. These depend on the Finnish
# translations (locale/fi), so the Finnish cases fail until the compiled translations land.
# Wording taken from locale/fi/LC_MESSAGES/django.po as it was being written; keep in step.
FI_END_BEFORE_START = "Päättymispäivä ei voi olla ennen alkamispäivää."
FI_INVOICED_WITHOUT_PAID = (
    "Laskutettu summa edellyttää, että kohta ”Maksullinen asiantuntijavierailu” on valittu."
)
FI_NEGATIVE_INVOICED_AMOUNT = "Laskutettu summa ei voi olla negatiivinen."
FI_GROUP_TOO_SMALL = "Ryhmässä on oltava vähintään yksi henkilö."
FI_RANK_ON_OTHER_KIND = "Arvovieraan asema annetaan vain arvovierailulle."
FI_DIGNITARY_WITHOUT_RANK = "Valitse arvovierailulle arvovieraan asema."

# What a browser sends for a new visit that passes every rule (host unit and themes are added
# per test, since their keys depend on the database).
NEW_VISIT = {
    "title": "Tukholman opettajien opintomatka",
    "kind": VisitKind.TECHNICAL.value,
    "dignitary_rank": "",
    "direction": "incoming",
    "visiting_organisation": "Stockholms stad",
    "country": "SE",
    "themes": [],
    "host_unit": None,
    "responsible": None,
    "start_date": datetime.date(2024, 5, 14),
    "end_date": datetime.date(2024, 5, 15),
    "group_size": 12,
    "language": "englanti",
    "interpretation": "none",
    "paid": False,
    "invoiced_amount": None,
    "media_hits": 0,
    "follow_up": "",
    "confidential": False,
    "status": "planned",
}


def _as_post(values: dict) -> dict:
    """Form values as a browser posts them: keys for records, ISO dates, unticked boxes left out."""
    data = {}
    for name, value in values.items():
        if value is False:
            continue
        if value is True:
            data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(getattr(v, "pk", v)) for v in value]
        elif value is None:
            data[name] = ""
        elif isinstance(value, datetime.date):
            data[name] = value.isoformat()
        else:
            data[name] = str(getattr(value, "pk", value))
    return data


def visit_form_data(visit: Visit | None = None, **changes) -> dict:
    """The POST body of the visit form: `visit`'s current values and the version they are
    (or a new visit's values) plus `changes`."""
    values = model_to_dict(visit, fields=VisitForm.Meta.fields) if visit else dict(NEW_VISIT)
    if visit:
        values["expected_version"] = visit.version
    return _as_post(values | changes)


def in_language(client, code: str):
    """Pick the page language as the language menu does (the cookie beats the saved choice)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = code
    return client


@pytest.mark.django_db
def test_staff_creates_visit_with_every_field_and_lands_on_its_page(client_for, staff, unit):
    themes = list(Theme.objects.filter(slug__in=["education", "research-development"]))
    data = visit_form_data(
        title="Tukholman opettajien opintomatka",
        kind=VisitKind.TECHNICAL.value,
        direction="incoming",
        visiting_organisation="Stockholms stad",
        country="SE",
        themes=themes,
        host_unit=unit,
        responsible=staff,
        start_date=datetime.date(2024, 5, 14),
        end_date=datetime.date(2024, 5, 16),
        group_size=24,
        language="ruotsi",
        interpretation="consecutive",
        paid=True,
        invoiced_amount="1200.00",
        media_hits=2,
        follow_up="Vastavierailu sovittu ensi vuodelle.",
        confidential=True,
        status="confirmed",
    )

    response = client_for(staff).post("/visits/new/", data)

    visit = Visit.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/visits/{visit.pk}/"
    assert visit.created_by == staff
    assert visit.title == "Tukholman opettajien opintomatka"
    assert visit.host_unit == unit
    assert visit.responsible == staff
    assert visit.end_date == datetime.date(2024, 5, 16)
    assert visit.group_size == 24
    assert visit.paid is True
    assert str(visit.invoiced_amount) == "1200.00"
    assert visit.media_hits == 2
    assert visit.confidential is True
    assert visit.status == "confirmed"
    assert set(visit.themes.all()) == set(themes)


# Each case: the changes that break one rule, the field the message belongs to,
# and the message in English and in Finnish.
INVALID_VISITS = [
    pytest.param(
        {"start_date": datetime.date(2024, 5, 14), "end_date": datetime.date(2024, 5, 13)},
        "The end date cannot be before the start date.",
        FI_END_BEFORE_START,
        id="end-before-start",
    ),
    pytest.param(
        {"paid": False, "invoiced_amount": "450.00"},
        "An invoiced amount needs the paid technical visit box ticked.",
        FI_INVOICED_WITHOUT_PAID,
        id="invoiced-amount-without-paid",
    ),
    pytest.param(
        {"paid": True, "invoiced_amount": "-10.00"},
        "The invoiced amount cannot be negative.",
        FI_NEGATIVE_INVOICED_AMOUNT,
        id="negative-invoiced-amount",
    ),
    pytest.param(
        {"group_size": 0},
        "The group has at least one person.",
        FI_GROUP_TOO_SMALL,
        id="group-size-zero",
    ),
    pytest.param(
        {"kind": VisitKind.TECHNICAL.value, "dignitary_rank": "ambassador"},
        "A dignitary rank is only given for a dignitary visit.",
        FI_RANK_ON_OTHER_KIND,
        id="rank-on-non-dignitary-visit",
    ),
    pytest.param(
        {"kind": VisitKind.DIGNITARY.value, "dignitary_rank": ""},
        "Choose the dignitary rank for a dignitary visit.",
        FI_DIGNITARY_WITHOUT_RANK,
        id="dignitary-visit-without-rank",
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("changes", "english", "finnish"), INVALID_VISITS)
def test_invalid_visit_is_refused_with_english_message(
    client_for, staff, unit, changes, english, finnish
):
    client = in_language(client_for(staff), "en")

    response = client.post("/visits/new/", visit_form_data(host_unit=unit, **changes))

    assert response.status_code == 200
    assert english in response.content.decode()
    assert "Nothing was saved. Please correct the errors below." in response.content.decode()
    assert not Visit.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("changes", "english", "finnish"), INVALID_VISITS)
def test_invalid_visit_is_refused_with_finnish_message(
    client_for, staff, unit, changes, english, finnish
):
    """Depends on the Finnish translations (the FI_* constants above)."""
    client = in_language(client_for(staff), "fi")

    response = client.post("/visits/new/", visit_form_data(host_unit=unit, **changes))

    assert response.status_code == 200
    assert finnish in response.content.decode()
    assert not Visit.objects.exists()


@pytest.mark.django_db
def test_failing_form_keeps_what_the_user_typed_and_stores_nothing(client_for, staff, unit):
    data = visit_form_data(
        host_unit=unit,
        title="Tallinnan rehtorien vierailu",
        visiting_organisation="Tallinna Haridusamet",
        follow_up="Yhteinen EU-hankehakemus valmisteilla.",
        start_date=datetime.date(2024, 9, 2),
        end_date=datetime.date(2024, 9, 1),
    )

    response = client_for(staff).post("/visits/new/", data)

    body = response.content.decode()
    assert response.status_code == 200
    assert 'value="Tallinnan rehtorien vierailu"' in body
    assert 'value="Tallinna Haridusamet"' in body
    assert "Yhteinen EU-hankehakemus valmisteilla.</textarea>" in body
    assert 'value="2024-09-02"' in body
    assert not Visit.objects.exists()


SENSIBLE_DATES = st.dates(datetime.date(2000, 1, 1), datetime.date(2035, 12, 31))


@hypothesis_settings(deadline=None)  # no timing assertions in this suite
@given(start=SENSIBLE_DATES, end=SENSIBLE_DATES)
def test_visit_dates_are_valid_exactly_when_end_is_not_before_start(start, end):
    visit = Visit(
        title="Opintomatka",
        kind=VisitKind.TECHNICAL,
        start_date=start,
        end_date=end,
        group_size=1,
    )
    try:
        visit.clean()
    except ValidationError as error:
        assert set(error.message_dict) == {"end_date"}
        assert end < start
    else:
        assert end >= start


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["themes", "host_unit", "responsible"])
def test_an_id_no_table_can_hold_is_refused_as_a_wrong_choice(client_for, staff, field):
    """SQLite raises OverflowError on a 300-digit id: the form answers with its error instead
    of a server error, and nothing is stored."""
    response = client_for(staff).post("/visits/new/", {field: "9" * 300, "title": "Vierailu"})
    assert response.status_code == 200
    assert response.context["form"].errors[field]  # "choose a valid option" or the field's own
    assert not Visit.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["²", "٣", "+-5", " 7 "])
def test_digits_that_are_not_an_id_are_a_wrong_choice_not_a_server_error(client_for, staff, value):
    """ "²" counts as a digit to str.isdigit() but int() refuses it."""
    response = client_for(staff).post("/visits/new/", {"partnership": value, "title": "Vierailu"})
    assert response.status_code == 200
    assert not Visit.objects.exists()
