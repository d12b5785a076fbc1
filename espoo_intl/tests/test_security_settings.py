"""Reliability and security settings as configured (issue 8). Behaviour is tested beside
each feature; these pin the values a security review reads."""

import pytest
import redis
from django.conf import settings
from django.core.cache import cache

from espoo_intl import celery_app


def test_a_task_is_acknowledged_only_after_it_ran_and_requeued_if_its_worker_dies():
    conf = celery_app.conf
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1


def test_every_task_has_time_limits_below_the_broker_visibility_timeout():
    conf = celery_app.conf
    assert 0 < conf.task_soft_time_limit < conf.task_time_limit
    assert conf.broker_transport_options["visibility_timeout"] > conf.task_time_limit


def test_smtp_has_a_timeout():
    assert 0 < settings.EMAIL_TIMEOUT <= 60


def test_sessions_have_an_idle_and_an_absolute_timeout():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert 0 < settings.SESSION_RENEW_AFTER <= 60
    assert settings.SESSION_ABSOLUTE_TIMEOUT == 10 * 3600


def test_sign_in_is_throttled_by_account_and_by_address():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_LOCKOUT_PARAMETERS == ["username", "ip_address"]
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"


def test_the_content_security_policy_allows_no_inline_code():
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    assert directives["default-src"] == ["'self'"]
    for directive in ("script-src", "style-src"):
        assert directives[directive] == ["'self'"]


def test_sqlite_saves_take_the_write_lock_at_once_and_wait_for_each_other():
    from espoo_intl.settings import SQLITE_OPTIONS

    assert SQLITE_OPTIONS["transaction_mode"] == "IMMEDIATE"
    assert SQLITE_OPTIONS["timeout"] >= 10
    assert "journal_mode=WAL" in SQLITE_OPTIONS["init_command"]


def test_task_results_naming_recipients_are_kept_one_day():
    assert celery_app.conf.result_expires.days == 1


def test_clearing_the_cache_leaves_queued_tasks_alone():
    """With Redis, the cache lives in another database than the broker's queues."""
    if not settings.REDIS_URL:
        pytest.skip("no Redis configured: the cache is in memory and the broker on disk")
    broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    broker.set("espoo-intl-test-queued", "1")
    try:
        cache.clear()
        assert broker.get("espoo-intl-test-queued") == b"1"
    finally:
        broker.delete("espoo-intl-test-queued")
