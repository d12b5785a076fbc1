"""Staff diversity (DOMAIN.md 2.3): the share of staff speaking a language other than
Finnish or Swedish, by result unit and year, entered by kv-tiimi from HR's figures."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from espoo_intl.models import OrgUnit

__all__ = ["StaffDiversity"]

_PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


class StaffDiversity(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000)])
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("result unit"),
        on_delete=models.PROTECT,
        related_name="staff_diversity",
        limit_choices_to={"kind": OrgUnit.Kind.UNIT},
    )
    share = models.DecimalField(
        _("share of staff speaking other languages (%)"),
        max_digits=5,
        decimal_places=1,
        validators=_PERCENT,
    )
    staff = models.PositiveIntegerField(_("staff"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("staff diversity figure")
        verbose_name_plural = _("staff diversity figures")
        ordering = ["-year", "unit__name_fi"]
        constraints = [
            models.UniqueConstraint(fields=["year", "unit"], name="metrics_one_diversity_figure")
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}: {self.share} %"
