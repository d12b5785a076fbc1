"""The metrics catalogue (metrics-catalogue.csv, 46 indicators) copied into the project:
goals, objectives, providers and indicators, in the catalogue's order. kv-tiimi edits them
in the portal afterwards; the catalogue lives here, in the project."""

import csv
import io

from django.db import migrations

GOALS = [
    (
        "attraction",
        "Kansainvälinen vetovoima",
        "International attractiveness",
        "Internationell dragningskraft",
    ),
    ("sustainability", "Kestävä kehitys", "Sustainable development", "Hållbar utveckling"),
    (
        "services_innovation",
        "Palvelut ja innovaatiot",
        "Services and innovation",
        "Tjänster och innovationer",
    ),
]
OBJECTIVES = {  # objective_fi -> (en, sv)
    "osaajia": ("talent", "talanger"),
    "vierailijoita": ("visitors", "besökare"),
    "tietointensiivisiä yrityksiä": ("knowledge-intensive companies", "kunskapsintensiva företag"),
    "investointeja": ("investments", "investeringar"),
    "kansainvälinen tunnettuus": ("international recognition", "internationell kännedom"),
    "YK:n kestävän kehityksen tavoitteet 2025": (
        "UN Sustainable Development Goals 2025",
        "FN:s mål för hållbar utveckling 2025",
    ),
    "kestävän kehityksen edelläkävijä": (
        "forerunner in sustainable development",
        "föregångare inom hållbar utveckling",
    ),
    "palvelut laadukkaita kansainvälisesti": (
        "services of international quality",
        "tjänster av internationell kvalitet",
    ),
    "houkutteleva innovaatioympäristö": (
        "an attractive innovation environment",
        "en attraktiv innovationsmiljö",
    ),
    "yritysten kansainvälistyminen": (
        "internationalisation of companies",
        "företagens internationalisering",
    ),
    "kv-osaajan paras paikka": (
        "the best place for international talent",
        "den bästa platsen för internationella experter",
    ),
    "jokainen voi kasvaa kv-osaajaksi": (
        "everyone can grow into an international expert",
        "alla kan växa till internationella experter",
    ),
    "henkilöstö heijastaa väestöä": (
        "staff reflect the population",
        "personalen speglar befolkningen",
    ),
}
# provider column -> (unit name_fi, None) or (None, (source, fi, en, sv)); "all departments" is a flag
PROVIDERS = {
    "statistics (konsernihallinto)": (None, ("statistics", "Tilastot", "Statistics", "Statistik")),
    "higher education institutions (konsernihallinto)": (
        None,
        ("higher_education", "Korkeakoulut", "Higher education institutions", "Högskolor"),
    ),
    "Helsinki Business Hub": (
        None,
        (
            "helsinki_business_hub",
            "Helsinki Business Hub",
            "Helsinki Business Hub",
            "Helsinki Business Hub",
        ),
    ),
    "Business Espoo": (
        None,
        ("business_espoo", "Business Espoo", "Business Espoo", "Business Espoo"),
    ),
    "HR (konsernihallinto)": (
        None,
        ("hr", "Henkilöstöhallinto (HR)", "Human resources (HR)", "Personalförvaltningen (HR)"),
    ),
    "Kasvun ja oppimisen toimiala": ("Kasvun ja oppimisen toimiala", None),
    "Kasvun ja oppimisen toimiala (culture)": ("Kasvun ja oppimisen toimiala", None),
    "Espoo Marketing": ("Espoo Marketing Oy", None),
    "kv-tiimi": ("Kansainvälisten asioiden tiimi", None),
    "Kaupunkiympäristön toimiala": ("Kaupunkiympäristön toimiala", None),
    "konsernihallinto (viestintä)": ("Viestintä", None),
    "Kestävän kehityksen tiimi": ("Kestävän kehityksen tiimi", None),
    "konsernihallinto": ("Konsernihallinto", None),
}
UNITS = {  # catalogue unit -> (unit, as written)
    "count": ("count", ""),
    "persons": ("persons", ""),
    "EUR": ("eur", ""),
    "percent": ("percent", ""),
    "ratio": ("ratio", ""),
    "rank (lower is better)": ("rank", ""),
    "scale 1-5": ("scale", ""),
    "text": ("text", ""),
    "nights": ("count", "nights"),
    "jobs": ("count", "jobs"),
    "visitors": ("count", "visitors"),
    "members": ("persons", "members"),
    "score": ("ratio", "score"),
}
FIRST_YEARS = {"C3.1": 2020}  # "uusi 2020"

