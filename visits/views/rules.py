"""The rule tables kv-tiimi keeps: protocol matrix, routing rules, checklist templates."""

from django import forms
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _

from espoo_intl.views.catalogue import CatalogueView

from ..choices import ChecklistPhase
from ..models import ChecklistTemplate, ProtocolRule, RoutingRule

_SELECT = forms.Select(attrs={"class": "form-select form-select-sm"})
_TEXT = forms.TextInput(attrs={"class": "form-control form-control-sm"})
# An item's name is a sentence: wide enough to read it whole.
_NAME = forms.TextInput(attrs={"class": "form-control form-control-sm input-name"})
_NUMBER = forms.NumberInput(attrs={"class": "form-control form-control-sm input-narrow"})
_CHECK = forms.CheckboxInput(attrs={"class": "form-check-input"})


class ProtocolMatrixView(CatalogueView):
    model = ProtocolRule
    fields = ("rank", *ProtocolRule.PARTY_FIELDS.values(), "confirmed")
    widgets = {"rank": _SELECT, **dict.fromkeys(fields[1:], _CHECK)}
    can_add = False
    title = _("Protocol matrix")
    intro = _(
        "Which parties a dignitary visit of each rank requires (DOMAIN 3.3). Each request "
        "shows its required parties from this table. A row marked “to be confirmed” is "
        "the seed's best guess until kv-tiimi saves it."
    )

    def formset_class(self):
        base = super().formset_class()

        class ConfirmingFormSet(base):
            def save(self, commit=True):
                # A row kv-tiimi saves is confirmed.
                instances = super().save(commit=False)
                for obj in instances:
                    obj.confirmed = True
                if commit:
                    for obj in instances:
                        obj.save()
                return instances

        return ConfirmingFormSet


class RoutingRulesView(CatalogueView):
    model = RoutingRule
    fields = ("theme", "rank", "kind", "unit", "priority")
    widgets = {
        "theme": _SELECT,
        "rank": _SELECT,
        "kind": _SELECT,
        "unit": _SELECT,
        "priority": _NUMBER,
    }
    title = _("Routing rules")
    intro = _(
        "A theme, a dignitary rank or a visit kind points to a unit. The matching rule with "
        "the lowest priority suggests the host unit; the other matching units are informed. "
        "A rule naming none of them is the fallback (general visit coordination)."
    )


class ChecklistTemplateView(CatalogueView):
    model = ChecklistTemplate
    fields = ("phase", "name_fi", "name_en", "name_sv", "required", "dignitary_only", "order", "is_active")  # fmt: skip
    widgets = {
        "phase": _SELECT,
        "name_fi": _NAME,
        "name_en": _NAME,
        "name_sv": _NAME,
        "required": _CHECK,
        "dignitary_only": _CHECK,
        "order": _NUMBER,
        "is_active": _CHECK,
    }
    title = _("Checklist template")
    intro = _("Items copied into each accepted request's checklist.")

    def get_queryset(self):
        """Phases in their workflow order (planning, internal, after), not alphabetically."""
        by_phase = Case(
            *[When(phase=code, then=Value(i)) for i, code in enumerate(ChecklistPhase.values)],
            output_field=IntegerField(),
        )
        return ChecklistTemplate.objects.order_by(by_phase, "order", "pk")
