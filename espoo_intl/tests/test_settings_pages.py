"""kv-tiimi and administrators edit themes and organisation units in the portal."""

import pytest

from espoo_intl.models import OrgUnit, Theme

pytestmark = pytest.mark.django_db

PAGES = ["/settings/themes/", "/settings/units/"]


def formset_data(response, extra_rows=(), changes=None) -> dict:
    """The page's formset as the browser would post it, with `changes` {(row, field): value}
    applied and `extra_rows` filled into the empty forms."""
    formset = response.context["formset"]
    changes = changes or {}
    data = {f"{formset.prefix}-{k}": v for k, v in formset.management_form.initial.items()}
    for i, form in enumerate(formset.forms):
        values = {name: form[name].value() for name in form.fields}
        extra = i - formset.initial_form_count()
        if 0 <= extra < len(extra_rows):
            values |= extra_rows[extra]
        for (row, name), value in changes.items():
            if row == i:
                values[name] = value
        for name, value in values.items():
            if value is None or value is False:
                continue
            data[f"{form.prefix}-{name}"] = "on" if value is True else value
    return data


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("role", ["kv", "administrator"])
def test_kv_team_and_administrators_open_the_settings_pages(client_for, users, url, role):
    response = client_for(users[role]).get(url)
    assert response.status_code == 200
    assert b"<form" in response.content
    assert f'href="{url}"'.encode() in response.content  # linked from the menu


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("role", ["staff", "contact", "lead"])
def test_other_roles_may_not_edit_settings(client_for, users, url, role):
    client = client_for(users[role])
    assert client.get(url).status_code == 403
    assert client.post(url, {}).status_code == 403
    assert f'href="{url}"'.encode() not in client.get("/").content


def test_anonymous_users_are_sent_to_sign_in(client_for, db):
    response = client_for(None).get("/settings/themes/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_kv_team_adds_a_theme_and_history_names_them(client_for, kv):
    client = client_for(kv)
    page = client.get("/settings/themes/")
    new = {"name_fi": "Kulttuuriperintö", "name_en": "Cultural heritage", "slug": "heritage", "is_active": True}  # fmt: skip

    response = client.post("/settings/themes/", formset_data(page, extra_rows=[new]))

    assert response.status_code == 302
    theme = Theme.objects.get(slug="heritage")
    assert theme.name_en == "Cultural heritage"
    assert theme.history.get().history_user == kv


def test_kv_team_retires_a_theme_without_deleting_it(client_for, kv):
    client = client_for(kv)
    page = client.get("/settings/themes/")
    forms = page.context["formset"].forms
    row = next(i for i, f in enumerate(forms) if f.instance.slug == "education")

    client.post("/settings/themes/", formset_data(page, changes={(row, "is_active"): False}))

    assert Theme.objects.get(slug="education").is_active is False


def test_a_theme_with_a_taken_code_is_refused(client_for, kv):
    client = client_for(kv)
    page = client.get("/settings/themes/")
    taken = {"name_fi": "Toinen koulutus", "slug": "education", "is_active": True}

    response = client.post("/settings/themes/", formset_data(page, extra_rows=[taken]))

    assert response.status_code == 400
    assert not Theme.objects.filter(name_fi="Toinen koulutus").exists()


def test_kv_team_adds_a_result_unit_under_a_department(client_for, kv, department):
    client = client_for(kv)
    page = client.get("/settings/units/")
    new = {"name_fi": "Nuorisopalvelut (testi)", "kind": "unit", "parent": department.pk, "is_active": True}  # fmt: skip

    response = client.post("/settings/units/", formset_data(page, extra_rows=[new]))

    assert response.status_code == 302
    unit = OrgUnit.objects.get(name_fi="Nuorisopalvelut (testi)")
    assert unit.department == department
    assert unit.history.get().history_user == kv


def test_a_result_unit_under_the_city_group_is_refused_with_the_reason(client_for, kv):
    client = client_for(kv)
    client.cookies["django_language"] = "en"
    group = OrgUnit.objects.get(kind="group")
    page = client.get("/settings/units/")
    wrong = {"name_fi": "Väärä yksikkö", "kind": "unit", "parent": group.pk, "is_active": True}

    response = client.post("/settings/units/", formset_data(page, extra_rows=[wrong]))

    assert response.status_code == 400
    assert (
        "A result unit belongs to a department, not to the city group." in response.content.decode()
    )
    assert not OrgUnit.objects.filter(name_fi="Väärä yksikkö").exists()


def test_an_old_row_that_fails_todays_checks_does_not_block_other_changes(client_for, kv):
    OrgUnit.objects.create(name_fi="Irrallinen toimiala (vanha)", kind="department")  # no parent
    client = client_for(kv)
    page = client.get("/settings/units/")
    forms = page.context["formset"].forms
    row = next(i for i, f in enumerate(forms) if f.instance.name_fi == "Viestintä")

    response = client.post("/settings/units/", formset_data(page, changes={(row, "abbreviation"): "VST"}))  # fmt: skip

    assert response.status_code == 302
    assert OrgUnit.objects.get(name_fi="Viestintä").abbreviation == "VST"
