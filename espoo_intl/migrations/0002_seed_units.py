"""The city's organisation in 2020 (DOMAIN.md); administrators edit it afterwards."""

from django.db import migrations

GROUP = ("Espoon kaupunkikonserni", "City of Espoo group", "Esbo stadskoncern", "")
DEPARTMENTS = [
    (
        ("Konsernihallinto", "Central Administration", "Koncernförvaltningen", "KH"),
        [
            ("Elinkeino- ja kaupunkikehitysyksikkö", "Business and Urban Development", "Näringslivs- och stadsutvecklingsenheten", "ELKA"),
            ("Kansainvälisten asioiden tiimi", "International Affairs Team", "Teamet för internationella frågor", "KV"),
            ("Palvelukehitys", "Service Development", "Serviceutveckling", "PK"),
            ("Kestävän kehityksen tiimi", "Sustainable Development Team", "Teamet för hållbar utveckling", "KEKE"),
            ("Viestintä", "Communications", "Kommunikation", "VIES"),
            ("Turvallisuus", "Security", "Säkerhet", "TURVA"),
        ],
    ),
    (
        ("Kasvun ja oppimisen toimiala", "Growth and Learning Sector", "Sektorn för fostran och lärande", "KOT"),
        [
            ("Suomenkielinen opetus", "Finnish-language Education", "Finskspråkig undervisning", ""),
            ("Svenska bildningstjänster", "Swedish-language Education", "Svenska bildningstjänster", ""),
            ("Varhaiskasvatus", "Early Childhood Education", "Småbarnspedagogik", ""),
        ],
    ),
    (
        ("Sosiaali- ja terveystoimiala", "Social and Health Services", "Social- och hälsovårdssektorn", "STO"),
        [
            ("Perhe- ja sosiaalipalvelut", "Family and Social Services", "Familje- och socialtjänster", ""),
            ("Terveyspalvelut", "Health Services", "Hälsovårdstjänster", ""),
            ("Vanhusten palvelut", "Services for the Elderly", "Äldreomsorg", ""),
        ],
    ),
    (
        ("Kaupunkiympäristön toimiala", "Urban Environment", "Stadsmiljösektorn", "KYT"),
        [
            ("Kaupunkisuunnittelukeskus", "Urban Planning Centre", "Stadsplaneringscentralen", ""),
            ("Tekniikka ja ympäristö", "Technical and Environment Services", "Teknik och miljö", ""),
        ],
    ),
    (("Espoo Marketing Oy", "Espoo Marketing Ltd", "Espoo Marketing Ab", "EM"), []),
]  # fmt: skip


def seed(apps, schema_editor):
    OrgUnit = apps.get_model("espoo_intl", "OrgUnit")

    def make(names, kind, parent, department=None):
        fi, en, sv, abbr = names
        unit, _ = OrgUnit.objects.get_or_create(
            parent=parent,
            name_fi=fi,
            defaults={"name_en": en, "name_sv": sv, "abbreviation": abbr, "kind": kind},
        )
        unit.department = unit if kind == "department" else department
        unit.save()
        return unit

    group = make(GROUP, "group", None)
    for dept_names, units in DEPARTMENTS:
        dept = make(dept_names, "department", group)
        for unit_names in units:
            make(unit_names, "unit", dept, dept)


class Migration(migrations.Migration):
    dependencies = [("espoo_intl", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
