"""Unit abbreviations in the seed's words and the kind "city-group company"."""

from django.db import migrations, models

# The seed's words: konsernihallinto is KOHA (KH and KV are kaupunginhallitus and
# kaupunginvaltuusto); the international affairs team is kv-tiimi; Espoo Marketing is a
# city-group company, not a department. name_fi -> (abbreviation, kind or None)
UNITS = {
    "Konsernihallinto": ("KOHA", None),
    "Kansainvälisten asioiden tiimi": ("kv-tiimi", None),
    "Espoo Marketing Oy": ("EM", "company"),
}
OLD = {
    "Konsernihallinto": ("KH", "department"),
    "Kansainvälisten asioiden tiimi": ("KV", None),
    "Espoo Marketing Oy": ("EM", "department"),
}


def _apply(apps, table):
    OrgUnit = apps.get_model("espoo_intl", "OrgUnit")
    for name, (abbreviation, kind) in table.items():
        for unit in OrgUnit.objects.filter(name_fi=name):
            unit.abbreviation = abbreviation
            if kind:
                unit.kind = kind
                # a company, like a department, is its own department for the record rules
                unit.department_id = unit.pk
            unit.save(update_fields=["abbreviation", "kind", "department"])


def forwards(apps, schema_editor):
    _apply(apps, UNITS)


def backwards(apps, schema_editor):
    _apply(apps, OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("espoo_intl", "0008_submit_tokens"),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicalorgunit",
            name="kind",
            field=models.CharField(
                choices=[
                    ("group", "city group (konserni)"),
                    ("department", "department (toimiala)"),
                    ("unit", "result unit (tulosyksikkö)"),
                    ("company", "city-group company (konserniyhtiö)"),
                ],
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.AlterField(
            model_name="orgunit",
            name="kind",
            field=models.CharField(
                choices=[
                    ("group", "city group (konserni)"),
                    ("department", "department (toimiala)"),
                    ("unit", "result unit (tulosyksikkö)"),
                    ("company", "city-group company (konserniyhtiö)"),
                ],
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
