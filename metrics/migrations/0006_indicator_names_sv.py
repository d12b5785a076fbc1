"""The catalogue's indicators in Swedish (metrics-catalogue.csv gives Finnish and English
only, so the Swedish pages and report printed the Finnish names). A Swedish name kv-tiimi
has already written is kept. Terms: locale/GLOSSARY.md."""

from django.db import migrations

NAMES_SV = {
    "A1.1": "Nettoinflyttning från utlandet",
    "A1.2": "Internationella examensstuderande",
    "A1.3": "Internationella utbytesstuderande vid högskolor",
    "A1.4": "Internationella utbytesstuderande i gymnasier",
    "A1.5": "Internationella utbytesstuderande inom yrkesutbildningen",
    "A2.1": "Utländska hotellövernattningar",
    "A2.2": "Internationella konferenser",
    "A2.3": "Internationella högt uppsatta gäster (statsgäster, ministerier, ambassadörer), "
    "internationella organisationer",
    "A2.4": "Stadsdelegationer",
    "A2.5": "Vänorts- och partnerstadsdelegationer",
    "A2.6": "Internationella kulturutövare som kommer till Esbo",
    "A3.1": "Internationella storföretags introduktioner till Esboföretag och ekosystemaktörer "
    "/ samarbete som uppstått",
    "A3.2": "Kommersiella avtal mellan aktörer i Esbo och utländska aktörer",
    "A4.1": "Projekt med utländska direktinvesteringar (FDI)",
    "A4.2": "Fastighetsinvesteringar",
    "A4.3": "FDI-projekt: skapade arbetsplatser",
    "A4.4": "FDI-projekt: investerarintroduktioner till företag / investeringar som uppstått",
    "A4.5": "Tillväxtkapital investerat i Esbo",
    "A4.6": "Arbetsplatser som skapats genom greenfield-investeringar",
    "A5.1": "Internationella medieträffar",
    "A5.2": "Internationella mediebesök och de medieträffar de gett",
    "A5.3": "Besökare på espoo.fi:s engelskspråkiga undersidor (Locate in Espoo, Hello Espoo, "
    "Visit Espoo)",
    "B1.1": "Voluntary Local Review (läge och publicering)",
    "B1.2": "Strategiarbetet kring Esbohistorien 2021–2025 och dess resultat",
    "B2.1": "Internationella expertföreläsningar, seminarier och besök om hållbar utveckling",
    "B2.2": "Internationella medieträffar om hållbar utveckling",
    "B2.3": "Internationell finansiering i projekt med fokus på hållbar utveckling",
    "B2.4": "Esbos placering i Global Destination Sustainability Index",
    "C1.1": "Internationella jämförelser där Esbo deltar",
    "C1.2": "Nya EU-finansierade projekt som startat: antal",
    "C1.3": "Nya EU-finansierade projekt som startat: EU-finansiering",
    "C1.4": "Expertanföranden på främmande språk av Esbos personal vid internationella "
    "konferenser i Finland eller utomlands",
    "C1.5": "Internationella expertbesök i Esbo: antal",
    "C1.6": "Internationella expertbesök i Esbo: fakturerade intäkter",
    "C1.7": "Internationella erkännanden till Esbos tjänster",
    "C2.1": "Utvecklingsprojekt med internationella partner",
    "C3.1": "Företagsundersökningens fråga om internationalisering (ny 2020)",
    "C3.2": "Mätare för Business Espoos tjänster",
    "C4.1": "Enkät till nya invånare på engelska, nöjdhet på en skala 1–5",
    "C4.2": "Deltagare i välkomstevenemanget Hello Espoo",
    "C4.3": "Hello Espoo-gemenskapens storlek (Facebook)",
    "C5.1": "Genomförandet av bildningssektorns internationella program och resultatkort",
    "C5.2": "Expertutbyten (inkommande + utgående)",
    "C6.1": "Andelen personal som talar ett annat språk än finska eller svenska",
    "C6.2": "Andelen invånare som talar ett annat språk än finska eller svenska",
    "C6.3": "Personalens mångfaldskvot (C6.1 / C6.2)",
}


def fill_names(apps, schema_editor):
    Indicator = apps.get_model("metrics", "Indicator")
    for indicator in Indicator.objects.filter(name_sv="", code__in=NAMES_SV):
        indicator.name_sv = NAMES_SV[indicator.code]
        indicator.save(update_fields=["name_sv"])


class Migration(migrations.Migration):
    dependencies = [
        ("metrics", "0005_indicator_rule_languages"),
    ]

    operations = [
        migrations.RunPython(fill_names, migrations.RunPython.noop),
    ]
