"""The protocol matrix, routing rules and checklist templates of DOMAIN.md 3.3–3.4.

The seed PDF lost which columns the last rows' marks stand in: royalty and heads of
state require all five parties; the others are a best guess that kv-tiimi corrects in
the admin (ambassador four, minister three, the rest three).
"""

from django.db import migrations

ALL = dict(kj=True, viestinta=True, kajo_kh=True, kv=True, turva=True)
PROTOCOL = {
    "royalty": ALL,
    "head_of_state": ALL,
    "ambassador": dict(kj=True, viestinta=True, kajo_kh=False, kv=True, turva=True),
    "minister": dict(kj=True, viestinta=True, kajo_kh=False, kv=True, turva=False),
    "international_org": dict(kj=True, viestinta=True, kajo_kh=False, kv=True, turva=False),
    "other": dict(kj=False, viestinta=True, kajo_kh=False, kv=True, turva=True),
}

ELKA = "Elinkeino- ja kaupunkikehitysyksikkö"
RANK_RULES = [(rank, ELKA, 10) for rank in PROTOCOL]
THEME_RULES = [
    ("twin-cities", ELKA, 20),
    ("immigration-talent", ELKA, 30),
    ("university-cooperation", ELKA, 30),
    ("city-as-a-service", "Palvelukehitys", 30),
    ("open-data", "Palvelukehitys", 30),
    ("sustainable-development", "Kestävän kehityksen tiimi", 30),
    ("innovation-business", "Espoo Marketing Oy", 30),
    ("trade-investment", "Espoo Marketing Oy", 30),
    ("research-development", "Espoo Marketing Oy", 30),
    ("tourism-congresses", "Espoo Marketing Oy", 30),
    ("education", "Kasvun ja oppimisen toimiala", 50),
    ("health-wellbeing", "Sosiaali- ja terveystoimiala", 50),
    ("elderly-care", "Sosiaali- ja terveystoimiala", 50),
    ("urban-development", "Kaupunkiympäristön toimiala", 50),
    ("culture", "Kasvun ja oppimisen toimiala", 60),
    ("sports", "Kasvun ja oppimisen toimiala", 60),
]

