from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Fieldset, Layout
from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from espoo_intl.attachments import AttachmentForm  # noqa: F401 (the request page uses it)
from espoo_intl.forms import DateInput, RegisterForm, SafeIdsMixin
from espoo_intl.models import OrgUnit, User
from espoo_intl.questionnaires import QuestionnaireForm, latest_response
from partnerships.selectors import link_to_partnership

from .models import EVALUATION, ChecklistItem, Gift, Guest, Theme, Visit, VisitRequest
from .rules import RESPONSIBLE_OUTSIDE, responsible_choices


def limit_responsible(field, user, *, keep=None) -> None:
    """The responsible person's choices as the rule gives them (rules.responsible_choices);
    a person outside them is refused with words the user understands."""
    if user is None:
        return
    field.queryset = responsible_choices(user, keep=keep).select_related("unit")
    field.error_messages["invalid_choice"] = RESPONSIBLE_OUTSIDE


__all__ = [
    "VisitForm", "VisitRequestForm", "TriageForm", "RoutingForm",
    "ChecklistItemForm", "GuestForm", "GiftForm", "AttachmentForm",
]  # fmt: skip


class VisitForm(RegisterForm):
    class Meta:
        model = Visit
        fields = [
            "title", "kind", "dignitary_rank", "direction", "visiting_organisation", "country",
            "themes", "host_unit", "responsible", "start_date", "end_date", "group_size",
            "language", "interpretation", "paid", "invoiced_amount", "media_hits",
            "follow_up", "partnership", "confidential", "status",
        ]  # fmt: skip
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "themes": forms.CheckboxSelectMultiple,
            "follow_up": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        units = OrgUnit.objects.filter(is_active=True).select_related("parent")
        if self.user is not None and not self.user.sees_everything:
            # Staff record visits for their own department only (the service checks it too).
            units = units.filter(department=self.user.department_pk)
        self.fields["host_unit"].queryset = units.order_by("department__name_fi", "kind", "name_fi")
        self.fields["host_unit"].label_from_instance = lambda u: u.label
        self.fields["responsible"].queryset = User.objects.filter(is_active=True)
        limit_responsible(self.fields["responsible"], self.user, keep=self.instance.responsible_id)
        self.fields["themes"].queryset = Theme.objects.filter(is_active=True)
        link_to_partnership(self)
        if self.instance.pk is None and self.user is not None:
            self.initial.setdefault("host_unit", self.user.unit_id)
            self.initial.setdefault("responsible", self.user.pk)
        self.fields["dignitary_rank"].help_text = _("Only for dignitary visits.")
        self.fields["invoiced_amount"].help_text = _("Only for paid technical visits.")
        self.helper.layout = Layout(
            Fieldset(
                _("The visit"),
                "title",
                Div(Div("kind", css_class="col-md-6"), Div("dignitary_rank", css_class="col-md-6"), css_class="row"),
                Div(Div("visiting_organisation", css_class="col-md-6"), Div("country", css_class="col-md-3"), Div("direction", css_class="col-md-3"), css_class="row"),
                Div(Div(Field("start_date"), css_class="col-md-3"), Div(Field("end_date"), css_class="col-md-3"), Div("group_size", css_class="col-md-3"), Div("status", css_class="col-md-3"), css_class="row"),
            ),
            Fieldset(
                _("Hosting"),
                Div(Div("host_unit", css_class="col-md-6"), Div("responsible", css_class="col-md-6"), css_class="row"),
                Div(Div("language", css_class="col-md-6"), Div("interpretation", css_class="col-md-6"), css_class="row"),
                Field("themes", wrapper_class="themes-grid"),
                "partnership",
            ),
            Fieldset(
                _("Costs and results"),
                Div(Div("paid", css_class="col-md-4 pt-md-4"), Div("invoiced_amount", css_class="col-md-4"), Div("media_hits", css_class="col-md-4"), css_class="row"),
                "follow_up",
                "confidential",
            ),
        )  # fmt: skip


