"""Double submit: a create form posted twice (a double click, a retry after a timeout)
makes one record.

Every create form of a register carries a one-time `submit_token` (hidden field, set by
SubmitTokenMixin, part of RegisterForm). ObjectEditView creates through `create_once`: the
token is stored with the new record in the same transaction under a unique constraint, so
the second POST with the same token finds the first one's record (or waits for it and then
finds it) and is sent there instead of creating another record and another set of e-mails.
A form posted without a token (an API client, a test) is saved as before.
"""

import uuid

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["SubmitToken", "SubmitTokenMixin", "create_once", "TOKEN_FIELD"]

TOKEN_FIELD = "submit_token"


class SubmitToken(models.Model):
    token = models.UUIDField(_("token"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(null=True)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "token"], name="submit_token_once_per_user")
        ]
        verbose_name = _("submitted form")
        verbose_name_plural = _("submitted forms")

    def __str__(self):
        return str(self.token)

    def record(self):
        model = self.content_type.model_class()
        return model._default_manager.filter(pk=self.object_id).first() if model else None


class SubmitTokenMixin:
    """A create form (no instance yet) gets a hidden one-time token."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is None or instance.pk is None:
            self.fields[TOKEN_FIELD] = forms.UUIDField(required=False, widget=forms.HiddenInput)
            self.initial.setdefault(TOKEN_FIELD, uuid.uuid4())

    def clean(self):
        cleaned = super().clean()
        # A mangled token is no reason to refuse the user's input: save it without one.
        self._errors.pop(TOKEN_FIELD, None)
        return cleaned


def _earlier(token, user, model):
    row = SubmitToken.objects.filter(
        token=token, user=user, content_type=ContentType.objects.get_for_model(model)
    ).first()
    return row.record() if row is not None and row.object_id else None


def create_once(model, token, user, create):
    """Run `create()` unless this user's form with this token already made a record.
    Returns (record, created)."""
    if token is None:
        return create(), True
    if (earlier := _earlier(token, user, model)) is not None:
        return earlier, False
    try:
        with transaction.atomic():
            row = SubmitToken.objects.create(
                token=token, user=user, content_type=ContentType.objects.get_for_model(model)
            )
            record = create()
            row.object_id = record.pk
            row.save(update_fields=["object_id"])
    except IntegrityError:  # the same form saved meanwhile by a concurrent request
        if (earlier := _earlier(token, user, model)) is not None:
            return earlier, False
        raise
    return record, True
