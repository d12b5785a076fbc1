"""Visit requests move onto the core: their attachments into espoo_intl.Attachment (the
files stay where they are), their triage into the questionnaire "request-evaluation"
(seeded here: timeliness and the five questions of DOMAIN.md 3.4)."""

from django.db import migrations
from django.utils import timezone

EVALUATION = "request-evaluation"

# code, order, bad answer, (fi, sv, en)
QUESTIONS = [
    ("timely", 0, "no", (
        "saapui niin ajoissa, että vierailu voidaan ottaa vastaan haittaamatta yksikön perustehtävää",
        "kom i så god tid att besöket kan tas emot utan att enhetens kärnuppgifter blir lidande",
        "came early enough to receive it without harming the unit's core work",
    )),
    ("interesting", 1, "", (
        "onko vierailija kiinnostava – voimmeko oppia siltä jotakin?",
        "är besökaren intressant – kan vi lära oss något av den?",
        "is the visitor interesting – can we learn something from them?",
    )),
    ("significant", 2, "", (
        "onko vierailija merkittävä toimija alallaan tai alueellaan?",
        "är besökaren en betydande aktör inom sitt område eller sin region?",
        "is the visitor a significant actor in its field or region?",
    )),
    ("national", 3, "", (
        "tuliko pyyntö kansallisen toimijan kautta tai suosituksesta?",
        "kom förfrågan via eller på rekommendation av en nationell aktör?",
        "did it come through or with the recommendation of a national actor?",
    )),
    ("leadership", 4, "", (
        "tuliko pyyntö kaupungin johdon kautta tai suosituksesta?",
        "kom förfrågan via eller på rekommendation av stadens ledning?",
        "did it come through or with the recommendation of the city's leadership?",
    )),
    ("visibility", 5, "", (
        "onko vierailu tärkeä Espoon kansainväliselle näkyvyydelle ja maineelle?",
        "är besöket viktigt för Esbos internationella synlighet och anseende?",
        "is it important for Espoo's international visibility and reputation?",
    )),
]  # fmt: skip

# the old field on VisitRequest -> the question code
FIELDS = {
    "timely": "timely", "q_interesting": "interesting", "q_significant": "significant",
    "q_national": "national", "q_leadership": "leadership", "q_visibility": "visibility",
}  # fmt: skip


def _request_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="visits", model="visitrequest")[0]


