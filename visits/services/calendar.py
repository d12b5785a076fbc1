"""Writes for the personal calendar feed."""

import secrets

from django.db import transaction

__all__ = ["calendar_token_renew"]


@transaction.atomic
def calendar_token_renew(*, user) -> str:
    """Give the user a new secret feed key and return it. The previous feed address stops
    working at once, because a feed is found only by the key now stored."""
    token = secrets.token_urlsafe(32)
    # No full_clean(): the only field written is generated here, never typed by a person.
    user.calendar_token = token
    user.save(update_fields=["calendar_token"])
    return token
