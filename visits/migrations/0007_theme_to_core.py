"""Theme moves to the core (espoo_intl.Theme): the table is renamed, not copied, so every
theme row keeps its id and every link (visit and request themes, routing rules and their
history rows) stays as it was. Only the migration state of the links changes."""

import django.db.models.deletion
from django.db import migrations, models


def _move_content_type(apps, schema_editor):
    """Keep permissions granted on themes (and admin log entries) with the moved model."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label="visits", model="theme").first()
    if old is None:
        return
    if ContentType.objects.filter(app_label="espoo_intl", model="theme").exists():
        old.delete()
    else:
        old.app_label = "espoo_intl"
        old.save(update_fields=["app_label"])


def _theme_fk(**kwargs):
    return models.ForeignKey(
        blank=True,
        null=True,
        related_name="+",
        db_constraint=False,
        on_delete=django.db.models.deletion.DO_NOTHING,
        to="espoo_intl.theme",
        **kwargs,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("espoo_intl", "0004_theme"),
        ("visits", "0006_request_created_by_label"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name="theme", table="espoo_intl_theme"),
            ],
            state_operations=[
                migrations.AlterField(
                    model_name="historicalvisit_themes",
                    name="theme",
                    field=_theme_fk(db_tablespace=""),
                ),
                migrations.AlterField(
                    model_name="historicalroutingrule",
                    name="theme",
                    field=_theme_fk(verbose_name="theme"),
                ),
                migrations.AlterField(
                    model_name="historicalvisitrequest_themes",
                    name="theme",
                    field=_theme_fk(db_tablespace=""),
                ),
                migrations.AlterField(
                    model_name="routingrule",
                    name="theme",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        to="espoo_intl.theme",
                        verbose_name="theme",
                    ),
                ),
                migrations.AlterField(
                    model_name="visit",
                    name="themes",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="visits",
                        to="espoo_intl.theme",
                        verbose_name="themes",
                    ),
                ),
                migrations.AlterField(
                    model_name="visitrequest",
                    name="themes",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="requests",
                        to="espoo_intl.theme",
                        verbose_name="themes",
                    ),
                ),
                migrations.DeleteModel(name="Theme"),
            ],
        ),
        migrations.RunPython(_move_content_type, migrations.RunPython.noop),
    ]