def _fire_deferred_checks(schema_editor):
    """PostgreSQL: check the new rows now, so the columns can be dropped in this migration."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def seed_evaluation(apps, schema_editor):
    QuestionSet = apps.get_model("espoo_intl", "QuestionSet")
    Question = apps.get_model("espoo_intl", "Question")
    qset, _ = QuestionSet.objects.get_or_create(
        code=EVALUATION,
        defaults={
            "name_fi": "Vierailupyynnön arviointi",
            "name_sv": "Bedömning av besöksförfrågan",
            "name_en": "Visit request evaluation",
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


def unseed_evaluation(apps, schema_editor):
    apps.get_model("espoo_intl", "Response").objects.filter(question_set__code=EVALUATION).delete()
    apps.get_model("espoo_intl", "QuestionSet").objects.filter(code=EVALUATION).delete()


def _value(flag):
    return {True: "yes", False: "no"}.get(flag, "unknown")


def triage_to_responses(apps, schema_editor):
    VisitRequest = apps.get_model("visits", "VisitRequest")
    Response = apps.get_model("espoo_intl", "Response")
    Answer = apps.get_model("espoo_intl", "Answer")
    questions = {
        q.code: q
        for q in apps.get_model("espoo_intl", "Question").objects.filter(
            question_set__code=EVALUATION
        )
    }
    ct = _request_type(apps)
    triaged = VisitRequest.objects.exclude(triaged_at=None) | VisitRequest.objects.exclude(
        timely=None
    )
    for request in triaged.distinct():
        response = Response.objects.create(
            content_type=ct,
            object_id=request.pk,
            question_set=questions["timely"].question_set,
            answered_by_id=request.triaged_by_id,
            answered_at=request.triaged_at or timezone.now(),
        )
        Answer.objects.bulk_create(
            Answer(
                response=response, question=questions[code], value=_value(getattr(request, name))
            )
            for name, code in FIELDS.items()
        )
    _fire_deferred_checks(schema_editor)


def responses_to_triage(apps, schema_editor):
    VisitRequest = apps.get_model("visits", "VisitRequest")
    Response = apps.get_model("espoo_intl", "Response")
    ct = _request_type(apps)
    codes = {code: name for name, code in FIELDS.items()}
    latest = {}
    for response in Response.objects.filter(
        content_type=ct, question_set__code=EVALUATION
    ).order_by("answered_at", "pk"):
        latest[response.object_id] = response
    for request_id, response in latest.items():
        values = {
            codes[a.question.code]: {"yes": True, "no": False}.get(a.value)
            for a in response.answers.select_related("question")
            if a.question.code in codes
        }
        VisitRequest.objects.filter(pk=request_id).update(
            triaged_by_id=response.answered_by_id, triaged_at=response.answered_at, **values
        )


def attachments_to_core(apps, schema_editor):
    Old = apps.get_model("visits", "Attachment")
    New = apps.get_model("espoo_intl", "Attachment")
    ct = _request_type(apps)
    for old in Old.objects.all():
        new = New.objects.create(
            content_type=ct,
            object_id=old.request_id,
            file=old.file.name,  # the same file, where it is
            original_name=old.original_name,
            mime_type=old.content_type,
            size=old.size,
            uploaded_by_id=old.uploaded_by_id,
        )
        New.objects.filter(pk=new.pk).update(uploaded_at=old.uploaded_at)
    _fire_deferred_checks(schema_editor)


def attachments_back(apps, schema_editor):
    Old = apps.get_model("visits", "Attachment")
    New = apps.get_model("espoo_intl", "Attachment")
    ct = _request_type(apps)
    for new in New.objects.filter(content_type=ct):
        old = Old.objects.create(
            request_id=new.object_id,
            file=new.file.name,
            original_name=new.original_name[:255],
            content_type=new.mime_type,
            size=new.size,
            uploaded_by_id=new.uploaded_by_id,
        )
        Old.objects.filter(pk=old.pk).update(uploaded_at=new.uploaded_at)
    New.objects.filter(content_type=ct).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("espoo_intl", "0006_attachments_questionnaires"),
        ("visits", "0008_timeline_version"),
    ]

    operations = [
        migrations.RunPython(seed_evaluation, unseed_evaluation),
        migrations.RunPython(triage_to_responses, responses_to_triage),
        migrations.RunPython(attachments_to_core, attachments_back),
        migrations.RemoveField(
            model_name="historicalvisitrequest",
            name="q_interesting",
        ),
        migrations.RemoveField(
            model_name="historicalvisitrequest",
            name="q_leadership",
        ),
        migrations.RemoveField(
            model_name="historicalvisitrequest",
            name="q_national",
        ),
        migrations.RemoveField(
            model_name="historicalvisitrequest",
            name="q_significant",
        ),
        migrations.RemoveField(
            model_name="historicalvisitrequest",
            name="q_visibility",
        ),
        migrations.RemoveField(
            model_name="historicalvisitrequest",
            name="timely",
        ),
        migrations.RemoveField(
            model_name="historicalvisitrequest",
            name="triaged_at",
        ),
        migrations.RemoveField(
            model_name="historicalvisitrequest",
            name="triaged_by",
        ),
        migrations.RemoveField(
            model_name="visitrequest",
            name="q_interesting",
        ),
        migrations.RemoveField(
            model_name="visitrequest",
            name="q_leadership",
        ),
        migrations.RemoveField(
            model_name="visitrequest",
            name="q_national",
        ),
        migrations.RemoveField(
            model_name="visitrequest",
            name="q_significant",
        ),
        migrations.RemoveField(
            model_name="visitrequest",
            name="q_visibility",
        ),
        migrations.RemoveField(
            model_name="visitrequest",
            name="timely",
        ),
        migrations.RemoveField(
            model_name="visitrequest",
            name="triaged_at",
        ),
        migrations.RemoveField(
            model_name="visitrequest",
            name="triaged_by",
        ),
        migrations.DeleteModel(
            name="Attachment",
        ),
    ]