CATALOGUE = """\
code,goal,objective_fi,name_fi,name_en,unit,provider,derived_from
A1.1,attraction,osaajia,Nettomuutto ulkomailta,Net migration from abroad,persons,statistics (konsernihallinto),
A1.2,attraction,osaajia,Kv-tutkinto-opiskelijat,International degree students,persons,higher education institutions (konsernihallinto),
A1.3,attraction,osaajia,Kv-vaihto-opiskelijat korkeakouluissa,International exchange students in higher education,persons,higher education institutions (konsernihallinto),
A1.4,attraction,osaajia,Kv-vaihto-opiskelijat lukioissa,International exchange students in upper secondary schools,persons,Kasvun ja oppimisen toimiala,
A1.5,attraction,osaajia,Kv-vaihto-opiskelijat ammatillisessa koulutuksessa,International exchange students in vocational education,persons,Kasvun ja oppimisen toimiala,
A2.1,attraction,vierailijoita,Ulkomaiset hotelliyöpymiset,Foreign hotel nights,nights,Espoo Marketing,
A2.2,attraction,vierailijoita,Kansainväliset konferenssit,International conferences,count,Espoo Marketing,events: international conferences held in Espoo in the year
A2.3,attraction,vierailijoita,"Kv-arvovieraat (valtiovieraat, ministeriöt, suurlähettiläät), kv-organisaatiot","International dignitaries (state guests, ministries, ambassadors), international organisations",count,kv-tiimi,visits: dignitary and international-organisation visits in the year
A2.4,attraction,vierailijoita,Kaupunkidelegaatiot,City delegations,count,all departments,visits: city delegations in the year
A2.5,attraction,vierailijoita,Ystävyys/kumppanikaupunkidelegaatiot,Twin and partner city delegations,count,kv-tiimi,visits: twin/partner city delegations in the year
A2.6,attraction,vierailijoita,Espooseen saapuvat kansainväliset kulttuurialan esiintyjät,International cultural performers coming to Espoo,count,Kasvun ja oppimisen toimiala (culture),
A3.1,attraction,tietointensiivisiä yrityksiä,Kv-suuryritysten introt espoolaisiin yrityksiin ja ekosysteemitoimijoihin / niistä syntynyt yhteistyö,Introductions of international large companies to Espoo companies and ecosystem actors / resulting cooperation,count,Espoo Marketing,
A3.2,attraction,tietointensiivisiä yrityksiä,Kaupalliset sopimukset espoolaisten ja ulkomaisten toimijoiden välillä,Commercial agreements between Espoo and foreign actors,count,Helsinki Business Hub,
A4.1,attraction,investointeja,Foreign Direct Investment -projektit,Foreign direct investment projects,count,Espoo Marketing,
A4.2,attraction,investointeja,Kiinteistöinvestoinnit,Real estate investments,EUR,Kaupunkiympäristön toimiala,
A4.3,attraction,investointeja,FDI-projektit: syntyneet työpaikat,FDI projects: jobs created,jobs,Espoo Marketing,
A4.4,attraction,investointeja,FDI-projektit: sijoittajaintrot yrityksiin / niistä syntynyt sijoitus,FDI projects: investor introductions to companies / resulting investment,count,Espoo Marketing,
A4.5,attraction,investointeja,Espooseen tehdyt sijoitukset (growth capital),Growth capital invested in Espoo,EUR,Helsinki Business Hub,
A4.6,attraction,investointeja,Greenfield-sijoituksista syntyneet työpaikat,Jobs created by greenfield investments,jobs,Helsinki Business Hub,
A5.1,attraction,kansainvälinen tunnettuus,Mediaosumat kansainvälisesti,International media hits,count,konsernihallinto (viestintä),
A5.2,attraction,kansainvälinen tunnettuus,Kansainväliset mediavierailut ja niistä syntyneet mediaosumat,International media visits and the media hits they produced,count,konsernihallinto (viestintä),visits: international media visits in the year (media hits entered on the visit)
A5.3,attraction,kansainvälinen tunnettuus,"Kävijämäärät espoo.fi:n englanninkielisillä alasivustoilla (Locate in Espoo, Hello Espoo, Visit Espoo)","Visitors to the English sub-sites of espoo.fi (Locate in Espoo, Hello Espoo, Visit Espoo)",visitors,konsernihallinto (viestintä),
B1.1,sustainability,YK:n kestävän kehityksen tavoitteet 2025,Voluntary Local Review,Voluntary Local Review (status and publication),text,Kestävän kehityksen tiimi,
B1.2,sustainability,YK:n kestävän kehityksen tavoitteet 2025,Espoo-tarinaan 2021–2025 liittyvä strategiatyö ja sen tulokset,Strategy work for the Espoo Story 2021–2025 and its results,text,konsernihallinto,
B2.1,sustainability,kestävän kehityksen edelläkävijä,Kansainväliset asiantuntijaluennot/seminaarit/vierailut liittyen kestävään kehitykseen,"International expert lectures, seminars and visits on sustainable development",count,Kestävän kehityksen tiimi,visits and events with the theme sustainable development in the year
B2.2,sustainability,kestävän kehityksen edelläkävijä,Kansainväliset mediaosumat liittyen kestävään kehitykseen,International media hits on sustainable development,count,konsernihallinto (viestintä),
B2.3,sustainability,kestävän kehityksen edelläkävijä,"Kansainvälinen rahoitus projekteissa, joissa kestävä kehitys on keskiössä",International funding in projects centred on sustainable development,EUR,all departments,projects: international funding of projects with the theme sustainable development active in the year
B2.4,sustainability,kestävän kehityksen edelläkävijä,Espoon sijoitus Global Destination Sustainability Indexissä,Espoo's rank in the Global Destination Sustainability Index,rank (lower is better),Espoo Marketing,
C1.1,services_innovation,palvelut laadukkaita kansainvälisesti,"Kansainväliset vertailut, joissa Espoo mukana",International comparisons Espoo takes part in,count,all departments,
C1.2,services_innovation,palvelut laadukkaita kansainvälisesti,Alkaneet uudet EU-rahoitusta saaneet projektit: lukumäärä,New EU-funded projects started: number,count,all departments,projects: EU-funded projects whose start date is in the year
C1.3,services_innovation,palvelut laadukkaita kansainvälisesti,Alkaneet uudet EU-rahoitusta saaneet projektit: euromäärä,New EU-funded projects started: EU funding,EUR,all departments,projects: EU funding of EU-funded projects whose start date is in the year
C1.4,services_innovation,palvelut laadukkaita kansainvälisesti,Vieraskieliset espoolaisten pitämät asiantuntijapuheenvuorot kansainvälisissä konferensseissa Suomessa tai ulkomailla,Expert talks in foreign languages given by Espoo staff at international conferences in Finland or abroad,count,all departments,
C1.5,services_innovation,palvelut laadukkaita kansainvälisesti,Kansainväliset asiantuntijavierailut (technical visits) Espoossa: vierailujen määrä,International technical visits to Espoo: number,count,all departments,visits: technical visits in the year
C1.6,services_innovation,palvelut laadukkaita kansainvälisesti,Kansainväliset asiantuntijavierailut (technical visits) Espoossa: laskutetut tulot,International technical visits to Espoo: invoiced income,EUR,all departments,visits: sum of invoiced amounts of technical visits in the year
C1.7,services_innovation,palvelut laadukkaita kansainvälisesti,Espoon palvelujen saamat kansainväliset tunnustukset,International recognitions received by Espoo's services,count,all departments,
C2.1,services_innovation,houkutteleva innovaatioympäristö,Kansainvälisten kumppaneiden kanssa tehtävien kehitysprojektien määrä,Development projects with international partners,count,all departments,projects: projects with at least one international partner active in the year
C3.1,services_innovation,yritysten kansainvälistyminen,Yritystutkimuksen kansainvälistymiskysymys (uusi 2020),Business survey question on internationalisation (new in 2020),score,Business Espoo,
C3.2,services_innovation,yritysten kansainvälistyminen,Business Espoon palveluiden mittarit,Business Espoo service metrics,text,Business Espoo,
C4.1,services_innovation,kv-osaajan paras paikka,"Uusien asukkaiden kysely englanniksi, tyytyväisyys asteikolla 1–5","Survey of new residents in English, satisfaction on a scale of 1–5",scale 1-5,konsernihallinto,
C4.2,services_innovation,kv-osaajan paras paikka,Hello Espoo -tervetulotilaisuuden kävijämäärä,Attendance at the Hello Espoo welcome event,persons,konsernihallinto,
C4.3,services_innovation,kv-osaajan paras paikka,Hello Espoo -yhteisön koko (Facebook),Size of the Hello Espoo community (Facebook),members,konsernihallinto,
C5.1,services_innovation,jokainen voi kasvaa kv-osaajaksi,Sivistystoimen kv-ohjelman toteutuminen ja tuloskortit,Implementation and scorecards of the education sector's international programme,text,Kasvun ja oppimisen toimiala,
C5.2,services_innovation,jokainen voi kasvaa kv-osaajaksi,Asiantuntijavaihtojen määrä (in + out),Expert exchanges (incoming + outgoing),count,all departments,
C6.1,services_innovation,henkilöstö heijastaa väestöä,Muunkielisten osuus henkilöstöstä,Share of staff speaking a language other than Finnish or Swedish,percent,HR (konsernihallinto),
C6.2,services_innovation,henkilöstö heijastaa väestöä,Muunkielisten osuus Espoon väestöstä,Share of residents speaking a language other than Finnish or Swedish,percent,statistics (konsernihallinto),
C6.3,services_innovation,henkilöstö heijastaa väestöä,Henkilöstön diversiteettisuhde (C6.1 / C6.2),Staff diversity ratio (C6.1 divided by C6.2),ratio,HR (konsernihallinto),computed: C6.1 / C6.2
"""


