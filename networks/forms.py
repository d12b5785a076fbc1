from crispy_forms.layout import HTML, Div, Fieldset, Layout
from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from espoo_intl.forms import DateInput, RegisterForm
from espoo_intl.models import OrgUnit, User
from espoo_intl.questionnaires import QuestionnaireForm, latest_response

from .models import CLASSIFICATION, Network, NetworkEvaluation

__all__ = ["NetworkForm", "EvaluationForm"]


def _row(*names, width: int = 6) -> Div:
    return Div(*(Div(name, css_class=f"col-md-{width}") for name in names), css_class="row")


class NetworkForm(RegisterForm):
    # An address typed without a scheme is read as https (Django 6's default).
    url = Network._meta.get_field("url").formfield(assume_scheme="https")

    class Meta:
        model = Network
        fields = [
            "name", "scope", "membership", "owning_unit", "contacts", "membership_fee", "url",
            "joined_year", "left_year", "espoo_roles", "goals",
        ]  # fmt: skip
        widgets = {
            "contacts": forms.SelectMultiple(attrs={"size": 6}),
            "espoo_roles": forms.Textarea(attrs={"rows": 3}),
            "goals": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        units = OrgUnit.objects.filter(is_active=True).select_related("parent")
        if self.user is not None and not self.user.sees_everything and self.instance.pk is None:
            # A new network belongs to a unit of the creator's department (the service checks too).
            units = units.filter(department=self.user.department_pk)
        self.fields["owning_unit"].queryset = units.order_by(
            "department__name_fi", "kind", "name_fi"
        )
        self.fields["owning_unit"].label_from_instance = lambda u: u.label
        self.fields["contacts"].queryset = User.objects.filter(is_active=True)
        if self.instance.pk is None and self.user is not None:
            self.initial.setdefault("owning_unit", self.user.unit_id)
            self.initial.setdefault("contacts", [self.user.pk])
        self.helper.layout = Layout(
            Fieldset(
                _("The network"),
                "name",
                _row("scope", "membership"),
                _row("url", "membership_fee"),
                _row("joined_year", "left_year"),
            ),
            Fieldset(_("Owner and contacts"), _row("owning_unit", "contacts")),
            Fieldset(_("Espoo in the network"), "espoo_roles", "goals"),
        )


class EvaluationForm(RegisterForm):
    """The year's evaluation with the classification criteria (the question set
    CLASSIFICATION); the answers go to the service as `answers` and `how`."""

    class Meta:
        model = NetworkEvaluation
        fields = [
            "network", "year", "network_class", "goals", "results",
            "decision", "decided_by", "decided_on",
        ]  # fmt: skip
        widgets = {
            "goals": forms.Textarea(attrs={"rows": 3}),
            "results": forms.Textarea(attrs={"rows": 3}),
            "decided_on": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        networks = Network.objects.all()
        if self.user is not None:
            networks = Network.objects.editable_by(self.user)
        self.fields["network"].queryset = networks.order_by("name")
        previous = latest_response(self.instance, CLASSIFICATION) if self.instance.pk else None
        self.criteria = QuestionnaireForm(CLASSIFICATION, response=previous)
        self.fields.update(self.criteria.fields)
        for name, field in self.criteria.fields.items():
            self.initial.setdefault(name, field.initial)
        self.helper.layout = Layout(
            Fieldset(_("The evaluation"), _row("network", "year", "network_class", width=4)),
            Fieldset(
                _("Criteria"),
                HTML(
                    format_html(
                        '<p class="small text-body-secondary">{}</p>',
                        _(
                            "Strategic: serves several strategic goals, many interested units, potential "
                            "to grow. Thematic: aligned but concerns one department or unit, active actors, "
                            "resources in that unit. Passive: not aligned, no clear owner, no active cooperation."
                        ),
                    )
                ),  # fmt: skip
                *self.criteria.fields,
            ),
            Fieldset(_("The year"), "goals", "results"),
            Fieldset(
                _("Decision on a passive network"),
                _row("decision", "decided_by", "decided_on", width=4),
            ),  # fmt: skip
        )

    def clean(self):
        cleaned = super().clean()
        self.criteria.cleaned_data = {
            name: cleaned.pop(name, "") for name in list(self.criteria.fields)
        }
        cleaned["answers"] = self.criteria.answers()
        cleaned["how"] = self.criteria.how()
        return cleaned
