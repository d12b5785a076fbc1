"""Forms of the yearly round. The checks of a figure live in metrics.rules (clean_value),
called here and by the service."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from espoo_intl.forms import DateInput

from .models import Unit
from .rules import clean_value
from .services import TEXT_FIELDS

__all__ = ["PeriodOpenForm", "SubmissionForm", "UploadForm", "DiversityUploadForm", "VALUE_PARTS"]

VALUE_PARTS = ("number", "text", "source", "comment", "comparability_break", "break_explanation")
_SMALL = {"class": "form-control form-control-sm"}


class PeriodOpenForm(forms.Form):
    year = forms.IntegerField(label=_("year"), min_value=2000, max_value=2100)
    deadline = forms.DateField(
        label=_("deadline"), widget=DateInput(attrs={"class": "form-control"})
    )


def _value_fields(value) -> dict:
    label = f"{value.indicator.code} {value.indicator.name}"
    is_text = value.indicator.unit == Unit.TEXT
    return {
        "number": forms.CharField(label=label, required=False, widget=forms.TextInput(attrs=_SMALL | {"inputmode": "decimal"})),
        "text": forms.CharField(label=label, required=False, widget=forms.Textarea(attrs=_SMALL | {"rows": 2})),
        "source": forms.CharField(label=_("source"), required=False, max_length=300, widget=forms.TextInput(attrs=_SMALL)),
        "comment": forms.CharField(label=_("comment"), required=False, widget=forms.Textarea(attrs=_SMALL | {"rows": 1})),
        "comparability_break": forms.BooleanField(label=_("break in comparability"), required=False, widget=forms.CheckboxInput(attrs={"class": "form-check-input"})),
        "break_explanation": forms.CharField(label=_("explanation of the break"), required=False, widget=forms.Textarea(attrs=_SMALL | {"rows": 1})),
    } | ({"number": None} if is_text else {"text": None})  # fmt: skip


class SubmissionForm(forms.Form):
    """Every value of a submission (one row each) plus its highlights and development
    points; `version` guards against saving over someone else's change."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, submission, **kwargs):
        kwargs.setdefault("initial", {})
        super().__init__(*args, **kwargs)
        self.submission = submission
        self.values = list(
            submission.values.select_related("indicator").order_by("indicator__order")
        )
        self.initial["version"] = submission.version
        for value in self.values:
            for part, field in _value_fields(value).items():
                if field is None:
                    continue
                name = f"v{value.pk}-{part}"
                self.fields[name] = field
                current = value.display if part == "number" else getattr(value, part)
                self.initial.setdefault(name, current)
        for name in TEXT_FIELDS:
            model_field = submission._meta.get_field(name)
            self.fields[name] = forms.CharField(
                label=model_field.verbose_name,
                required=False,
                max_length=4000,
                widget=forms.Textarea(attrs={"class": "form-control", "rows": 4}),
                help_text=_("Markdown: **bold**, *italic*, lists with -"),
            )
            self.initial.setdefault(name, getattr(submission, name))

    def rows(self):
        """(value, its bound fields by part) for the template."""
        for value in self.values:
            parts = {
                p: self[f"v{value.pk}-{p}"]
                for p in VALUE_PARTS
                if f"v{value.pk}-{p}" in self.fields
            }
            parts["main"] = parts.get("number") or parts["text"]
            yield value, parts

    def text_fields(self):
        return [self[name] for name in TEXT_FIELDS]

    def clean(self):
        cleaned = super().clean()
        for value in self.values:
            key = f"v{value.pk}-"
            try:
                clean_value(
                    value.indicator.unit, cleaned.get(key + "number"), cleaned.get(key + "text", "")
                )
            except ValidationError as error:
                field = key + ("text" if value.indicator.unit == Unit.TEXT else "number")
                self.add_error(field, error)
            if (
                cleaned.get(key + "comparability_break")
                and not cleaned.get(key + "break_explanation", "").strip()
            ):
                self.add_error(key + "break_explanation", _("Explain the break in comparability."))
        return cleaned

    def value_data(self) -> dict:
        data = {}
        for value in self.values:
            key = f"v{value.pk}-"
            data[value.pk] = {p: self.cleaned_data.get(key + p, "") for p in VALUE_PARTS}
        return data

    def text_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in TEXT_FIELDS}


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("filled-in Excel template (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".xlsx"}),
    )


class DiversityUploadForm(forms.Form):
    year = forms.IntegerField(
        label=_("year"), min_value=2000, max_value=2100,
        widget=forms.NumberInput(attrs={"class": "form-control input-narrow"}),
    )  # fmt: skip
    file = forms.FileField(
        label=_("HR's Excel file (.xlsx): result unit, share, staff"),
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".xlsx"}),
    )
