"""Settings for the benchmarks: the portal's own settings (espoo_intl.settings, from the
environment as in production) plus the `bench` app, which adds `generate_synthetic` and a
bench-only admin of the visits (the baseline the visit list is compared with).

    DJANGO_SETTINGS_MODULE=bench.settings python manage.py generate_synthetic --scale 1

The portal itself never installs `bench`: its settings stay untouched, and import-linter's
contracts (the core imports no app) are not affected, since only `bench` imports the apps.
"""

from espoo_intl.settings import *  # noqa: F403
from espoo_intl.settings import DEBUG, INSTALLED_APPS, env

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]

# The benchmark's server speaks plain HTTP on loopback (TLS ends at the proxy in production):
# a Secure cookie would never come back over http://127.0.0.1, so the load tool could not
# stay signed in. Everything else is as production has it (DEBUG off, HSTS, CSP, ...).
SESSION_COOKIE_SECURE = env.bool("BENCH_SECURE_COOKIES", default=False) and not DEBUG
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
