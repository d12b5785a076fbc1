from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from espoo_intl.i18n import TranslatedNameModel

__all__ = ["Theme"]


class Theme(TranslatedNameModel):
    """An editable catalogue of subjects (teemat) shared by the registers."""

    slug = models.SlugField(_("code"), max_length=60, unique=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = [Lower("name_fi")]
