# The Celery app must be imported here so that `.delay()` uses our broker
# settings instead of falling back to a default amqp connection.
from .celery import app as celery_app

__all__ = ["celery_app"]
