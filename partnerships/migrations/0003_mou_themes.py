"""The Shanghai MoU's themes as the seed names them (DOMAIN.md 3.1) in the shared theme
catalogue: the ones the catalogue lacks are added (slug-keyed, idempotent). The others
are already there: business, trade and investment; education; sports; culture; tourism
and congresses; sustainable development."""

from django.db import migrations

THEMES = [
    ("innovation-development", "innovaatiot ja kehitys", "innovation and development", "innovation och utveckling"),
    ("health-wellbeing-elderly-care", "terveys, hyvinvointi ja vanhustenhoito", "health, wellbeing and elderly care", "hälsa, välbefinnande och äldreomsorg"),
]  # fmt: skip


def seed(apps, schema_editor):
    Theme = apps.get_model("espoo_intl", "Theme")
    for slug, fi, en, sv in THEMES:
        Theme.objects.get_or_create(
            slug=slug, defaults={"name_fi": fi, "name_en": en, "name_sv": sv}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0002_assessment_questions"),
        ("espoo_intl", "0004_theme"),
        ("visits", "0007_theme_to_core"),
    ]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
