"""Form pieces shared by the registers."""

from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.utils.translation import gettext_lazy as _

from .submissions import SubmitTokenMixin

__all__ = [
    "RegisterForm", "VersionedFormMixin", "refuse_impossible_ids", "SafeIdsMixin", "TransitionForm", "apply_validation_error", "DateInput",
]  # fmt: skip


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def apply_validation_error(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field when the form has it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            if field == NON_FIELD_ERRORS:
                target = None
            for e in errors:
                form.add_error(target, e)
    else:
        form.add_error(None, error)


class VersionedFormMixin:
    """Editing a record carries the version the user started from in a hidden
    `expected_version` field; the write service refuses the save when someone else saved
    the record meanwhile. An edit posted without it is refused. (No field when creating.)"""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        try:
            self._meta.model._meta.get_field("version")
        except FieldDoesNotExist:
            return
        if self.instance.pk:
            self.fields["expected_version"] = forms.IntegerField(
                widget=forms.HiddenInput,
                min_value=1,
                error_messages={
                    "required": _(
                        "This form does not say which version of the record it changes. "
                        "Open the record again and make your changes."
                    )
                },
            )
            self.initial["expected_version"] = self.instance.version

    def clean(self):
        cleaned = super().clean()
        # A hidden field's error would not show: say it above the form.
        for error in self._errors.pop("expected_version", []):
            self.add_error(None, error)
        return cleaned


# The widest id a database column holds; SQLite raises OverflowError on a larger one instead of
# finding nothing, which would turn a hostile POST into a server error.
_LARGEST_ID = 2**63 - 1


def refuse_impossible_ids(form: forms.BaseForm) -> None:
    """Make each model choice of `form` refuse an id no table can hold (a 300-digit "id") with
    its usual "not one of the choices" message, before it reaches the database."""
    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField):
            field.clean = _bounded(field)


def _bounded(field: forms.ModelChoiceField):
    clean = field.clean
    many = isinstance(field, forms.ModelMultipleChoiceField)

    def bounded_clean(value):
        for item in value if many and isinstance(value, list | tuple) else [value]:
            text = str(item).strip()
            digits = text.lstrip("+-")
            if digits.isascii() and digits.isdigit() and int(digits) > _LARGEST_ID:
                if many:
                    raise ValidationError(
                        field.error_messages["invalid_choice"], code="invalid_choice",
                        params={"value": text[:20] + "…"},
                    )  # fmt: skip
                raise ValidationError(field.error_messages["invalid_choice"], code="invalid_choice")
        return clean(value)

    return bounded_clean


class SafeIdsMixin:
    """A form whose model choices refuse impossible ids (`refuse_impossible_ids`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        refuse_impossible_ids(self)


class RegisterForm(SubmitTokenMixin, VersionedFormMixin, forms.ModelForm):
    """A ModelForm that knows who is filling it in, with a crispy helper; editing a record
    carries its version (VersionedFormMixin), creating one a one-time token against double
    submits (SubmitTokenMixin)."""

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.render_hidden_fields = True  # the version, whatever the layout says
        refuse_impossible_ids(self)


class TransitionForm(forms.Form):
    """What the workflow buttons post (templates/workflow/_transitions.html)."""

    to = forms.CharField(max_length=40, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    override_reason = forms.CharField(
        label=_("reason for the override"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, workflow=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.workflow = workflow

    def clean_to(self):
        to = self.cleaned_data["to"]
        if self.workflow is not None and to not in self.workflow.states:
            raise ValidationError(_("Unknown state."))
        return to
