"""Visits get a version number (optimistic locking); the request timeline moves from
visits' RequestEvent to the core's TimelineEntry: every row is copied, then the table goes."""

from django.db import migrations, models

FIELDS = ("actor_id", "at", "summary", "params", "from_state", "to_state", "reason")


def _request_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="visits", model="visitrequest")[0]


def copy_to_timeline(apps, schema_editor):
    RequestEvent = apps.get_model("visits", "RequestEvent")
    TimelineEntry = apps.get_model("espoo_intl", "TimelineEntry")
    if not RequestEvent.objects.exists():
        return
    request_type = _request_type(apps)
    TimelineEntry.objects.bulk_create(
        (
            TimelineEntry(
                content_type=request_type,
                object_id=event.request_id,
                **{name: getattr(event, name) for name in FIELDS},
            )
            for event in RequestEvent.objects.order_by("at", "pk").iterator()
        ),
        batch_size=500,
    )


def copy_back(apps, schema_editor):
    RequestEvent = apps.get_model("visits", "RequestEvent")
    TimelineEntry = apps.get_model("espoo_intl", "TimelineEntry")
    entries = TimelineEntry.objects.filter(content_type=_request_type(apps)).order_by("at", "pk")
    RequestEvent.objects.bulk_create(
        (
            RequestEvent(request_id=e.object_id, **{name: getattr(e, name) for name in FIELDS})
            for e in entries.iterator()
        ),
        batch_size=500,
    )
    entries.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("espoo_intl", "0005_timeline_version"),
        ("visits", "0007_theme_to_core"),
    ]

    operations = [
        migrations.AddField(
            model_name="visit",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False, verbose_name="version"),
        ),
        migrations.RunPython(copy_to_timeline, copy_back),
        migrations.DeleteModel(name="RequestEvent"),
    ]