def seed(apps, schema_editor):
    Goal = apps.get_model("metrics", "Goal")
    Objective = apps.get_model("metrics", "Objective")
    Provider = apps.get_model("metrics", "Provider")
    Indicator = apps.get_model("metrics", "Indicator")
    OrgUnit = apps.get_model("espoo_intl", "OrgUnit")

    goals = {
        code: Goal.objects.create(code=code, name_fi=fi, name_en=en, name_sv=sv, order=n)
        for n, (code, fi, en, sv) in enumerate(GOALS, start=1)
    }
    objectives, providers = {}, {}

    def provider(column):
        unit_name, source = PROVIDERS[column]
        key = unit_name or source[0]
        if key not in providers:
            order = len(providers) + 1
            if unit_name:
                unit = OrgUnit.objects.filter(name_fi=unit_name).first()
                if unit is None:  # the organisation was edited before this ran
                    return None
                names = {"name_fi": unit.name_fi, "name_en": unit.name_en, "name_sv": unit.name_sv}
                providers[key] = Provider.objects.create(unit=unit, order=order, **names)
            else:
                code, fi, en, sv = source
                providers[key] = Provider.objects.create(
                    source=code, name_fi=fi, name_en=en, name_sv=sv, order=order
                )
        return providers[key]

    for n, row in enumerate(csv.DictReader(io.StringIO(CATALOGUE)), start=1):
        goal = goals[row["goal"]]
        if row["objective_fi"] not in objectives:
            en, sv = OBJECTIVES[row["objective_fi"]]
            objectives[row["objective_fi"]] = Objective.objects.create(
                goal=goal, name_fi=row["objective_fi"], name_en=en, name_sv=sv,
                order=len(objectives) + 1,
            )  # fmt: skip
        unit, unit_note = UNITS[row["unit"]]
        rule = row["derived_from"].strip()
        indicator = Indicator.objects.create(
            code=row["code"], objective=objectives[row["objective_fi"]],
            name_fi=row["name_fi"], name_en=row["name_en"], unit=unit, unit_note=unit_note,
            all_departments=row["provider"] == "all departments",
            derived=bool(rule), rule=rule, active_from=FIRST_YEARS.get(row["code"]), order=n,
        )  # fmt: skip
        if row["provider"] != "all departments":
            found = provider(row["provider"])
            if found:
                indicator.providers.add(found)


def unseed(apps, schema_editor):
    for model in ("Indicator", "Objective", "Goal", "Provider"):
        apps.get_model("metrics", model).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("metrics", "0001_framework"), ("espoo_intl", "0002_seed_units")]
    operations = [migrations.RunPython(seed, unseed)]
