from crispy_forms.layout import Div, Field, Fieldset, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from espoo_intl.forms import DateInput, RegisterForm
from espoo_intl.models import OrgUnit, User

from .models import Theme, Visit

__all__ = ["VisitForm"]


class VisitForm(RegisterForm):
    class Meta:
        model = Visit
        fields = [
            "title", "kind", "dignitary_rank", "direction", "visiting_organisation", "country",
            "themes", "host_unit", "responsible", "start_date", "end_date", "group_size",
            "language", "interpretation", "paid", "invoiced_amount", "media_hits",
            "follow_up", "confidential", "status",
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
        self.fields["themes"].queryset = Theme.objects.filter(is_active=True)
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
            ),
            Fieldset(
                _("Costs and results"),
                Div(Div("paid", css_class="col-md-4 pt-md-4"), Div("invoiced_amount", css_class="col-md-4"), Div("media_hits", css_class="col-md-4"), css_class="row"),
                "follow_up",
                "confidential",
            ),
        )  # fmt: skip
