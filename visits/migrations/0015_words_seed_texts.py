"""The checklist template and the request evaluation in the seed's own words (3.3, 3.4).

Rows are found by their key (a template item by its old Finnish name, a question by its
code) and only their texts change; rows kv-tiimi has renamed since are left alone."""

from django.db import migrations

# old name_fi -> (fi, sv, en)
CHECKLIST = {
    "Vieraslista (nimet, tittelit) tai vähintään päävieras ja ryhmän koko": (
        "Vieraslista (nimet, tittelit) tai vähintään päävieraan tiedot sekä ryhmän koko",
        "Gästlista (namn, titlar) eller åtminstone uppgifter om huvudgästen samt gruppens storlek",
        "Guest list (names, titles) or at least the main guest's details and the size of the group",
    ),
    "Valtiovierailulla virallinen ja/tai yritysdelegaatio": (
        "Valtiovierailuissa: puhutaanko virallisesta delegaatiosta ja/tai businessdelegaatiosta",
        "Vid statsbesök: är det fråga om en officiell delegation och/eller en businessdelegation",
        "State visits: is it an official delegation and/or a business delegation",
    ),
    "Kiinnostuksen kohteet ja odotukset (keitä otetaan mukaan)": (
        "Kiinnostuksen kohteet ja mitä odottavat vierailulta (määrittää, keihin otetaan sisäisesti yhteyttä)",
        "Intressen och vad gästerna väntar sig av besöket (avgör vem som kontaktas internt)",
        "Interests and what they expect from the visit (this decides whom to contact internally)",
    ),
    "Kieli ja tulkkaus (simultaani tai konsekutiivi)": (
        "Vierailun kieli ja mahdollinen tulkkaus; simultaani vai konsekutiivi",
        "Besökets språk och eventuell tolkning; simultan eller konsekutiv",
        "Language of the visit and any interpretation; simultaneous or consecutive",
    ),
    "Kaupungin johdon osallistuminen": (
        "Kaupungin johdon osallistumistarve",
        "Behovet av att stadens ledning deltar",
        "Whether the city's leadership needs to take part",
    ),
    "Puhuttelumuodot (UM:n protokolla tai suurlähetystö)": (
        "Puhuttelu ensi kertaa kohdatessa ja vierailun edetessä (UM:n protokollaosasto tai vierailumaan suurlähetystö)",
        "Tilltal vid det första mötet och under besöket (UM:s protokollavdelning eller besökslandets ambassad)",
        "Forms of address at the first meeting and during the visit (ask the Ministry for Foreign Affairs' protocol department or the visiting country's embassy)",
    ),
    "Viestintä ja luottamuksellisuus: mikä on salaista, saako julkaista somessa, hyväksytäänkö kuvat": (
        "Viestintä järjestelytiimin sisäisesti ja ulkoisesti: mitkä asiat on pidettävä salassa, onko sopivaa julkaista kaupungin some-kanavissa, pitääkö kuvat hyväksyttää",
        "Kommunikation inom arrangörsteamet och externt: vad ska hållas hemligt, passar det att publicera i stadens sociala medier, ska bilderna godkännas",
        "Communication within the organising team and outside it: what must be kept secret, may it be published in the city's social media channels, must photos be approved",
    ),
    "Puolison osallistuminen ja ohjelma": (
        "Onko päävieraan puoliso mukana ja miten hänet huomioidaan",
        "Följer huvudgästens make eller maka med och hur hen beaktas",
        "Is the main guest's spouse coming, and how they are looked after",
    ),
    "Lahjat: kerro järjestävälle taholle, tarkista sopivuus ja ajankohta, hanki ajoissa": (
        "Mahdolliset lahjat: lahjasuunnitelmasta kerrotaan järjestävälle taholle, varmistetaan, onko lahjojen antaminen sopivaa ja milloin, hankintaan varaudutaan hyvissä ajoin",
        "Eventuella gåvor: arrangören informeras om gåvoplanen, det kontrolleras om och när gåvor passar, inköpet förbereds i god tid",
        "Any gifts: tell the organising party of the gift plan, check whether and when giving gifts is appropriate, prepare the purchase in good time",
    ),
    "Ruokailut ja ruokavaliorajoitukset": (
        "Ruokailuun liittyvät mahdolliset rajoitteet",
        "Eventuella begränsningar i samband med måltider",
        "Any restrictions for meals",
    ),
    "Liputus": ("Liputus", "Flaggning", "Flags"),
    "Kustannusten jako toisen osapuolen kanssa": (
        "Mahdollinen kustannusten jako",
        "Eventuell kostnadsfördelning",
        "Any sharing of costs",
    ),
    "Mitä haluamme näyttää ja kertoa toiveiden lisäksi": (
        "Mitä haluamme vieraalle näyttää/kertoa toiveiden lisäksi",
        "Vad vi vill visa/berätta för gästen utöver önskemålen",
        "What we want to show or tell the guest besides their wishes",
    ),
    "Esitysmateriaalin vastuuhenkilö (kaupungin yleisesitys materiaalipankissa)": (
        "Esitysmateriaalin vastuuhenkilö (kaupungin yleisesitys englanniksi löytyy aineistopankista)",
        "Ansvarsperson för presentationsmaterialet (stadens allmänna presentation på engelska finns i materialbanken)",
        "Person responsible for the presentation material (the city's general presentation in English is in the material bank)",
    ),
    "Puheiden vastuuhenkilö": (
        "Puheiden vastuuhenkilö",
        "Ansvarsperson för talen",
        "Person responsible for the speeches",
    ),
    "Sisäinen kustannusten jako (turvallisuus turvallisuusbudjetista, muut kv-tiimi)": (
        "Kustannusten jako sisäisesti: turvakulut turvan budjetista, turva yhteistyössä TPK:n/UM:n turvan kanssa; muut kulut kv-tiimi",
        "Intern kostnadsfördelning: säkerhetskostnaderna ur säkerhetens budget, säkerheten i samarbete med TPK:s/UM:s säkerhet; övriga kostnader teamet för internationella frågor",
        "Sharing the costs internally: security costs from Turva's budget, Turva with the security of TPK/UM; other costs kv-tiimi",
    ),
    "Sosiaalinen media ja muu viestintä": (
        "Mahdolliset somepäivitykset ja muu viestintä",
        "Eventuella uppdateringar i sociala medier och annan kommunikation",
        "Any social media updates and other communication",
    ),
    "Mediaseuranta ja mediaosumat viestinnän kanssa": (
        "Uutisseuranta/mediaosumat vierailusta yhteistyössä viestinnän kanssa",
        "Nyhetsbevakning/medieträffar om besöket i samarbete med kommunikationen",
        "News monitoring / media hits of the visit together with communications",
    ),
    "Vierailusta syntyneet yhteishankkeet ja aloitteet kirjattu seurantaan": (
        "Vierailusta syntyneet yhteisprojektit tai muut aloitteet muistiin kansainvälisen toiminnan seurantaa varten",
        "Gemensamma projekt eller andra initiativ från besöket antecknade för uppföljningen av den internationella verksamheten",
        "Joint projects or other initiatives born from the visit noted for following up international activity",
    ),
    "Palautekeskustelu järjestävän tiimin kanssa – mitä opimme?": (
        "Vierailun sujumisen ja järjestelyjen läpikäynti järjestelytiimin kanssa – mitä opittavaa jäi?",
        "Genomgång med arrangörsteamet av hur besöket och arrangemangen fungerade – vad finns det att lära?",
        "Review of how the visit and the arrangements went with the organising team – what is there to learn?",
    ),
}  # fmt: skip

