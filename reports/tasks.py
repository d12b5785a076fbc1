"""The report's Celery jobs: compile one version, and the sweep beat runs so no version is
left "running" forever. They take ids and call services (reports/services.py).

The compile job acknowledges its message only when it has finished (acks_late), and a
message whose worker died is given back to the broker (reject_on_worker_lost), so a worker
killed mid-compile does not lose the job: another worker runs it again from the row. A
transient database or connection error is retried with exponential backoff; any other
error, the soft time limit, or the last retry failing records the version as failed with
the reason. The PDF is printed in a child process at low CPU priority (reports/printing.py):
its failure (its error, a kill, its time limit) fails the version with the child's message."""

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings
from django.db import InterfaceError, OperationalError

from . import services
from .printing import ReportPrintError

__all__ = ["compile_report", "sweep"]

TRANSIENT = (OperationalError, InterfaceError, ConnectionError, TimeoutError)
MAX_RETRIES = 5


@shared_task(
    name=services.COMPILE_TASK,
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=MAX_RETRIES,
    soft_time_limit=settings.CELERY_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.CELERY_TASK_TIME_LIMIT,
)
def compile_report(self, version_id: int) -> str:
    try:
        version = services.report_build(version_id=version_id)
    except SoftTimeLimitExceeded:
        services.report_fail(version_id=version_id, reason=services.REASON_TOO_SLOW)
        return "failed"
    except TRANSIENT as error:
        if self.request.retries >= self.max_retries:
            services.report_fail(version_id=version_id, reason=f"{type(error).__name__}: {error}")
            return "failed"
        countdown = get_exponential_backoff_interval(
            factor=2, retries=self.request.retries, maximum=300, full_jitter=True
        )
        raise self.retry(exc=error, countdown=countdown) from error
    except ReportPrintError as error:  # the printing child's own message (reports/printing.py)
        services.report_fail(version_id=version_id, reason=str(error))
        return "failed"
    except Exception as error:  # anything else will not mend by itself: record why
        services.report_fail(version_id=version_id, reason=f"{type(error).__name__}: {error}")
        return "failed"
    return version.state if version is not None else "ended before"


@shared_task(name="reports.tasks.sweep")
def sweep() -> dict:
    return services.reports_sweep()
