"""One settings module, configured from the environment (see .env.example).

Defaults make a fresh clone run with no services: SQLite under var/ and
Celery over kombu's filesystem transport under var/broker.
"""

import re
import secrets
from datetime import timedelta
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"
VAR_DIR.mkdir(exist_ok=True)

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)


def _secret_key() -> str:
    key = env("SECRET_KEY", default="")
    if key:
        return key
    if not DEBUG:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    # Development only: generate once and keep it under var/ (never committed).
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_tables2",
    "django_htmx",
    "django_countries",
    "simple_history",
    "import_export",
    "django_celery_results",
    "axes",
    "csp",
    "espoo_intl",
    "visits",
    "partnerships",
    "networks",
    "events",
    "metrics",
    "advocacy",
    # Last: its demo loader compiles the report from every other app's demo data.
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "espoo_intl.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    "espoo_intl.security.SessionLifetimeMiddleware",
    "espoo_intl.security.NoStoreMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "espoo_intl.urls"
WSGI_APPLICATION = "espoo_intl.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "espoo_intl.context_processors.portal",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
# SQLite (the embedded default) with two people saving at once: write-ahead log so readers
# never block the writer, a writer waits up to 20 s for the lock instead of failing, and
# every transaction takes the write lock at BEGIN, so one that read first cannot fail on
# "database is locked" when it starts writing.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "timeout": env.int("SQLITE_BUSY_TIMEOUT", default=20),
    "transaction_mode": "IMMEDIATE",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
    # Tests on SQLite use an in-memory database unless this names a file: the fault tests'
    # worker processes need one they can open (SQLITE_TEST_FILE=var/test.sqlite3).
    if env("SQLITE_TEST_FILE", default=""):
        DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / env("SQLITE_TEST_FILE"))}
# PostgreSQL: a worker keeps its connection for a minute instead of opening one per request
# (a new backend process each time; issue 12), checked before reuse after a restart.
_PERSISTENT = 60 if DATABASES["default"]["ENGINE"].endswith("postgresql") else 0
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=_PERSISTENT))
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "espoo_intl.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",  # earlier accounts, upgraded at sign-in
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out account or address first
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Single sign-on with the city's identity provider over OpenID Connect (espoo_intl/oidc.py):
# off unless OIDC_ENABLED; local accounts keep working beside it. The provider's groups map
# to portal roles (OIDC_GROUP_ROLES="group=role,...", roles: unit_staff,
# international_contact, kv_team, leadership, administrator) and to organisation units
# (OIDC_GROUP_UNITS="group=unit abbreviation,...").
OIDC_ENABLED = env.bool("OIDC_ENABLED", default=False)
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET", default="")
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT", default="")
OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", default="openid email profile")
OIDC_USERNAME_CLAIM = env("OIDC_USERNAME_CLAIM", default="preferred_username")
OIDC_GROUPS_CLAIM = env("OIDC_GROUPS_CLAIM", default="groups")
OIDC_GROUP_ROLES = env.dict("OIDC_GROUP_ROLES", default={})
OIDC_GROUP_UNITS = env.dict("OIDC_GROUP_UNITS", default={})
OIDC_USE_PKCE = True
OIDC_TIMEOUT = env.int("OIDC_TIMEOUT", default=10)
LOGIN_REDIRECT_URL_FAILURE = "/accounts/login/?sso=failed"
if OIDC_ENABLED:
    _missing = [
        name
        for name in (
            "OIDC_RP_CLIENT_ID",
            "OIDC_RP_CLIENT_SECRET",
            "OIDC_OP_AUTHORIZATION_ENDPOINT",
            "OIDC_OP_TOKEN_ENDPOINT",
            "OIDC_OP_USER_ENDPOINT",
            "OIDC_OP_JWKS_ENDPOINT",
        )  # fmt: skip
        if not globals()[name]
    ]
    if _missing:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"OIDC_ENABLED needs {', '.join(_missing)}.")
    AUTHENTICATION_BACKENDS.append("espoo_intl.oidc.PortalOIDCBackend")

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords an account, and
# separately an address, is refused for the cool-off time, even with the right password.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_DISABLE_ACCESS_LOG = True  # keep failed attempts only (until the cool-off), not every sign-in
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "espoo_intl.security.client_ip"
# How many reverse proxies in front of the portal append to X-Forwarded-For (0: none, the
# address is REMOTE_ADDR). Behind one proxy set 1, or every user shares the proxy's address.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# Password reset: at most this many requests an hour per address and per e-mail address.
PASSWORD_RESET_LIMIT = env.int("PASSWORD_RESET_LIMIT", default=5)

