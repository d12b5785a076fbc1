"""The themes named in the seed document; kv-tiimi edits the catalogue afterwards."""

from django.db import migrations

THEMES = [
    ("sustainable-development", "kestävä kehitys", "sustainable development", "hållbar utveckling"),
    ("innovation-business", "innovaatiot ja elinkeinoelämä", "innovation and business", "innovation och näringsliv"),
    ("trade-investment", "liiketoiminta, kauppa ja investoinnit", "business, trade and investment", "affärsverksamhet, handel och investeringar"),
    ("education", "koulutus", "education", "utbildning"),
    ("city-as-a-service", "City as a Service ja data", "City as a Service and data", "City as a Service och data"),
    ("open-data", "avoin data ja kokeilut", "open data and experimentation", "öppna data och försök"),
    ("culture", "kulttuuri", "culture", "kultur"),
    ("sports", "liikunta", "sports", "idrott"),
    ("health-wellbeing", "terveys ja hyvinvointi", "health and wellbeing", "hälsa och välbefinnande"),
    ("elderly-care", "vanhustenhoito", "elderly care", "äldreomsorg"),
    ("urban-development", "kaupunkikehitys", "urban development", "stadsutveckling"),
    ("immigration-talent", "maahanmuutto ja osaajat", "immigration and talent", "invandring och talanger"),
    ("tourism-congresses", "matkailu ja kongressit", "tourism and congresses", "turism och kongresser"),
    ("research-development", "tutkimus ja kehitys", "research and development", "forskning och utveckling"),
    ("university-cooperation", "yliopistoyhteistyö", "university cooperation", "universitetssamarbete"),
    ("twin-cities", "ystävyyskaupunkiyhteistyö", "twin city cooperation", "vänortssamarbete"),
]  # fmt: skip


def seed(apps, schema_editor):
    Theme = apps.get_model("visits", "Theme")
    for slug, fi, en, sv in THEMES:
        Theme.objects.get_or_create(
            slug=slug, defaults={"name_fi": fi, "name_en": en, "name_sv": sv}
        )


class Migration(migrations.Migration):
    dependencies = [("visits", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
