"""Readers of the partnership register: linked records, partnership health (the dashboard
panel) and the project figures the metrics read (B2.3, C1.2, C1.3, C2.1).

Other apps link their records to a partnership with a nullable foreign key whose
related_name is one of LINKED_RELATIONS (e.g. `visits.Visit.partnership`,
related_name="visits"); this module finds those relations when they exist, so nothing
here imports them."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import OuterRef, Q, Subquery, Sum
from django.utils import timezone

from espoo_intl.paging import PANEL_ROWS, first_rows
from espoo_intl.questionnaires import Response, responses_for, summary
from espoo_intl.timeline import TimelineEntry

from .choices import ASSESSMENT, PartnershipStatus, ProjectStatus
from .models import Partner, Partnership, Project

__all__ = [
    "LINKED_RELATIONS", "HEALTH_DAYS", "SILENCE_MONTHS", "linked_relations", "linked_records",
    "partnerships_for_linking", "link_to_partnership", "Assessment", "assessment_result", "assessments_compared",
    "ending_soon", "review_due", "dormant_candidates", "health_panel",
    "projects_running_in", "running_in", "projects_under_way", "international_funding_in", "eu_projects_started_in",
    "eu_funding_started_in", "projects_with_international_partners_in",
]  # fmt: skip

# Reverse relations from other registers to Partnership, by related_name.
LINKED_RELATIONS = ("visits", "events", "projects")
HEALTH_DAYS = 90  # agreements ending or due for review within this many days
SILENCE_MONTHS = 24  # no sign of life for this long: a candidate for "dormant"


# --- links from other registers -------------------------------------------------------------


def linked_relations() -> list:
    """The reverse relations (ForeignObjectRel) to Partnership that exist in this project."""
    found = []
    for name in LINKED_RELATIONS:
        try:
            relation = Partnership._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if relation.one_to_many:
            found.append(relation)
    return found


def linked_records(partnership: Partnership, *, user) -> list[tuple[str, list]]:
    """(the records' plural name, the records the user may see) for each register linked
    to this partnership, e.g. its visits and events."""
    result = []
    for relation in linked_relations():
        model = relation.related_model
        qs = getattr(partnership, relation.get_accessor_name()).all()
        if hasattr(qs, "for_user"):
            qs = qs.for_user(user)
        result.append((model._meta.verbose_name_plural, list(qs[:50])))
    return result


def partnerships_for_linking(*, user):
    """The partnerships a user may link a record to (for a select field in another app's
    form): those they can see and that have not ended."""
    return Partnership.objects.for_user(user).exclude(status=PartnershipStatus.ENDED)


def link_to_partnership(form, field: str = "partnership") -> None:
    """Offer, in another register's form, only the partnerships its user may link to; a
    record keeps the partnership it already has even after that one has ended."""
    choices = partnerships_for_linking(user=form.user)
    current = getattr(form.instance, f"{field}_id", None)
    if current:
        choices = choices | Partnership.objects.filter(pk=current)
    form.fields[field].queryset = choices.distinct().order_by("name")


# --- assessments ----------------------------------------------------------------------------


@dataclass
class Assessment:
    response: Response
    benefits_positive: int
    benefits_total: int
    risks: list  # the part 2 answers that are the bad one

    @property
    def mostly_positive(self) -> bool:
        """The seed's rule: most of the benefit answers should be positive."""
        return self.benefits_positive * 2 > self.benefits_total

    @property
    def when(self):
        return self.response.answered_at


def assessment_result(response: Response) -> Assessment:
    """How one assessment came out: benefit answers positive (part 1), risks flagged (part 2)."""
    result = summary(response)
    benefits = {c: v for c, v in result.values.items() if c.startswith("benefit-")}
    return Assessment(
        response=response,
        benefits_positive=sum(v is True for v in benefits.values()),
        benefits_total=len(benefits),
        risks=[a for a in result.bad if a.question.code.startswith("risk-")],
    )


def assessments_compared(partnership: Partnership) -> tuple[list, list]:
    """Every assessment of the partnership, oldest first, and one row per question with
    each assessment's answer: the years side by side."""
    assessments = [assessment_result(r) for r in reversed(list(responses_for(partnership, ASSESSMENT)))]  # fmt: skip
    questions = {}
    for column, assessment in enumerate(assessments):
        for answer in assessment.response.answers.all():
            cells = questions.setdefault(answer.question.pk, [answer.question, [None] * len(assessments)])  # fmt: skip
            cells[1][column] = answer
    rows = sorted(questions.values(), key=lambda item: (item[0].order, item[0].pk))
    return assessments, rows


# --- health ---------------------------------------------------------------------------------

_LIVE = (PartnershipStatus.PROPOSED, PartnershipStatus.ACTIVE, PartnershipStatus.DORMANT)


def ending_soon(*, user, today=None):
    """Live partnerships whose agreement ends within HEALTH_DAYS days."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=HEALTH_DAYS)
    qs = Partnership.objects.for_user(user).filter(status__in=_LIVE)
    return qs.filter(end_date__gte=today, end_date__lte=horizon).order_by("end_date")


def review_due(*, user, today=None):
    """Live partnerships due for review within HEALTH_DAYS days (or overdue)."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=HEALTH_DAYS)
    qs = Partnership.objects.for_user(user).filter(status__in=_LIVE)
    return qs.filter(review_date__lte=horizon).order_by("review_date")


def _months_back(today: datetime.date, months: int) -> datetime.date:
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return datetime.date(year, month + 1, min(today.day, 28))


def _latest(model, **match):
    """A subquery: the latest created_at of `model` rows matching (OuterRef) terms."""
    return Subquery(model.objects.filter(**match).order_by("-created_at").values("created_at")[:1])


def dormant_candidates(*, user, today=None) -> list[Partnership]:
    """Active partnerships with no sign of life for SILENCE_MONTHS months: nothing linked
    (visit, event, project), no assessment and no timeline entry since, and created before."""
    return list(_dormant(user=user, today=today))


def _dormant(*, user, today=None):
    """`dormant_candidates` as a queryset (without GROUP BY: every "latest" is a subquery)."""
    today = today or timezone.localdate()
    since = timezone.make_aware(datetime.datetime.combine(_months_back(today, SILENCE_MONTHS), datetime.time()))  # fmt: skip
    ct = ContentType.objects.get_for_model(Partnership)
    qs = Partnership.objects.for_user(user).filter(
        status=PartnershipStatus.ACTIVE, created_at__lt=since
    )
    qs = qs.annotate(
        last_entry=Subquery(
            TimelineEntry.objects.filter(content_type=ct, object_id=OuterRef("pk"))
            .order_by("-at")
            .values("at")[:1]
        ),
        last_assessment=Subquery(
            Response.objects.filter(content_type=ct, object_id=OuterRef("pk"))
            .order_by("-answered_at")
            .values("answered_at")[:1]
        ),
    )
    quiet = Q(last_entry__isnull=True) | Q(last_entry__lt=since)
    quiet &= Q(last_assessment__isnull=True) | Q(last_assessment__lt=since)
    for relation in linked_relations():
        name = f"last_{relation.name}"
        qs = qs.annotate(**{name: _latest(relation.related_model, **{relation.field.name: OuterRef("pk")})})  # fmt: skip
        quiet &= Q(**{f"{name}__isnull": True}) | Q(**{f"{name}__lt": since})
    return qs.filter(quiet).select_related("owning_unit__parent").order_by("name", "pk")


def health_panel(user) -> dict:
    """The dashboard panel "Partnership health"."""
    return {
        "health_days": HEALTH_DAYS,
        "silence_months": SILENCE_MONTHS,
        "ending": first_rows(
            ending_soon(user=user).select_related("owning_unit__parent"), PANEL_ROWS
        ),
        "review": first_rows(
            review_due(user=user).select_related("owning_unit__parent"), PANEL_ROWS
        ),
        "dormant": first_rows(_dormant(user=user), PANEL_ROWS),
    }


# --- projects, for the metrics --------------------------------------------------------------


def _year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def running_in(year: int) -> Q:
    """The condition on a project whose dates overlap the year."""
    first, last = _year_bounds(year)
    return (Q(end_date__isnull=True) | Q(end_date__gte=first)) & Q(start_date__lte=last)


def projects_under_way():
    """Projects not merely planned, of any year."""
    return Project.objects.exclude(status=ProjectStatus.PLANNED)


def projects_running_in(year: int):
    """Projects (not merely planned) whose dates overlap the year."""
    return projects_under_way().filter(running_in(year))


def _sum(qs, field: str) -> Decimal:
    return qs.aggregate(total=Sum(field))["total"] or Decimal("0")


def international_funding_in(year: int, *, theme: str | None = None) -> Decimal:
    """International funding Espoo receives in the projects running in the year; with
    `theme` (a theme slug, e.g. "sustainable-development") only the projects with it (B2.3)."""
    qs = projects_running_in(year)
    if theme:
        qs = Project.objects.filter(pk__in=qs.filter(themes__slug=theme).values("pk"))
    return _sum(qs, "international_funding")


def _eu_started(year: int):
    return Project.objects.exclude(status=ProjectStatus.PLANNED).filter(
        eu_funded=True, start_date__year=year
    )


def eu_projects_started_in(year: int) -> int:
    """New EU-funded projects whose start date is in the year (C1.2)."""
    return _eu_started(year).count()


def eu_funding_started_in(year: int) -> Decimal:
    """The EU funding (international funding to Espoo) of those projects (C1.3)."""
    return _sum(_eu_started(year), "international_funding")


def projects_with_international_partners_in(year: int) -> int:
    """Projects running in the year with at least one partner outside Finland (C2.1)."""
    abroad = Partner.objects.exclude(country="FI")
    return projects_running_in(year).filter(partners__in=abroad).distinct().count()
