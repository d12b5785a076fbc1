"""Demo data: the published final report of the last complete demo year, compiled in this
process through the same services as the Celery job, so a new user finds the portal's main
output on the reports page (/reports/) at once."""

from .models import ReportState, ReportVersion
from .selectors import last_approved_year
from .services import report_compile_now, report_publish

__all__ = ["load"]


def load(*, users: dict, options: dict) -> str:
    """Compile and publish the report of the newest approved year (once)."""
    if ReportVersion.objects.exists():
        return "0 reports (compiled before)"
    year = last_approved_year()
    if year is None:
        return "no approved reporting period: no report"
    kv = users["kv"]
    version = report_compile_now(year=year, language="fi", final=True, actor=kv)
    if version.state != ReportState.DONE:
        return f"the {year} report failed: {version.failure_reason}"
    report_publish(version, actor=kv)
    return f"the {year} report compiled and published"
