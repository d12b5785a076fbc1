"""The partnership assessment (DOMAIN.md 3.1) as one question set: part 1, benefits and
impacts (seven yes/no questions, the first asking "how"; most should be positive), and
part 2, investments and risks ("no" is the bad answer, except for the reputational-risk
question, where "yes" is). Codes start with "benefit-" or "risk-" by part."""

from django.db import migrations

ASSESSMENT = "partnership-assessment"

# code, bad answer, asks how, (fi, sv, en)
QUESTIONS = [
    ("benefit-story", "", True, (
        "Edistääkö kumppanuus Espoo-tarinaa ja yksikön tavoitteita?",
        "Främjar partnerskapet Esbo-berättelsen och enhetens mål?",
        "Does it advance the Espoo Story and the unit's goals?",
    )),
    ("benefit-values", "", False, (
        "Voiko Espoo toimia kumppanuudessa arvojensa mukaisesti?",
        "Kan Esbo agera i partnerskapet enligt sina värderingar?",
        "Can Espoo act in it according to its values?",
    )),
    ("benefit-learning", "", False, (
        "Voimmeko oppia ja kehittää omaa toimintaamme?",
        "Kan vi lära oss och utveckla vårt eget arbete?",
        "Can we learn and develop our own work?",
    )),
    ("benefit-forerunner", "", False, (
        "Onko kumppani alansa edelläkävijä ja merkittävä toimija?",
        "Är partnern en föregångare och betydande aktör inom sitt område?",
        "Is the partner a forerunner and significant actor in its field?",
    )),
    ("benefit-shared-will", "", False, (
        "Löytyykö yhteinen tahtotila?",
        "Finns det en gemensam vilja?",
        "Can a shared will be found?",
    )),
    ("benefit-resources", "", False, (
        "Tuoko kumppanuus resursseja Espooseen?",
        "Tillför partnerskapet resurser till Esbo?",
        "Does it bring resources to Espoo?",
    )),
    ("benefit-opportunities", "", False, (
        "Tuoko kumppanuus kiinnostavia tulevaisuuden mahdollisuuksia ja näkyvyyttä Espoolle tai avaako se mahdollisuuksia espoolaisille toimijoille?",
        "Ger partnerskapet intressanta framtida möjligheter och synlighet för Esbo eller öppnar det möjligheter för aktörer i Esbo?",
        "Does it bring interesting future opportunities and visibility for Espoo, or open opportunities for Espoo actors?",
    )),
    ("risk-investment", "no", False, (
        "Ovatko yksiköltä vaadittavat panostukset realistisia?",
        "Är de insatser som krävs av enheten realistiska?",
        "Are the investments required of the unit realistic?",
    )),
    ("risk-ratio", "no", False, (
        "Onko hyötyjen ja panostusten suhde riittävä?",
        "Är förhållandet mellan nytta och insats tillräckligt?",
        "Is the benefit/investment ratio sufficient?",
    )),
    ("risk-commitment", "no", False, (
        "Pystymmekö sitoutumaan riittävästi, jotta hyödyt toteutuvat?",
        "Kan vi förbinda oss tillräckligt för att nyttan ska förverkligas?",
        "Can we commit enough for the benefits to materialise?",
    )),
    ("risk-credible", "no", False, (
        "Onko kumppani uskottava, luotettava ja verkostoitunut uskottavien toimijoiden kanssa?",
        "Är partnern trovärdig, pålitlig och nätverkad med trovärdiga aktörer?",
        "Is the partner credible, reliable and networked with credible actors?",
    )),
    ("risk-commercial", "no", False, (
        "Jos kyseessä on kaupallinen toimija, onko sen intressi tiedossa ja linjassa Espoon tavoitteiden kanssa?",
        "Om det är en kommersiell aktör, är dess intresse känt och i linje med Esbos mål?",
        "If a commercial actor, is its interest known and in line with Espoo's goals?",
    )),
    ("risk-reputation", "yes", False, (
        "Liittyykö kumppanuuteen riskejä tai mahdollista mainehaittaa?",
        "Finns det risker eller möjlig skada för anseendet?",
        "Are there risks or potential reputational harm?",
    )),
]  # fmt: skip

HOW = ("Miten?", "Hur?", "How?")


def seed(apps, schema_editor):
    QuestionSet = apps.get_model("espoo_intl", "QuestionSet")
    Question = apps.get_model("espoo_intl", "Question")
    qset, _ = QuestionSet.objects.get_or_create(
        code=ASSESSMENT,
        defaults={
            "name_fi": "Kumppanuuden arviointi",
            "name_sv": "Bedömning av partnerskapet",
            "name_en": "Partnership assessment",
        },
    )
    for order, (code, bad, asks_how, (fi, sv, en)) in enumerate(QUESTIONS):
        how = HOW if asks_how else ("", "", "")
        Question.objects.update_or_create(
            question_set=qset,
            code=code,
            defaults={
                "order": order,
                "bad_answer": bad,
                "asks_how": asks_how,
                "text_fi": fi,
                "text_sv": sv,
                "text_en": en,
                "how_label_fi": how[0],
                "how_label_sv": how[1],
                "how_label_en": how[2],
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("espoo_intl", "Response").objects.filter(question_set__code=ASSESSMENT).delete()
    apps.get_model("espoo_intl", "QuestionSet").objects.filter(code=ASSESSMENT).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0001_initial"),
        ("espoo_intl", "0006_attachments_questionnaires"),
    ]
    operations = [migrations.RunPython(seed, unseed)]
