"""The "compile the report" form on the reports page (kv-tiimi)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ReportLanguage
from .selectors import compile_years

__all__ = ["CompileForm"]

DRAFT, FINAL = "draft", "final"


class CompileForm(forms.Form):
    year = forms.TypedChoiceField(label=_("year"), coerce=int, choices=())
    language = forms.ChoiceField(label=_("language"), choices=ReportLanguage.choices)
    kind = forms.ChoiceField(
        label=_("version"),
        choices=[(DRAFT, _("draft")), (FINAL, _("final (approved period only)"))],
        initial=DRAFT,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, str(y)) for y in compile_years()]
        self.fields["year"].widget.attrs["class"] = "form-select"
        self.fields["language"].widget.attrs["class"] = "form-select"

    @property
    def final(self) -> bool:
        return self.cleaned_data["kind"] == FINAL
