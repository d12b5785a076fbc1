"""Routing by visit kind (DOMAIN.md 3.4) and the seed's missing themes.

Twin-city delegations, international media visits, international organisations and
high-ranking (dignitary) guests go to Konsernihallinto / Elinkeino- ja
kaupunkikehitysyksikkö, business delegations to Espoo Marketing; a rule naming no theme,
rank or kind is the fallback, "general visit coordination" (Elinkeino- ja
kaupunkikehitysyksikkö). The themes elinvoima, city-level international cooperation, Make
with Espoo and entrepreneurship join the shared catalogue (slug-keyed, idempotent).
"""

from django.db import migrations, models

ELKA = "Elinkeino- ja kaupunkikehitysyksikkö"
MARKETING = "Espoo Marketing Oy"
KIND_RULES = [
    ("dignitary", ELKA, 10),
    ("twin_city", ELKA, 15),
    ("international_org", ELKA, 15),
    ("media", ELKA, 15),
    ("business", MARKETING, 25),
]
FALLBACK = (ELKA, 1000)

THEMES = [
    ("vitality", "elinvoima", "vitality", "livskraft", ELKA),
    ("city-international-cooperation", "kaupunkitason kansainvälinen yhteistyö", "city-level international cooperation", "internationellt samarbete på stadsnivå", ELKA),
    ("make-with-espoo", "Make with Espoo -yhteiskehittäminen", "Make with Espoo co-development", "Make with Espoo-samutveckling", "Palvelukehitys"),
    ("entrepreneurship", "yrittäjyys", "entrepreneurship", "företagande", MARKETING),
]  # fmt: skip


def seed(apps, schema_editor):
    OrgUnit = apps.get_model("espoo_intl", "OrgUnit")
    Theme = apps.get_model("espoo_intl", "Theme")
    RoutingRule = apps.get_model("visits", "RoutingRule")
    units = {
        u.name_fi: u
        for u in OrgUnit.objects.filter(name_fi__in=[ELKA, MARKETING, "Palvelukehitys"])
    }
    for kind, unit, priority in KIND_RULES:
        if unit in units:
            RoutingRule.objects.get_or_create(
                kind=kind, theme=None, rank="", unit=units[unit], defaults={"priority": priority}
            )
    if (
        FALLBACK[0] in units
        and not RoutingRule.objects.filter(kind="", theme=None, rank="").exists()
    ):
        RoutingRule.objects.create(unit=units[FALLBACK[0]], priority=FALLBACK[1])
    for slug, fi, en, sv, unit in THEMES:
        theme, _ = Theme.objects.get_or_create(
            slug=slug, defaults={"name_fi": fi, "name_en": en, "name_sv": sv}
        )
        if unit in units:
            RoutingRule.objects.get_or_create(
                theme=theme, rank="", kind="", unit=units[unit], defaults={"priority": 30}
            )


def unseed(apps, schema_editor):
    RoutingRule = apps.get_model("visits", "RoutingRule")
    RoutingRule.objects.exclude(kind="").delete()
    RoutingRule.objects.filter(kind="", theme=None, rank="").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("visits", "0011_visit_partnership"),
        ("espoo_intl", "0006_attachments_questionnaires"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="routingrule",
            name="routing_rule_matches_something",
        ),
        migrations.AddField(
            model_name="historicalroutingrule",
            name="kind",
            field=models.CharField(
                blank=True,
                choices=[
                    ("dignitary", "dignitary visit (arvovierailu)"),
                    ("city_delegation", "city delegation"),
                    ("twin_city", "twin or partner city delegation"),
                    ("media", "international media visit"),
                    ("technical", "technical / expert visit"),
                    ("business", "business or investor delegation"),
                    ("international_org", "international organisation"),
                    ("other", "other visit"),
                ],
                max_length=30,
                verbose_name="visit kind",
            ),
        ),
        migrations.AddField(
            model_name="routingrule",
            name="kind",
            field=models.CharField(
                blank=True,
                choices=[
                    ("dignitary", "dignitary visit (arvovierailu)"),
                    ("city_delegation", "city delegation"),
                    ("twin_city", "twin or partner city delegation"),
                    ("media", "international media visit"),
                    ("technical", "technical / expert visit"),
                    ("business", "business or investor delegation"),
                    ("international_org", "international organisation"),
                    ("other", "other visit"),
                ],
                max_length=30,
                verbose_name="visit kind",
            ),
        ),
        migrations.RunPython(seed, unseed),
    ]
