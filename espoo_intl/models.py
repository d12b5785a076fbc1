"""Organisation units and people: the cross-cutting data every register points to."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from .i18n import TranslatedNameModel
from .roles import Role
from .themes import Theme
from .timeline import TimelineEntry  # noqa: F401

__all__ = ["OrgUnit", "Theme", "User"]


class OrgUnit(TranslatedNameModel):
    """A node of the city's organisation: the city group, a department or a result unit."""

    class Kind(models.TextChoices):
        GROUP = "group", _("city group (konserni)")
        DEPARTMENT = "department", _("department (toimiala)")
        UNIT = "unit", _("result unit (tulosyksikkö)")
        # A city-group company (e.g. Espoo Marketing Oy): under the city group, not a
        # department, but for the record rules its own department like one.
        COMPANY = "company", _("city-group company (konserniyhtiö)")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Denormalised so that "records of my department" is one indexed filter.
    department = models.ForeignKey(
        "self",
        verbose_name=_("department"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    abbreviation = models.CharField(_("abbreviation"), max_length=20, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation unit")
        verbose_name_plural = _("organisation units")
        ordering = ["name_fi"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name_fi"], name="orgunit_unique_name")
        ]

    def clean(self):
        if self.kind == self.Kind.GROUP and self.parent_id:
            raise ValidationError({"parent": _("The city group cannot have a parent unit.")})
        if self.kind != self.Kind.GROUP and not self.parent_id:
            raise ValidationError({"parent": _("Departments and result units need a parent.")})
        if self.kind == self.Kind.UNIT and self.parent and self.parent.kind == self.Kind.GROUP:
            raise ValidationError(
                {"parent": _("A result unit belongs to a department, not to the city group.")}
            )

    def save(self, *args, **kwargs):
        if self.kind == self.Kind.UNIT and self.parent_id:
            self.department_id = self.parent.department_id
        elif not self.is_own_department:
            self.department_id = None
        elif self.pk:
            self.department_id = self.pk
        super().save(*args, **kwargs)
        if self.is_own_department and self.department_id != self.pk:
            # A new department is its own department: known only once it has a key.
            OrgUnit.objects.filter(pk=self.pk).update(department=self.pk)
            self.department_id = self.pk

    @property
    def is_own_department(self) -> bool:
        """A department or a city-group company: records "of my department" are its own."""
        return self.kind in (self.Kind.DEPARTMENT, self.Kind.COMPANY)

    @property
    def label(self) -> str:
        """The unit with its department, as people say it: "Department / Unit"."""
        if self.kind == self.Kind.UNIT and self.parent_id:
            return f"{self.parent.name} / {self.name}"
        return self.name


class User(AbstractUser):
    """A person using the portal; belongs to one organisation unit."""

    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("organisation unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=[("fi", "suomi"), ("en", "English"), ("sv", "svenska")],
        default="fi",
    )
    title = models.CharField(
        pgettext_lazy("job title of a person", "title"), max_length=200, blank=True
    )
    # Secret in the personal iCal feed's address; a new one revokes the old address.
    calendar_token = models.CharField(
        _("calendar feed key"), max_length=64, blank=True, editable=False, db_index=True
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @cached_property
    def roles(self) -> frozenset[str]:
        if not self.is_active:
            return frozenset()
        names = frozenset(self.groups.values_list("name", flat=True))
        if self.is_superuser:
            names |= {Role.ADMINISTRATOR.value}
        return names

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles & {str(r) for r in roles})

    @property
    def sees_everything(self) -> bool:
        """kv-tiimi and administrators see and may edit every record, confidential ones too."""
        return self.has_role(Role.KV_TEAM, Role.ADMINISTRATOR)

    @cached_property
    def department_pk(self):
        """The department the user's unit belongs to (None for the city group level)."""
        return self.unit.department_id if self.unit_id else None


from .attachments import Attachment  # noqa: E402, F401
from .export_jobs import ExportJob  # noqa: E402, F401
from .outbox import OutboxMessage  # noqa: E402, F401
from .questionnaires import Answer, Question, QuestionSet, Response  # noqa: E402, F401
from .submissions import SubmitToken  # noqa: E402, F401
