"""The ten development items of DOMAIN.md 2.5 (fi/sv/en titles). kv-tiimi owns them, except
the staff-diversity item, owned by HR (a result unit of Konsernihallinto, created here when
the organisation does not have it yet)."""

from django.db import migrations

KOHA = "Konsernihallinto"
KV_TEAM = "Kansainvälisten asioiden tiimi"
HR = ("HR ja henkilöstöpalvelut", "HR and Personnel Services", "HR och personaltjänster", "HR")

# number, fi, sv, en, owned by HR, link (a URL in the portal, no other app imported)
ITEMS = [
    (1, "Kansainvälisen toiminnan poikkihallinnolliset rakenteet ja niiden agenda",
     "Tväradministrativa strukturer för den internationella verksamheten och deras agenda",
     "Cross-administrative structures of international activity and their agenda", False, ""),
    (2, "Ulkoisen rahoituksen hakemisen ja hallinnoinnin tukipalvelut",
     "Stödtjänster för ansökan om och förvaltning av extern finansiering",
     "Support services for applying for and managing external funding", False, ""),
    (3, "Espoon EU-vaikuttamisen ja edunvalvonnan tavoitteet",
     "Esbos mål för EU-påverkan och intressebevakning",
     "Espoo's EU influencing and advocacy objectives", False, ""),
    (4, "Kaupunkitasoinen ulkomaisten suorien investointien (FDI) toimintamalli",
     "En stadsomfattande verksamhetsmodell för utländska direktinvesteringar (FDI)",
     "A city-level Foreign Direct Investment (FDI) operating model", False, ""),
    (5, "Kansainvälisen markkinoinnin ja viestinnän suunnitelma",
     "En plan för internationell marknadsföring och kommunikation",
     "An international marketing and communication plan", False, ""),
    (6, "Kansainvälisten tapahtumien hakuprosessi kaupungissa",
     "En process för att ansöka om internationella evenemang inom staden",
     "A process for bidding for international events within the city", False, ""),
    (7, "Suunnittelutyökalut ja esihenkilöiden tuki muita kieliä puhuvan henkilöstön osuuden "
        "kasvattamiseksi, erityisesti kaupungin keskiarvon alittavissa tulosyksiköissä",
     "Planeringsverktyg och stöd för chefer för att öka andelen personal som talar andra språk, "
     "särskilt i resultatenheter under stadens genomsnitt",
     "Planning tools and supervisors' support to raise the share of staff speaking other "
     "languages, especially in result units below the city average", True, "/metrics/"),
    (8, "Kaupunkikonsernin rooli espoolaisten yritysten kansainvälistymisen tukemisessa",
     "Stadskoncernens roll i att stödja Esbo-företagens internationalisering",
     "The city group's role in supporting Espoo companies' internationalisation", False, ""),
    (9, "Maksullisten asiantuntijavierailujen (teknisten vierailujen) kehittäminen "
        "kaupunkikonsernissa",
     "Utveckling av avgiftsbelagda expertbesök (tekniska besök) i stadskoncernen",
     "Developing paid expert visits (technical visits) in the city group", False,
     "/visits/?kind=technical"),
    (10, "Kansainvälisille asukkaille suunnattu viestintä ja yhteinen koordinointi",
     "Kommunikation och gemensam samordning riktad till internationella invånare",
     "Communication and joint coordination aimed at international residents", False, ""),
]  # fmt: skip


def seed(apps, schema_editor):
    OrgUnit = apps.get_model("espoo_intl", "OrgUnit")
    DevelopmentItem = apps.get_model("advocacy", "DevelopmentItem")
    koha = OrgUnit.objects.filter(kind="department", name_fi=KOHA).first()
    if koha is None:
        return  # an organisation without the seeded units: kv-tiimi adds the items later
    kv_team = OrgUnit.objects.filter(parent=koha, name_fi=KV_TEAM).first() or koha
    hr = OrgUnit.objects.filter(parent=koha, name_fi=HR[0]).first()
    if hr is None:
        hr = OrgUnit.objects.create(
            kind="unit", parent=koha, department=koha, name_fi=HR[0], name_en=HR[1],
            name_sv=HR[2], abbreviation=HR[3],
        )  # fmt: skip
    for number, fi, sv, en, by_hr, link in ITEMS:
        DevelopmentItem.objects.update_or_create(
            number=number,
            defaults={
                "title_fi": fi, "title_sv": sv, "title_en": en, "link": link,
                "owner_unit": hr if by_hr else kv_team,
            },
        )  # fmt: skip


def unseed(apps, schema_editor):
    apps.get_model("advocacy", "DevelopmentItem").objects.filter(number__lte=10).delete()


class Migration(migrations.Migration):
    dependencies = [("advocacy", "0001_initial"), ("espoo_intl", "0002_seed_units")]

    operations = [migrations.RunPython(seed, unseed)]
