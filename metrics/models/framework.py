"""The metrics framework as data (DOMAIN.md "Metrics", metrics-catalogue.csv): three
strategic goals, their objectives and the indicators, edited by kv-tiimi."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from espoo_intl.i18n import TranslatedNameModel
from espoo_intl.models import OrgUnit

__all__ = [
    "Goal",
    "Objective",
    "Provider",
    "Indicator",
    "Unit",
    "Source",
    "parse_sdg_tags",
    "validate_sdg_tags",
]


class Unit(models.TextChoices):
    COUNT = "count", _("count")
    PERSONS = "persons", _("persons")
    EUR = "eur", _("euros")
    PERCENT = "percent", _("percent")
    RATIO = "ratio", _("ratio")
    RANK = "rank", _("rank (lower is better)")
    SCALE = "scale", _("scale 1–5")
    TEXT = "text", _("free text")


# The catalogue's notes on a unit ("persons (members)"), in the reader's language; a note
# kv-tiimi writes that is not among these shows as written.
UNIT_NOTES = {
    "nights": pgettext_lazy("unit note", "nights"),
    "jobs": pgettext_lazy("unit note", "jobs"),
    "visitors": pgettext_lazy("unit note", "visitors"),
    "score": pgettext_lazy("unit note", "score"),
    "members": pgettext_lazy("unit note", "members"),
}


class Source(models.TextChoices):
    """Outside sources whose figures kv-tiimi enters."""

    STATISTICS = "statistics", _("statistics")
    BUSINESS_ESPOO = "business_espoo", _("Business Espoo")
    HELSINKI_BUSINESS_HUB = "helsinki_business_hub", _("Helsinki Business Hub")
    HR = "hr", _("HR")
    HIGHER_EDUCATION = "higher_education", _("higher education institutions")


class Goal(TranslatedNameModel):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("strategic goal")
        verbose_name_plural = _("strategic goals")
        ordering = ["order", "pk"]


class Objective(TranslatedNameModel):
    goal = models.ForeignKey(
        Goal, verbose_name=_("strategic goal"), on_delete=models.PROTECT, related_name="objectives"
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["goal__order", "order", "pk"]


class Provider(TranslatedNameModel):
    """Who gives an indicator's figure: a city unit (its department's international contact
    fills it in) or an outside source kv-tiimi enters for."""

    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("organisation unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="metric_providers",
    )
    source = models.CharField(
        _("outside source"), max_length=30, choices=Source.choices, blank=True
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("provider")
        verbose_name_plural = _("providers")
        ordering = ["order", "name_fi"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(unit__isnull=True) & ~models.Q(source=""))
                | (models.Q(unit__isnull=False) & models.Q(source="")),
                name="metrics_provider_unit_or_source",
            )
        ]

    def clean(self):
        if bool(self.unit_id) == bool(self.source):
            raise ValidationError(_("Choose either an organisation unit or an outside source."))


def parse_sdg_tags(text: str) -> list[int]:
    """ "11, 13" -> [11, 13]; ValueError unless every tag is a goal 1–17."""
    tags = [int(part) for part in text.replace(" ", "").split(",") if part]
    if any(not 1 <= tag <= 17 for tag in tags):
        raise ValueError(text)
    return sorted(set(tags))


def validate_sdg_tags(text: str) -> None:
    try:
        parse_sdg_tags(text)
    except ValueError:
        raise ValidationError(
            _("Give the sustainable development goals as numbers 1–17 separated by commas.")
        ) from None


class Indicator(TranslatedNameModel):
    code = models.CharField(_("code"), max_length=20, unique=True)
    objective = models.ForeignKey(
        Objective, verbose_name=_("objective"), on_delete=models.PROTECT, related_name="indicators"
    )
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)
    unit_note = models.CharField(
        _("unit as written"), max_length=40, blank=True, help_text=_("e.g. nights, jobs, members")
    )
    providers = models.ManyToManyField(
        Provider, verbose_name=_("providers"), blank=True, related_name="indicators"
    )
    all_departments = models.BooleanField(_("every department provides it"), default=False)
    derived = models.BooleanField(_("derived from records"), default=False)
    # How a derived indicator is counted, in each language. The English one is the
    # language-neutral rule: "computed: C6.1 / C6.2" is read from it (metrics.figures).
    rule_fi = models.TextField(_("how it is derived, in Finnish"), blank=True)
    rule_sv = models.TextField(_("how it is derived, in Swedish"), blank=True)
    rule_en = models.TextField(
        _("how it is derived, in English"),
        blank=True,
        help_text=_("A ratio of two indicators is written as “computed: C6.1 / C6.2”."),
    )
    active_from = models.PositiveSmallIntegerField(_("active from year"), null=True, blank=True)
    active_to = models.PositiveSmallIntegerField(_("active until year"), null=True, blank=True)
    sdg_tags = models.CharField(
        _("UN sustainable development goals"),
        max_length=60,
        blank=True,
        validators=[validate_sdg_tags],
        help_text=_("numbers 1–17 separated by commas"),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords(m2m_fields=[providers])

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def clean(self):
        errors = {}
        if self.derived and not any(
            text.strip() for text in (self.rule_fi, self.rule_sv, self.rule_en)
        ):
            errors["rule_en"] = _("A derived indicator needs its rule.")
        if self.active_from and self.active_to and self.active_to < self.active_from:
            errors["active_to"] = _("The last year cannot be before the first year.")
        if errors:
            raise ValidationError(errors)

    @property
    def unit_note_label(self):
        """The note on the unit, translatable (as written when it is not a known one)."""
        return UNIT_NOTES.get(self.unit_note.strip(), self.unit_note)

    @property
    def unit_note_display(self) -> str:
        """The note on the unit in the active language."""
        return str(self.unit_note_label)

    def rule_in(self, language: str) -> str:
        """How it is derived in `language`, else in English, else in Finnish."""
        return getattr(self, f"rule_{language[:2]}", "") or self.rule_en or self.rule_fi

    @property
    def rule(self) -> str:
        """How it is derived in the active language (English, then Finnish, if missing)."""
        return self.rule_in(get_language() or "fi")

    @property
    def sdg_list(self) -> list[int]:
        try:
            return parse_sdg_tags(self.sdg_tags)
        except ValueError:
            return []

    def is_active_in(self, year: int) -> bool:
        return (self.active_from or 0) <= year <= (self.active_to or 9999)
