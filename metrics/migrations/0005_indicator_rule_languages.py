"""An indicator's rule (how a derived indicator is counted) in Finnish, Swedish and English.

The old `rule` (English, from the catalogue) becomes `rule_en`; the Finnish and Swedish rules
of the catalogue's derived and computed indicators are filled in here. A rule kv-tiimi has
since reworded keeps its English text only (the pages fall back to it) and a Finnish or
Swedish rule already written is never overwritten."""

import re

from django.db import migrations, models

# The catalogue's English rule -> (Finnish, Swedish). Terms: DOMAIN.md, locale/GLOSSARY.md.
RULES = {
    "events: international conferences held in Espoo in the year": (
        "tapahtumat: vuoden aikana Espoossa järjestetyt kansainväliset konferenssit",
        "evenemang: internationella konferenser som hållits i Esbo under året",
    ),
    "visits: dignitary and international-organisation visits in the year": (
        "vierailut: vuoden arvovierailut ja kansainvälisten organisaatioiden vierailut",
        "besök: årets högnivåbesök och besök av internationella organisationer",
    ),
    "visits: city delegations in the year": (
        "vierailut: vuoden kaupunkidelegaatiot",
        "besök: årets stadsdelegationer",
    ),
    "visits: twin/partner city delegations in the year": (
        "vierailut: vuoden ystävyys- ja kumppanikaupunkidelegaatiot",
        "besök: årets vänorts- och partnerstadsdelegationer",
    ),
    "visits: international media visits in the year (media hits entered on the visit)": (
        "vierailut: vuoden kansainväliset mediavierailut (mediaosumat kirjataan vierailulle)",
        "besök: årets internationella mediebesök (medieträffarna registreras på besöket)",
    ),
    "visits and events with the theme sustainable development in the year": (
        "vuoden vierailut ja tapahtumat, joiden teemana on kestävä kehitys",
        "årets besök och evenemang med temat hållbar utveckling",
    ),
    "projects: international funding of projects with the theme sustainable development active in the year": (  # noqa: E501
        "projektit: vuoden aikana käynnissä olleiden projektien kansainvälinen rahoitus, "
        "kun projektin teemana on kestävä kehitys",
        "projekt: internationell finansiering av projekt med temat hållbar utveckling "
        "som pågått under året",
    ),
    "projects: EU-funded projects whose start date is in the year": (
        "projektit: EU-rahoitteiset projektit, jotka ovat alkaneet vuoden aikana",
        "projekt: EU-finansierade projekt som startat under året",
    ),
    "projects: EU funding of EU-funded projects whose start date is in the year": (
        "projektit: vuoden aikana alkaneiden EU-rahoitteisten projektien EU-rahoitus",
        "projekt: EU-finansieringen av EU-finansierade projekt som startat under året",
    ),
    "visits: technical visits in the year": (
        "vierailut: vuoden asiantuntijavierailut",
        "besök: årets expertbesök",
    ),
    "visits: sum of invoiced amounts of technical visits in the year": (
        "vierailut: vuoden asiantuntijavierailujen laskutetut summat yhteensä",
        "besök: summan av de fakturerade beloppen för årets expertbesök",
    ),
    "projects: projects with at least one international partner active in the year": (
        "projektit: vuoden aikana käynnissä olleet projektit, joissa on vähintään yksi "
        "kansainvälinen kumppani",
        "projekt: projekt med minst en internationell partner som pågått under året",
    ),
}
# "computed: C6.1 / C6.2", a ratio of two indicators (metrics.figures.ratio_inputs).
COMPUTED = re.compile(r"^\s*computed:\s*(?P<formula>.+?)\s*$")


def translations(english: str) -> tuple[str, str] | None:
    if english.strip() in RULES:
        return RULES[english.strip()]
    if found := COMPUTED.match(english):
        return f"laskettu: {found['formula']}", f"beräknad: {found['formula']}"
    return None


def fill_rules(apps, schema_editor):
    Indicator = apps.get_model("metrics", "Indicator")
    for indicator in Indicator.objects.exclude(rule_en=""):
        found = translations(indicator.rule_en)
        if found is None:
            continue
        indicator.rule_fi = indicator.rule_fi or found[0]
        indicator.rule_sv = indicator.rule_sv or found[1]
        indicator.save(update_fields=["rule_fi", "rule_sv"])


class Migration(migrations.Migration):
    dependencies = [
        ("metrics", "0004_staff_diversity"),
    ]

    operations = [
        migrations.RenameField(model_name="indicator", old_name="rule", new_name="rule_en"),
        migrations.RenameField(
            model_name="historicalindicator", old_name="rule", new_name="rule_en"
        ),
        migrations.AlterField(
            model_name="indicator",
            name="rule_en",
            field=models.TextField(
                blank=True,
                help_text="A ratio of two indicators is written as “computed: C6.1 / C6.2”.",
                verbose_name="how it is derived, in English",
            ),
        ),
        migrations.AlterField(
            model_name="historicalindicator",
            name="rule_en",
            field=models.TextField(
                blank=True,
                help_text="A ratio of two indicators is written as “computed: C6.1 / C6.2”.",
                verbose_name="how it is derived, in English",
            ),
        ),
        migrations.AddField(
            model_name="indicator",
            name="rule_fi",
            field=models.TextField(blank=True, verbose_name="how it is derived, in Finnish"),
        ),
        migrations.AddField(
            model_name="historicalindicator",
            name="rule_fi",
            field=models.TextField(blank=True, verbose_name="how it is derived, in Finnish"),
        ),
        migrations.AddField(
            model_name="indicator",
            name="rule_sv",
            field=models.TextField(blank=True, verbose_name="how it is derived, in Swedish"),
        ),
        migrations.AddField(
            model_name="historicalindicator",
            name="rule_sv",
            field=models.TextField(blank=True, verbose_name="how it is derived, in Swedish"),
        ),
        migrations.RunPython(fill_rules, migrations.RunPython.noop),
    ]
