"""The event impact assessment (DOMAIN.md 3.6) as the core questionnaire "event-impact":
the seed's five points, each with its "how"."""

from django.db import migrations

IMPACT = "event-impact"

# code, bad answer, (fi, sv, en), (how fi, sv, en)
QUESTIONS = [
    ("aim", "", (
        "Onko tapahtumalla selkeä tavoite Espoo-tarinan tavoitteiden kannalta?",
        "Har evenemanget ett tydligt mål med tanke på Esbo-berättelsens mål?",
        "Does the event have a clear aim in terms of the Espoo Story's goals?",
    ), ("Mihin tapahtumalla pyritään?", "Vad strävar man efter med evenemanget?", "What does the event aim at?")),
    ("target_groups", "no", (
        "Tavoittaako tapahtuma kaupunkiyhteisön kannalta relevantteja kohderyhmiä?",
        "Når evenemanget målgrupper som är relevanta för stadssamfundet?",
        "Does the event reach target groups relevant to the city community?",
    ), ("Miten se tavoittaa kohderyhmät?", "Hur når det målgrupperna?", "How does it reach them?")),
    ("visibility", "no", (
        "Tuoko kaupungin osallistuminen tapahtuman järjestämiseen tai sen rahalliseen tukemiseen näkyvyyttä ja tuloksia?",
        "Ger stadens deltagande i att ordna evenemanget eller stödja det ekonomiskt synlighet och resultat?",
        "Does the city's part in organising or funding the event bring visibility and results?",
    ), ("Millaista näkyvyyttä ja tuloksia?", "Vilken synlighet och vilka resultat?", "What visibility and results?")),
    ("benefit", "no", (
        "Onko tapahtuman hyöty-panostussuhde hyvä rahallisten ja henkilöresurssien näkökulmasta?",
        "Är evenemangets förhållande mellan nytta och insats gott med tanke på pengar och personal?",
        "Is the event's benefit/investment ratio good in terms of money and staff?",
    ), ("Millaiset panokset ja hyödyt?", "Vilka insatser och nyttor?", "What investment, what benefit?")),
    ("risks", "yes", (
        "Liittyykö tapahtuman järjestämiseen potentiaalisia riskejä tai mainehaittoja?",
        "Finns det potentiella risker eller skador på anseendet i att ordna evenemanget?",
        "Are there potential risks or reputational harm in organising the event?",
    ), ("Mitä riskejä ja miten niitä hallitaan?", "Vilka risker och hur hanteras de?", "What risks, and how are they managed?")),
]  # fmt: skip


def seed(apps, schema_editor):
    QuestionSet = apps.get_model("espoo_intl", "QuestionSet")
    Question = apps.get_model("espoo_intl", "Question")
    qset, _ = QuestionSet.objects.get_or_create(
        code=IMPACT,
        defaults={
            "name_fi": "Tapahtuman vaikuttavuuden arviointi",
            "name_sv": "Bedömning av evenemangets effekter",
            "name_en": "Event impact assessment",
        },
    )
    for order, (code, bad, (fi, sv, en), (how_fi, how_sv, how_en)) in enumerate(QUESTIONS):
        Question.objects.update_or_create(
            question_set=qset,
            code=code,
            defaults={
                "order": order,
                "bad_answer": bad,
                "text_fi": fi,
                "text_sv": sv,
                "text_en": en,
                "asks_how": True,
                "how_label_fi": how_fi,
                "how_label_sv": how_sv,
                "how_label_en": how_en,
            },  # fmt: skip
        )


def unseed(apps, schema_editor):
    apps.get_model("espoo_intl", "Response").objects.filter(question_set__code=IMPACT).delete()
    apps.get_model("espoo_intl", "QuestionSet").objects.filter(code=IMPACT).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("espoo_intl", "0006_attachments_questionnaires"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
