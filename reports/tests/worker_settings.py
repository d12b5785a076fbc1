"""Settings of the real Celery worker reports/tests/test_worker.py starts (through the shared
harness, espoo_intl/tests/worker.py): the portal's own, with a pause before printing
(REPORT_TEST_DELAY seconds: time to kill the worker mid-compile)."""

import os

from espoo_intl.settings import *  # noqa: F403

REPORT_TEST_DELAY = float(os.environ.get("REPORT_TEST_DELAY", "0"))