class VisitRequestForm(RegisterForm):
    """Registering or editing a request. Editing carries the version the user started from."""

    attachments = forms.FileField(
        label=_("the original letter"),
        required=False,
        help_text=_("PDF, DOCX or an image. More files can be added on the request's page."),
    )

    def clean_attachments(self):
        upload = self.cleaned_data.get("attachments")
        return [upload] if upload else []

    class Meta:
        model = VisitRequest
        fields = [
            "subject", "requester_type", "requester_name", "received_on", "proposed_start",
            "proposed_end", "kind", "visitor", "dignitary_rank", "visiting_organisation", "country",
            "group_size", "themes", "language", "interpretation", "message", "confidential",
            "invoiced_amount", "media_hits", "follow_up",
        ]  # fmt: skip
        widgets = {
            "follow_up": forms.Textarea(attrs={"rows": 3}),
            "received_on": DateInput(),
            "proposed_start": DateInput(),
            "proposed_end": DateInput(),
            "themes": forms.CheckboxSelectMultiple,
            "message": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.filter(is_active=True)
        self.fields["media_hits"].required = False  # filled in after the visit
        if self.instance.pk:
            del self.fields["attachments"]
        self.helper.layout = Layout(
            Fieldset(
                _("Who asks"),
                Div(Div("requester_type", css_class="col-md-6"), Div("requester_name", css_class="col-md-6"), css_class="row"),
                Div(Div("received_on", css_class="col-md-4"), css_class="row"),
            ),
            Fieldset(
                _("The visit"),
                "subject",
                Div(Div("kind", css_class="col-md-6"), Div("dignitary_rank", css_class="col-md-6"), css_class="row"),
                Div(Div("visitor", css_class="col-md-6"), Div("visiting_organisation", css_class="col-md-6"), css_class="row"),
                Div(Div("country", css_class="col-md-4"), Div("proposed_start", css_class="col-md-3"), Div("proposed_end", css_class="col-md-3"), Div("group_size", css_class="col-md-2"), css_class="row"),
                Div(Div("language", css_class="col-md-6"), Div("interpretation", css_class="col-md-6"), css_class="row"),
                Field("themes", wrapper_class="themes-grid"),
                "message",
                "confidential",
                *[name for name in ("attachments",) if name in self.fields],
            ),
            Fieldset(
                _("After the visit"),
                Div(Div("invoiced_amount", css_class="col-md-6"), Div("media_hits", css_class="col-md-6"), css_class="row"),
                "follow_up",
            ),
        )  # fmt: skip

    def clean_media_hits(self):
        return self.cleaned_data.get("media_hits") or 0


UNREAD = object()  # TriageForm.for_request: the latest evaluation was not read yet


class TriageForm(QuestionnaireForm):
    """The evaluation of 3.4 (the question set EVALUATION): timeliness first, then five
    yes/no questions; starts from the latest answers."""

    @classmethod
    def for_request(cls, visit_request, data=None, *, latest=UNREAD):
        """`latest`: the request's latest evaluation (or None) when the caller has read it."""
        response = latest_response(visit_request, EVALUATION) if latest is UNREAD else latest
        form = cls(EVALUATION, data, response=response)
        form.helper = FormHelper(form)
        form.helper.form_tag = False
        return form


class RoutingForm(SafeIdsMixin, forms.Form):
    host_unit = forms.ModelChoiceField(label=_("host unit"), queryset=OrgUnit.objects.none())
    responsible = forms.ModelChoiceField(
        label=_("responsible person"), queryset=User.objects.none()
    )
    informed_units = forms.ModelMultipleChoiceField(
        label=_("units to inform"),
        queryset=OrgUnit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, user=None, keep_responsible=None, **kwargs):
        """`user`: who routes (a kv-yhteyshenkilö names someone of their own department);
        `keep_responsible`: the pk of the person named now."""
        super().__init__(*args, **kwargs)
        units = OrgUnit.objects.filter(is_active=True).select_related("parent")
        units = units.order_by("department__name_fi", "kind", "name_fi")
        for name in ("host_unit", "informed_units"):
            self.fields[name].queryset = units
            self.fields[name].label_from_instance = lambda u: u.label
        self.fields["responsible"].queryset = User.objects.filter(is_active=True).select_related(
            "unit"
        )
        limit_responsible(self.fields["responsible"], user, keep=keep_responsible)
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        # Checkboxes in a scrolling box (no Ctrl-click): the box is the labelled group.
        self.helper.layout = Layout(
            "host_unit", "responsible", Field("informed_units", wrapper_class="checkbox-scroll")
        )


class ChecklistItemForm(SafeIdsMixin, forms.ModelForm):
    class Meta:
        model = ChecklistItem
        fields = ["status", "owner", "due_date", "note"]
        widgets = {"due_date": DateInput(), "note": forms.TextInput()}

    @staticmethod
    def owner_choices() -> list:
        return [("", "---------")] + [(u.pk, str(u)) for u in User.objects.filter(is_active=True)]

    def __init__(self, *args, owner_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.filter(is_active=True)
        if owner_choices is not None:
            # One query for a page of items instead of one per item's menu.
            self.fields["owner"].choices = owner_choices
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control form-control-sm")
        self.fields["status"].widget.attrs["class"] = "form-select form-select-sm"
        if self.instance.pk:
            # Named after the item: a screen reader hears "Status: Guest list", not "status" 20 times.
            for field in self.fields.values():
                field.widget.attrs["aria-label"] = f"{capfirst(field.label)}: {self.instance.label}"
        self.fields["owner"].widget.attrs["class"] = "form-select form-select-sm"


class GuestForm(SafeIdsMixin, forms.ModelForm):
    class Meta:
        model = Guest
        fields = ["name", "title", "role", "form_of_address", "dietary", "notes"]
        widgets = {"notes": forms.TextInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.form_tag = False


class GiftForm(SafeIdsMixin, forms.ModelForm):
    class Meta:
        model = Gift
        fields = ["direction", "description", "value_estimate", "giver", "receiver", "date"]
        widgets = {"date": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.form_tag = False
