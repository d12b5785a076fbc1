"""The timeline: one log of who did what to a record, when and why, for every register.

Summaries are stored untranslated (mark them with gettext_noop) with their values in
`params`, and are translated when read, in each reader's language. A model can turn
parameter codes into labels when read with a `timeline_params(params) -> dict` hook
(e.g. a protocol party code into its name); state codes are shown with the labels of the
model's `state_field` (default "state").

    timeline_log(obj, actor=user, summary=gettext_noop("Gift recorded: %(gift)s"),
                 params={"gift": str(gift)})
    {% include "timeline/_timeline.html" with timeline=timeline %}
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

__all__ = ["TimelineEntry", "timeline_log", "timeline_for"]


class TimelineEntry(models.Model):
    """One line of a record's timeline: a state change or another logged step."""

    content_type = models.ForeignKey(
        ContentType, verbose_name=_("record type"), on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(_("record"))
    record = GenericForeignKey("content_type", "object_id")
    from_state = models.CharField(_("from state"), max_length=40, blank=True)
    to_state = models.CharField(_("to state"), max_length=40, blank=True)
    summary = models.CharField(_("what happened"), max_length=300, blank=True)
    params = models.JSONField(_("details"), default=dict, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"])]

    def __str__(self) -> str:
        return self.summary_text or f"{self.from_state} → {self.to_state}"

    @property
    def _model(self):
        return self.content_type.model_class()

    @property
    def summary_text(self) -> str:
        """The summary in the reader's language (stored untranslated, with its values)."""
        if not self.summary:
            return ""
        params = dict(self.params)
        hook = getattr(self._model, "timeline_params", None)
        if params and hook is not None:
            params = hook(params)
        try:
            return gettext(self.summary) % params if params else gettext(self.summary)
        except (KeyError, TypeError, ValueError):
            return self.summary

    def _state_label(self, code: str) -> str:
        model = self._model
        try:
            field = model._meta.get_field(getattr(model, "state_field", "state"))
        except (FieldDoesNotExist, AttributeError):
            return code
        return str(dict(field.flatchoices).get(code, code))

    @property
    def from_state_label(self) -> str:
        return self._state_label(self.from_state)

    @property
    def to_state_label(self) -> str:
        return self._state_label(self.to_state)


def timeline_log(
    obj: models.Model, *, actor, summary: str = "", params=None, frm="", to="", reason=""
) -> TimelineEntry:
    """Add a line to the record's timeline (also for work done in Celery or the shell).
    `summary` is an untranslated message (gettext_noop); it is shown in each reader's
    language with `params` filled in."""
    return TimelineEntry.objects.create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=obj.pk,
        actor=actor,
        summary=summary,
        params=params or {},
        from_state=frm,
        to_state=to,
        reason=reason,
    )


def timeline_for(obj: models.Model):
    """The record's timeline, oldest first."""
    return TimelineEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=obj.pk,
    ).select_related("actor", "content_type")
