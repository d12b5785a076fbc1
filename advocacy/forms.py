from django import forms
from django.utils.translation import gettext_lazy as _

from espoo_intl.forms import DateInput, RegisterForm, SafeIdsMixin
from espoo_intl.models import OrgUnit, Theme, User

from .models import AdvocacyItem, Decision, DevelopmentItem, ProgressNote, UnitPart

__all__ = ["ItemForm", "DecisionForm", "UnitPartForm", "DevelopmentItemForm", "ProgressNoteForm"]


class ItemForm(RegisterForm):
    class Meta:
        model = AdvocacyItem
        fields = [
            "kind", "title", "requester", "requester_detail", "deadline", "subject", "themes",
            "units", "expert", "network", "relevance", "content_assessment",
            "effects_assessment", "needs_top_management", "joining_reasons", "planned_with_kv",
            "planned_with_communications", "communication_agreed", "body", "decision_reference",
            "outcome_date", "final_text",
        ]  # fmt: skip
        widgets = {
            "deadline": DateInput(),
            "outcome_date": DateInput(),
            "subject": forms.Textarea(attrs={"rows": 3}),
            "relevance": forms.Textarea(attrs={"rows": 3}),
            "content_assessment": forms.Textarea(attrs={"rows": 3}),
            "effects_assessment": forms.Textarea(attrs={"rows": 3}),
            "joining_reasons": forms.Textarea(attrs={"rows": 3}),
            "final_text": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.filter(is_active=True)
        self.fields["units"].queryset = OrgUnit.objects.filter(is_active=True).exclude(
            kind=OrgUnit.Kind.GROUP
        )
        self.fields["units"].label_from_instance = lambda unit: unit.label
        self.fields["expert"].queryset = User.objects.filter(is_active=True).order_by(
            "last_name", "first_name"
        )


class DecisionForm(SafeIdsMixin, forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["decided_by", "role", "decided_on", "reference", "note"]
        widgets = {"decided_on": DateInput(), "note": forms.Textarea(attrs={"rows": 2})}


class UnitPartForm(SafeIdsMixin, forms.ModelForm):
    class Meta:
        model = UnitPart
        fields = ["unit", "summary"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        if item is not None:
            self.fields["unit"].queryset = item.units.all()


class DevelopmentItemForm(RegisterForm):
    class Meta:
        model = DevelopmentItem
        fields = ["title_fi", "title_sv", "title_en", "owner_unit", "status"]


class ProgressNoteForm(SafeIdsMixin, forms.ModelForm):
    class Meta:
        model = ProgressNote
        fields = ["noted_on", "text"]
        widgets = {"noted_on": DateInput(), "text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": _("progress")}
