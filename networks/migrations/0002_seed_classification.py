"""The yearly network classification as a questionnaire "network-classification": the
criteria of DOMAIN.md 3.5's three classes (strategic, thematic, passive) as yes/no
questions in Finnish, Swedish and English. Administrators may edit the texts later."""

from django.db import migrations

CLASSIFICATION = "network-classification"

# code, order, bad answer, (fi, sv, en)
QUESTIONS = [
    # strategic
    ("strategic_goals", 0, "", (
        "palveleeko verkosto useita kaupungin strategisia tavoitteita?",
        "tjänar nätverket flera av stadens strategiska mål?",
        "does the network serve several of the city's strategic goals?",
    )),
    ("many_units", 1, "", (
        "onko verkostosta kiinnostuneita useita yksiköitä?",
        "är flera enheter intresserade av nätverket?",
        "are many units interested in the network?",
    )),
    ("growth", 2, "", (
        "onko verkostossa kasvupotentiaalia?",
        "har nätverket potential att växa?",
        "does the network have potential to grow?",
    )),
    # thematic
    ("aligned", 3, "no", (
        "onko verkosto linjassa kaupungin tavoitteiden kanssa?",
        "är nätverket i linje med stadens mål?",
        "is the network aligned with the city's goals?",
    )),
    ("one_department", 4, "", (
        "koskeeko verkosto pääasiassa yhtä toimialaa tai yksikköä?",
        "gäller nätverket främst en sektor eller enhet?",
        "does the network concern mainly one department or unit?",
    )),
    ("active_actors", 5, "no", (
        "onko verkostotyössä aktiivisia toimijoita?",
        "finns det aktiva aktörer i nätverksarbetet?",
        "are there active actors in the network's work?",
    )),
    ("resources", 6, "no", (
        "onko vastuuyksikössä resurssit verkostotyöhön?",
        "har den ansvariga enheten resurser för nätverksarbetet?",
        "does the responsible unit have resources for the network's work?",
    )),
    # passive
    ("clear_owner", 7, "no", (
        "onko verkostolla selkeä omistaja kaupungissa?",
        "har nätverket en tydlig ägare i staden?",
        "does the network have a clear owner in the city?",
    )),
    ("active_cooperation", 8, "no", (
        "onko verkostossa aktiivista yhteistyötä?",
        "pågår det aktivt samarbete i nätverket?",
        "is there active cooperation in the network?",
    )),
]  # fmt: skip


def seed(apps, schema_editor):
    QuestionSet = apps.get_model("espoo_intl", "QuestionSet")
    Question = apps.get_model("espoo_intl", "Question")
    qset, _ = QuestionSet.objects.get_or_create(
        code=CLASSIFICATION,
        defaults={
            "name_fi": "Verkoston vuosiarviointi",
            "name_sv": "Årlig bedömning av nätverket",
            "name_en": "Yearly network evaluation",
        },
    )
    for code, order, bad, (fi, sv, en) in QUESTIONS:
        Question.objects.update_or_create(
            question_set=qset,
            code=code,
            defaults={
                "order": order,
                "bad_answer": bad,
                "text_fi": fi,
                "text_sv": sv,
                "text_en": en,
            },
        )


def unseed(apps, schema_editor):
    QuestionSet = apps.get_model("espoo_intl", "QuestionSet")
    Response = apps.get_model("espoo_intl", "Response")
    if not Response.objects.filter(question_set__code=CLASSIFICATION).exists():
        QuestionSet.objects.filter(code=CLASSIFICATION).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0001_initial"),
        ("espoo_intl", "0006_attachments_questionnaires"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
