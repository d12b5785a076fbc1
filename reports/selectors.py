"""Reads of the report pages: which years can be compiled, whether a year's period is approved,
the versions a user may see, and how today's figures differ from a published version's."""

from django.db.models import Count, Q

from metrics.models import ReportingPeriod, SubmissionState

from .gather import gather_report_data, report_figures
from .models import ReportState, ReportVersion

__all__ = [
    "FIRST_YEAR", "compile_years", "approved_years", "period_approved", "last_approved_year",
    "version_list", "latest_report", "home_tile", "changed_figures",
]  # fmt: skip

FIRST_YEAR = 2020  # the report compares years from 2020 (DOMAIN.md 2.2)


def _periods():
    return ReportingPeriod.objects.annotate(
        submissions_count=Count("submissions"),
        open_count=Count("submissions", filter=~Q(submissions__state=SubmissionState.APPROVED)),
    )


def approved_years() -> list[int]:
    """Years whose period has submissions, every one of them approved (newest first)."""
    return [
        p.year for p in _periods().filter(submissions_count__gt=0, open_count=0).order_by("-year")
    ]


def period_approved(year: int) -> bool:
    """May the final report of `year` be compiled? Its period is approved as a whole."""
    return year in approved_years()


def last_approved_year() -> int | None:
    years = approved_years()
    return years[0] if years else None


def compile_years() -> list[int]:
    """The years a report can be compiled for: those with a reporting period (newest first)."""
    years = ReportingPeriod.objects.filter(year__gte=FIRST_YEAR).values_list("year", flat=True)
    return sorted(years, reverse=True)


def version_list(*, user):
    """The versions this user may see, newest first, with who started them."""
    return ReportVersion.objects.for_user(user).select_related("started_by").defer("data")


def latest_report(*, user) -> ReportVersion | None:
    """The newest finished version this user may read: for leadership the newest published
    one, for kv-tiimi also drafts (the start page's tile)."""
    return (
        ReportVersion.objects.for_user(user)
        .filter(state=ReportState.DONE)
        .defer("data", "figures")
        .order_by("-year", "-finished_at", "-pk")
        .first()
    )


def home_tile(user) -> dict:
    return {"report": latest_report(user=user)}


def changed_figures(version: ReportVersion, *, now: dict | None = None) -> list[dict]:
    """The figures of a published version that differ from what the portal gives today
    (also figures that appeared or vanished since): [{key, label, published, now}].
    `now` is today's report_figures(), gathered when not given."""
    if now is None:
        now = report_figures(gather_report_data(version.year))
    frozen = version.figures or {}
    changes = []
    for key in sorted(frozen.keys() | now.keys()):
        before, after = frozen.get(key), now.get(key)
        before_value = before.get("value") if before else None
        after_value = after.get("value") if after else None
        if before is not None and after is not None and before_value == after_value:
            continue
        label = (before or after).get("label", key)  # as published
        changes.append(
            {"key": key, "label": label, "published": before_value, "now": after_value,
             "published_missing": before is None, "now_missing": after is None}
        )  # fmt: skip
    return changes
