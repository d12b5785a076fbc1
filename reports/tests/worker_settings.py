"""Settings of the real Celery worker reports/tests/test_worker.py starts: the portal's own,
on the test run's database, with a slow render (time to kill the worker mid-compile) and a
short visibility timeout, so Redis gives a dead worker's unacknowledged job to the next
worker within seconds instead of an hour."""

import os

from espoo_intl.settings import *  # noqa: F403
from espoo_intl.settings import CELERY_BROKER_TRANSPORT_OPTIONS, DATABASES

DATABASES["default"]["NAME"] = os.environ["REPORT_WORKER_DB_NAME"]
REPORT_TEST_DELAY = float(os.environ.get("REPORT_TEST_DELAY", "0"))
CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] = int(
    os.environ.get("REPORT_WORKER_VISIBILITY_TIMEOUT", "5")
)