EVALUATION = "request-evaluation"
# question code -> (fi, sv, en), the seed's questions with their examples
QUESTIONS = {
    "timely": (
        "Onko vierailupyyntö tullut riittävän hyvissä ajoin, jotta se on mahdollista ottaa vastaan oman perustoiminnan kärsimättä?",
        "Har besöksförfrågan kommit i tillräckligt god tid för att besöket ska kunna tas emot utan att den egna kärnverksamheten blir lidande?",
        "Did the visit request come early enough for the visit to be received without the unit's own core work suffering?",
    ),
    "interesting": (
        "Onko vierailija kiinnostava, voimmeko oppia heiltä jotain?",
        "Är besökaren intressant, kan vi lära oss något av dem?",
        "Is the visitor interesting, can we learn something from them?",
    ),
    "significant": (
        "Onko vierailija merkittävä toimija omalla alallaan/alueellaan? (esim. suurkaupunki, yliopistokaupunki, alueellinen keskus, edelläkävijä Espoota kiinnostavassa asiakokonaisuudessa)",
        "Är besökaren en betydande aktör inom sitt område/sin region? (t.ex. storstad, universitetsstad, regionalt centrum, föregångare inom en helhet som intresserar Esbo)",
        "Is the visitor a significant actor in its field or region? (e.g. a big city, university city, regional centre, forerunner in a matter that interests Espoo)",
    ),
    "national": (
        "Onko vierailupyyntö Espooseen tullut kansallisen toimijan (esim. ulkoministeriö ja muut ministeriöt, Opetushallitus) kautta tai suosittelemana?",
        "Har besöksförfrågan till Esbo kommit via eller på rekommendation av en nationell aktör (t.ex. utrikesministeriet eller ett annat ministerium, Utbildningsstyrelsen)?",
        "Did the visit request to Espoo come through or on the recommendation of a national actor (e.g. the Ministry for Foreign Affairs or another ministry, the Finnish National Agency for Education)?",
    ),
    "leadership": (
        "Onko vierailupyyntö Espooseen tullut kaupungin virkamies- tai poliittisen johdon kautta tai suosittelemana?",
        "Har besöksförfrågan till Esbo kommit via eller på rekommendation av stadens tjänstemanna- eller politiska ledning?",
        "Did the visit request to Espoo come through or on the recommendation of the city's senior officials or political leadership?",
    ),
    "visibility": (
        "Onko vierailupyyntö tärkeä Espoon kansainvälisen näkyvyyden ja tunnettuuden kannalta?",
        "Är besöksförfrågan viktig för Esbos internationella synlighet och kännedom?",
        "Is the visit request important for Espoo's international visibility and recognition?",
    ),
}  # fmt: skip


def forwards(apps, schema_editor):
    ChecklistTemplate = apps.get_model("visits", "ChecklistTemplate")
    Question = apps.get_model("espoo_intl", "Question")
    for old, (fi, sv, en) in CHECKLIST.items():
        ChecklistTemplate.objects.filter(name_fi=old).update(name_fi=fi, name_sv=sv, name_en=en)
    for code, (fi, sv, en) in QUESTIONS.items():
        Question.objects.filter(question_set__code=EVALUATION, code=code).update(
            text_fi=fi, text_sv=sv, text_en=en
        )


def backwards(apps, schema_editor):
    """Only the Finnish key goes back, so that 0004's rows are found again."""
    ChecklistTemplate = apps.get_model("visits", "ChecklistTemplate")
    for old, (fi, _sv, _en) in CHECKLIST.items():
        ChecklistTemplate.objects.filter(name_fi=fi).update(name_fi=old)


class Migration(migrations.Migration):
    dependencies = [("visits", "0014_rules_protocol_confirmed"), ("espoo_intl", "0009_words_units")]
    operations = [migrations.RunPython(forwards, backwards)]