# Sessions: end after SESSION_IDLE_TIMEOUT seconds without a request, and in any case
# SESSION_ABSOLUTE_TIMEOUT seconds after signing in (espoo_intl.security). The idle timeout
# is renewed at most once every SESSION_RENEW_AFTER seconds (one write a minute, not one a
# page), so it is exact to within that.
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_TIMEOUT", default=30 * 60)
SESSION_SAVE_EVERY_REQUEST = False
SESSION_RENEW_AFTER = env.int("SESSION_RENEW_AFTER", default=60)
SESSION_ABSOLUTE_TIMEOUT = env.int("SESSION_ABSOLUTE_TIMEOUT", default=10 * 3600)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Internationalisation: Finnish first, English and Swedish too.
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("en", _("English")), ("sv", _("Swedish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# English dates as 29 Nov 2026 / 29.11.2026 (espoo_intl/formats/en/formats.py)
FORMAT_MODULE_PATH = ["espoo_intl.formats"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True
COUNTRIES_FIRST = ["FI", "SE", "EE", "NO", "DK"]

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Uploaded files live outside the web root and are served by permission-checked views only.
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
DJANGO_TABLES2_TEMPLATE = "django_tables2/bootstrap5-responsive.html"
DJANGO_TABLES2_TABLE_ATTRS = {"class": "table table-sm table-hover align-middle"}

# E-mail: console in development, SMTP (or anything) from EMAIL_URL in production.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="noreply-international@espoo.fi")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# An SMTP server that never answers must not hold a worker forever (seconds).
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)

# Celery: Redis when REDIS_URL is set, else the filesystem transport under var/broker.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {}
else:
    _broker_dir = VAR_DIR / "broker"
    for _sub in ("queue", "processed", "control"):
        (_broker_dir / _sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "processed_folder": str(_broker_dir / "processed"),
        "control_folder": str(_broker_dir / "control"),  # not the working directory
        "store_processed": False,
    }
# The cache holds throttling counters (password reset): shared through Redis when there is one,
# in its own database (REDIS_CACHE_URL, by default the broker's Redis, database 1), so clearing
# the cache never touches queued tasks.
REDIS_CACHE_URL = env("REDIS_CACHE_URL", default="")
if REDIS_URL and not REDIS_CACHE_URL:
    REDIS_CACHE_URL = re.sub(r"(/\d*)?$", "/1", REDIS_URL.rstrip("/"), count=1)
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_CACHE_URL,
    }
    if REDIS_CACHE_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
# A list export of more rows than this is built by a Celery job the user downloads when it
# is ready (espoo_intl/export_jobs.py): 25,000 rows of Excel take about 8 s of CPU here.
EXPORT_SYNC_MAX_ROWS = env.int("EXPORT_SYNC_MAX_ROWS", default=25_000)
CELERY_BROKER_CONNECTION_TIMEOUT = 3
# Reliability (issue 8): a task is acknowledged only when it has run, so a worker killed
# mid-task leaves it on the broker; one message prefetched at a time; every task has a soft
# and a hard time limit, and the broker re-delivers an unacknowledged task only after the
# longest task could have finished (visibility timeout above the hard limit).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=240)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=300)
CELERY_BROKER_VISIBILITY_TIMEOUT = env.int(
    "CELERY_BROKER_VISIBILITY_TIMEOUT", default=max(3600, 2 * CELERY_TASK_TIME_LIMIT)
)
if not 0 < CELERY_TASK_SOFT_TIME_LIMIT < CELERY_TASK_TIME_LIMIT < CELERY_BROKER_VISIBILITY_TIMEOUT:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "Need 0 < CELERY_TASK_SOFT_TIME_LIMIT < CELERY_TASK_TIME_LIMIT < "
        "CELERY_BROKER_VISIBILITY_TIMEOUT, or a running task is handed to a second worker."
    )
CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] = CELERY_BROKER_VISIBILITY_TIMEOUT
# A task whose worker was killed (kill -9, a lost machine) stays unacknowledged on Redis; a
# worker looks for such tasks older than the visibility timeout every this many seconds.
CELERY_BROKER_TRANSPORT_OPTIONS["unacked_restore_interval"] = env.int(
    "CELERY_BROKER_RESTORE_INTERVAL", default=60
)
CELERY_BROKER_TRANSPORT_OPTIONS["unacked_restore_throttle"] = 1
CELERY_RESULT_BACKEND = "django-db"
# The test suite runs tasks in-process (still through Celery's task API); one test drives a real
# worker in-process, and the fault tests (visits/tests/test_faults.py) real worker processes.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = CELERY_TASK_ALWAYS_EAGER
CELERY_RESULT_EXTENDED = True
CELERY_RESULT_EXPIRES = timedelta(days=1)  # task results name recipients: beat deletes them daily
CELERY_TASK_SERIALIZER = "json"
# The annual report keeps a core busy for tens of seconds. REPORT_QUEUE=reports sends it to a
# queue of its own (a worker of its own, so a long compile does not delay e-mails); by default
# it shares the one queue ("celery").
REPORT_QUEUE = env("REPORT_QUEUE", default="celery")
# The report's printing (WeasyPrint, most of a compile) runs in a child process at this
# niceness, so pages keep the CPU while it prints and the worker keeps its own priority for
# the tasks after it (reports/printing.py); 0 prints in the worker's process itself.
REPORT_NICE = env.int("REPORT_NICE", default=19)
if not 0 <= REPORT_NICE <= 19:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("REPORT_NICE is a niceness from 0 (in-process) to 19 (lowest).")
CELERY_TASK_ROUTES = {"reports.tasks.compile_report": {"queue": REPORT_QUEUE}}
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
# Transactional outbox (espoo_intl/outbox.py): beat sweeps every OUTBOX_SWEEP_SECONDS; a
# message handed to the broker but not done after OUTBOX_REDELIVER_SECONDS (lost with a Redis
# restart, say) is handed over again, at most OUTBOX_MAX_ATTEMPTS times in all; the outbox row
# lock makes a message handed over twice run once.
OUTBOX_SWEEP_SECONDS = env.float("OUTBOX_SWEEP_SECONDS", default=60.0)
OUTBOX_REDELIVER_SECONDS = env.int("OUTBOX_REDELIVER_SECONDS", default=15 * 60)
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=10)

# Production hardening; `manage.py check --deploy` passes with DEBUG off.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = False
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Content-Security-Policy (django-csp): only the portal's own scripts, styles and images;
# no inline script or style anywhere (templates use static/js and static/css).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],  # Bootstrap draws its icons as data: SVG in CSS
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
SILENCED_SYSTEM_CHECKS = ["security.W021"]  # HSTS preload is the city's own decision.

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # django-axes logs every sign-in at INFO; failures and lockouts are WARNING.
    "loggers": {"axes": {"level": env("AXES_LOG_LEVEL", default="WARNING")}},
}

# Visit requests (DOMAIN.md 3.3, 3.4)
REQUEST_MIN_NOTICE_DAYS = env.int("REQUEST_MIN_NOTICE_DAYS", default=21)
GUEST_DATA_RETENTION_DAYS = env.int("GUEST_DATA_RETENTION_DAYS", default=90)
INTERNATIONAL_MAILBOX = env("INTERNATIONAL_MAILBOX", default="international@espoo.fi")
ATTACHMENT_MAX_BYTES = env.int("ATTACHMENT_MAX_BYTES", default=10 * 1024 * 1024)
# An oversized upload is dropped as it streams in, not read whole first.
FILE_UPLOAD_HANDLERS = [
    "espoo_intl.attachments.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
REMINDER_DAYS_BEFORE = 7
PORTAL_URL = env("PORTAL_URL", default="http://127.0.0.1:8000")
# Periodic tasks are declared by each app (espoo_intl.registry.App.periodic_tasks).
