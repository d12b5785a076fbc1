"""Catalogues every register shares, edited by kv-tiimi in the portal: themes and
organisation units. Rows are retired (`active` off), never deleted: records point to them."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import OrgUnit, Theme
from .catalogue import CatalogueView

__all__ = ["ThemesView", "UnitsView"]

_TEXT = forms.TextInput(attrs={"class": "form-control form-control-sm"})
_SHORT = forms.TextInput(attrs={"class": "form-control form-control-sm input-narrow"})
_SELECT = forms.Select(attrs={"class": "form-select form-select-sm"})
_CHECK = forms.CheckboxInput(attrs={"class": "form-check-input"})


class ThemesView(CatalogueView):
    model = Theme
    fields = ("name_fi", "name_en", "name_sv", "slug", "is_active")
    widgets = {"name_fi": _TEXT, "name_en": _TEXT, "name_sv": _TEXT, "slug": _SHORT, "is_active": _CHECK}  # fmt: skip
    can_delete = False
    title = _("Themes")
    intro = _(
        "The subjects every register uses. A theme no longer in use is made inactive: "
        "records that have it keep it."
    )


class UnitsView(CatalogueView):
    model = OrgUnit
    fields = ("name_fi", "name_en", "name_sv", "abbreviation", "kind", "parent", "is_active")
    widgets = {
        "name_fi": _TEXT, "name_en": _TEXT, "name_sv": _TEXT, "abbreviation": _SHORT,
        "kind": _SELECT, "parent": _SELECT, "is_active": _CHECK,
    }  # fmt: skip
    can_delete = False
    title = _("Organisation units")
    intro = _(
        "The city group, its departments and their result units. A result unit belongs to "
        "a department; a unit no longer in use is made inactive."
    )