# phase, required, dignitary_only, fi, en, sv
CHECKLIST = [
    ("planning", True, False, "Vieraslista (nimet, tittelit) tai vähintään päävieras ja ryhmän koko", "Guest list (names, titles) or at least the main guest and group size", "Gästlista (namn, titlar) eller åtminstone huvudgästen och gruppens storlek"),
    ("planning", True, True, "Valtiovierailulla virallinen ja/tai yritysdelegaatio", "For state visits: official and/or business delegation", "Vid statsbesök: officiell delegation och/eller företagsdelegation"),
    ("planning", True, False, "Kiinnostuksen kohteet ja odotukset (keitä otetaan mukaan)", "Interests and expectations (who to involve internally)", "Intressen och förväntningar (vem som ska delta internt)"),
    ("planning", True, False, "Kieli ja tulkkaus (simultaani tai konsekutiivi)", "Language and interpretation (simultaneous or consecutive)", "Språk och tolkning (simultan eller konsekutiv)"),
    ("planning", True, True, "Kaupungin johdon osallistuminen", "Participation of the city's leadership", "Stadsledningens deltagande"),
    ("planning", True, True, "Puhuttelumuodot (UM:n protokolla tai suurlähetystö)", "Forms of address (ask UM protocol or the embassy)", "Tilltalsformer (fråga UM:s protokoll eller ambassaden)"),
    ("planning", True, True, "Viestintä ja luottamuksellisuus: mikä on salaista, saako julkaista somessa, hyväksytäänkö kuvat", "Communications and confidentiality: what is confidential, may it be published on social media, must photos be approved", "Kommunikation och konfidentialitet: vad är konfidentiellt, får det publiceras i sociala medier, ska bilder godkännas"),
    ("planning", False, True, "Puolison osallistuminen ja ohjelma", "Is the main guest's spouse coming, and their programme", "Följer huvudgästens make/maka med, och programmet"),
    ("planning", True, True, "Lahjat: kerro järjestävälle taholle, tarkista sopivuus ja ajankohta, hanki ajoissa", "Gifts: tell the organising party, check appropriateness and timing, buy in good time", "Gåvor: informera arrangören, kontrollera lämplighet och tidpunkt, köp i god tid"),
    ("planning", True, True, "Ruokailut ja ruokavaliorajoitukset", "Meals and dietary restrictions", "Måltider och specialdieter"),
    ("planning", False, True, "Liputus", "Flags", "Flaggning"),
    ("planning", True, True, "Kustannusten jako toisen osapuolen kanssa", "Cost sharing with the other party", "Kostnadsfördelning med den andra parten"),
    ("internal", True, False, "Mitä haluamme näyttää ja kertoa toiveiden lisäksi", "What we want to show and tell besides their wishes", "Vad vi vill visa och berätta utöver deras önskemål"),
    ("internal", True, False, "Esitysmateriaalin vastuuhenkilö (kaupungin yleisesitys materiaalipankissa)", "Who owns the presentation material (the city's general presentation is in the material bank)", "Vem ansvarar för presentationsmaterialet (stadens allmänna presentation finns i materialbanken)"),
    ("internal", True, True, "Puheiden vastuuhenkilö", "Who owns the speeches", "Vem ansvarar för talen"),
    ("internal", True, True, "Sisäinen kustannusten jako (turvallisuus turvallisuusbudjetista, muut kv-tiimi)", "Internal cost sharing (security from the security budget, other costs kv-tiimi)", "Intern kostnadsfördelning (säkerhet ur säkerhetsbudgeten, övrigt kv-teamet)"),
    ("after", True, True, "Sosiaalinen media ja muu viestintä", "Social media and other communications", "Sociala medier och annan kommunikation"),
    ("after", True, True, "Mediaseuranta ja mediaosumat viestinnän kanssa", "Media monitoring and media hits with communications", "Medieuppföljning och medieträffar med kommunikationen"),
    ("after", True, False, "Vierailusta syntyneet yhteishankkeet ja aloitteet kirjattu seurantaan", "Joint projects and initiatives born from the visit recorded for follow-up", "Gemensamma projekt och initiativ från besöket registrerade för uppföljning"),
    ("after", True, True, "Palautekeskustelu järjestävän tiimin kanssa – mitä opimme?", "Debrief with the organising team – what did we learn?", "Återkoppling med det arrangerande teamet – vad lärde vi oss?"),
]  # fmt: skip


def seed(apps, schema_editor):
    ProtocolRule = apps.get_model("visits", "ProtocolRule")
    RoutingRule = apps.get_model("visits", "RoutingRule")
    ChecklistTemplate = apps.get_model("visits", "ChecklistTemplate")
    Theme = apps.get_model("visits", "Theme")
    OrgUnit = apps.get_model("espoo_intl", "OrgUnit")

    for rank, parties in PROTOCOL.items():
        ProtocolRule.objects.get_or_create(rank=rank, defaults=parties)
    units = {u.name_fi: u for u in OrgUnit.objects.all()}
    for rank, unit, priority in RANK_RULES:
        if unit in units:
            RoutingRule.objects.get_or_create(
                rank=rank, unit=units[unit], defaults={"priority": priority}
            )
    for slug, unit, priority in THEME_RULES:
        theme = Theme.objects.filter(slug=slug).first()
        if theme and unit in units:
            RoutingRule.objects.get_or_create(
                theme=theme, unit=units[unit], defaults={"priority": priority}
            )
    for order, (phase, required, dignitary_only, fi, en, sv) in enumerate(CHECKLIST):
        ChecklistTemplate.objects.get_or_create(
            name_fi=fi,
            defaults=dict(
                phase=phase,
                required=required,
                dignitary_only=dignitary_only,
                order=order,
                name_en=en,
                name_sv=sv,
            ),
        )


class Migration(migrations.Migration):
    dependencies = [("visits", "0003_visit_requests"), ("espoo_intl", "0002_seed_units")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
