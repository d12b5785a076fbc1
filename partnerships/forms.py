from django import forms
from django.utils.translation import gettext_lazy as _

from espoo_intl.attachments import AttachmentForm
from espoo_intl.forms import DateInput, RegisterForm
from espoo_intl.models import OrgUnit, Theme
from espoo_intl.questionnaires import QuestionnaireForm

from .choices import ASSESSMENT
from .models import Partner, Partnership, Project

__all__ = ["PartnerForm", "PartnershipForm", "ProjectForm", "AssessmentForm", "AttachmentForm"]


class _UnitsAndThemes(RegisterForm):
    """The owning/lead unit (staff: their own department's units) and active themes."""

    unit_name = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        units = OrgUnit.objects.filter(is_active=True).select_related("parent")
        if self.user is not None and not self.user.sees_everything:
            units = units.filter(department=self.user.department_pk)
        field = self.fields[self.unit_name]
        field.queryset = units.order_by("department__name_fi", "kind", "name_fi")
        field.label_from_instance = lambda u: u.label
        self.fields["themes"].queryset = Theme.objects.filter(is_active=True)
        self.fields["partners"].queryset = Partner.objects.order_by("name")
        if self.instance.pk is None and self.user is not None:
            self.initial.setdefault(self.unit_name, self.user.unit_id)


_DATES = {name: DateInput() for name in ("start_date", "end_date", "review_date", "decision_date")}


class PartnerForm(RegisterForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = Partner
        fields = ["name", "kind", "country", "city", "website", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class PartnershipForm(_UnitsAndThemes):
    unit_name = "owning_unit"

    class Meta:
        model = Partnership
        fields = [
            "name", "partners", "kind", "level", "owning_unit", "themes", "goals",
            "start_date", "end_date", "review_date", "decision_number", "decision_date", "notes",
        ]  # fmt: skip
        widgets = {
            **_DATES,
            "themes": forms.CheckboxSelectMultiple,
            "goals": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "decision_number": _(
                "Needed before a partnership in the City of Espoo's name becomes active."
            ),
        }


class ProjectForm(_UnitsAndThemes):
    unit_name = "lead_unit"

    class Meta:
        model = Project
        fields = [
            "name", "acronym", "programme", "eu_funded", "partners", "partnership", "lead_unit",
            "themes", "start_date", "end_date", "total_budget", "espoo_share",
            "international_funding", "status",
        ]  # fmt: skip
        widgets = {**_DATES, "themes": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.user is not None:
            self.fields["partnership"].queryset = Partnership.objects.for_user(self.user)


class AssessmentForm(QuestionnaireForm):
    """The seed's two parts: benefits (yes/no, the first with "how") and investments and
    risks."""

    def __init__(self, data=None, files=None, **kwargs):
        super().__init__(ASSESSMENT, data, files=files, **kwargs)
