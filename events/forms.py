from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Fieldset, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from espoo_intl.attachments import AttachmentForm
from espoo_intl.forms import DateInput, RegisterForm, SafeIdsMixin
from espoo_intl.models import OrgUnit, Theme
from partnerships.selectors import link_to_partnership

from .choices import DeciderRole, EventState
from .models import BackgroundCheck, Event, EventAgreement

__all__ = ["EventForm", "DecisionForm", "BackgroundCheckForm", "AgreementForm", "ChecklistForm"]


class EventForm(RegisterForm):
    class Meta:
        model = Event
        fields = [
            "name", "kind", "format", "start_date", "end_date", "organiser", "co_organisers",
            "owning_unit", "themes", "expected_participants", "actual_participants",
            "city_funding", "proposed_by_international_actor", "description", "partnership", "confidential",
        ]  # fmt: skip
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "themes": forms.CheckboxSelectMultiple,
            "co_organisers": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        units = OrgUnit.objects.filter(is_active=True).select_related("parent")
        if self.user is not None and not self.user.sees_everything:
            units = units.filter(department=self.user.department_pk)  # the service checks it too
        self.fields["owning_unit"].queryset = units.order_by("department__name_fi", "kind", "name_fi")  # fmt: skip
        self.fields["owning_unit"].label_from_instance = lambda u: u.label
        self.fields["themes"].queryset = Theme.objects.filter(is_active=True)
        link_to_partnership(self)
        if self.instance.pk is None and self.user is not None:
            self.initial.setdefault("owning_unit", self.user.unit_id)
        self.helper.layout = Layout(
            Fieldset(
                _("The event"),
                "name",
                Div(Div("kind", css_class="col-md-6"), Div("format", css_class="col-md-6"), css_class="row"),
                Div(Div(Field("start_date"), css_class="col-md-6"), Div(Field("end_date"), css_class="col-md-6"), css_class="row"),
                Div(Div("organiser", css_class="col-md-6"), Div("co_organisers", css_class="col-md-6"), css_class="row"),
                "owning_unit",
                Field("themes", wrapper_class="themes-grid"),
                "description",
                "partnership",
            ),
            Fieldset(
                _("Participants and funding"),
                Div(Div("expected_participants", css_class="col-md-4"), Div("actual_participants", css_class="col-md-4"), Div("city_funding", css_class="col-md-4"), css_class="row"),
                "proposed_by_international_actor",
                "confidential",
            ),
        )  # fmt: skip


class _PlainForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.form_tag = False


class DecisionForm(_PlainForm):
    outcome = forms.ChoiceField(
        label=_("decision"),
        choices=[(EventState.APPROVED, _("approved")), (EventState.REJECTED, _("rejected"))],
        widget=forms.RadioSelect,
    )
    decided_by = forms.CharField(label=_("decided by"), max_length=200)
    decider_role = forms.ChoiceField(label=_("decider's role"), choices=DeciderRole.choices)
    decision_reference = forms.CharField(label=_("decision reference"), max_length=100)
    decision_date = forms.DateField(label=_("decision date"), widget=DateInput())


class BackgroundCheckForm(SafeIdsMixin, forms.ModelForm):
    class Meta:
        model = BackgroundCheck
        fields = ["kv_checked_by", "turva_checked_by", "checked_on", "outcome", "notes"]
        widgets = {"checked_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.form_tag = False


class AgreementForm(AttachmentForm):
    """The agreement file and what it is confirmed to cover (all four needed)."""

    covers_role = forms.BooleanField(label=_("the city's role"), required=False)
    covers_responsibilities = forms.BooleanField(label=_("responsibilities"), required=False)
    covers_funding_share = forms.BooleanField(label=_("funding share"), required=False)
    covers_schedule = forms.BooleanField(label=_("schedule"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].label = _("the signed agreement")
        self.fields["file"].help_text = _("PDF, DOCX or an image.")
        self.helper = FormHelper(self)
        self.helper.form_tag = False

    def covers(self) -> dict:
        return {name: self.cleaned_data.get(name, False) for name in EventAgreement.COVERS}


class ChecklistForm(forms.Form):
    done = forms.BooleanField(required=False)
