"""Catalogue data that users read is stored in Finnish, English and Swedish.

A model with `name_fi`, `name_en` and `name_sv` gets `name` in the active
language, falling back to Finnish, which is always filled in.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

__all__ = ["TranslatedNameModel"]


def _lang() -> str:
    return (get_language() or "fi")[:2]


class TranslatedNameModel(models.Model):
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return getattr(self, f"name_{_lang()}", "") or self.name_fi
