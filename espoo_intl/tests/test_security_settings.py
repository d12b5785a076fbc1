"""Reliability and security settings as configured (issue 8). Behaviour is tested beside
each feature; these pin the values a security review reads."""

from django.conf import settings

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
