"""Themes (teemat): the subject catalogue every register shares. kv-tiimi edits it at
/settings/themes/; a theme no longer used is retired (`is_active`), never deleted."""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .i18n import TranslatedNameModel

__all__ = ["Theme"]


class Theme(TranslatedNameModel):
    """An editable catalogue of subjects (teemat) shared by the registers."""

    slug = models.SlugField(_("code"), max_length=60, unique=True)
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = [Lower("name_fi")]
