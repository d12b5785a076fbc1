"""Demo events (registered in apps.py): fifteen international events over 2022–2027 in
different states of the decision path. Safe to run twice."""

from datetime import date, timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from espoo_intl.attachments import attachment_store
from espoo_intl.models import OrgUnit, Theme
from espoo_intl.questionnaires import questionnaire_answer

from .choices import ChecklistPoint, CheckOutcome, DeciderRole
from .choices import EventState as S
from .models import IMPACT, BackgroundCheck, Event, EventAgreement, EventChecklistItem

__all__ = ["load"]

KOHA = "Kansainvälisten asioiden tiimi"
# name, kind, format, start, days, organiser, co-organisers, unit, themes, expected, actual,
# funding, from an international actor, state, confidential
EVENTS = [
    ("Eurocities-kulttuurifoorumi", "conference", "physical", date(2022, 3, 16), 3, "Espoon kaupunki", "Eurocities", "Palvelukehitys", ["culture"], 180, 164, "25000", True, S.REPORTED, False),
    ("Kestävän kaupungin huippukokous", "congress", "hybrid", date(2022, 9, 20), 2, "Espoon kaupunki", "", "Kestävän kehityksen tiimi", ["sustainable-development"], 400, 452, "60000", False, S.REPORTED, False),
    ("Pohjoismainen koulutusseminaari", "seminar", "physical", date(2023, 2, 8), 1, "Suomenkielinen opetus", "", "Suomenkielinen opetus", ["education"], 60, 55, "3000", False, S.REPORTED, False),
    ("Espoo Cup -jalkapalloturnaus", "sports", "physical", date(2023, 6, 12), 5, "Espoon Palloseura", "Espoon Palloseura", "Elinkeino- ja kaupunkikehitysyksikkö", ["sports"], 900, 1020, "15000", False, S.HELD, False),
    ("Älykkäiden kaupunkien konferenssi", "conference", "hybrid", date(2023, 10, 3), 2, "Espoon kaupunki", "Aalto-yliopisto", "Elinkeino- ja kaupunkikehitysyksikkö", ["innovation-business", "sustainable-development"], 300, 280, "40000", False, S.REPORTED, False),
    ("Kansainvälinen terveysteknologiapäivä", "seminar", "virtual", date(2024, 4, 17), 1, "Terveyspalvelut", "", "Terveyspalvelut", ["health-wellbeing"], 120, None, None, True, S.REJECTED, False),
    ("Itämeren kaupunkien kongressi", "congress", "physical", date(2024, 9, 10), 3, "Union of Baltic Cities", "Union of Baltic Cities", KOHA, ["sustainable-development", "twin-cities"], 350, 330, "50000", True, S.REPORTED, False),
    ("Kulttuurien Espoo -festivaali", "cultural", "physical", date(2025, 5, 23), 2, "Espoon kaupunki", "", "Palvelukehitys", ["culture"], 200, 240, "12000", False, S.HELD, False),
    ("Tutkimus- ja innovaatiokonferenssi", "conference", "hybrid", date(2025, 11, 5), 2, "Espoon kaupunki", "VTT", "Elinkeino- ja kaupunkikehitysyksikkö", ["research-development"], 250, None, "30000", False, S.CANCELLED, False),
    ("Osaajien Espoo -rekrytointitapahtuma", "other", "hybrid", date(2026, 3, 18), 1, "Espoon kaupunki", "", "Elinkeino- ja kaupunkikehitysyksikkö", ["immigration-talent"], 150, None, "8000", False, S.APPROVED, False),
    ("Kaupunkisuunnittelun kesäkoulu", "seminar", "physical", date(2026, 6, 8), 4, "Kaupunkisuunnittelukeskus", "Aalto-yliopisto", "Kaupunkisuunnittelukeskus", ["urban-development"], 80, None, "10000", False, S.AGREEMENT_SIGNED, False),
    ("Ikäystävällisten kaupunkien konferenssi", "conference", "physical", date(2026, 10, 14), 2, "Vanhusten palvelut", "WHO:n eurooppalainen verkosto", "Vanhusten palvelut", ["elderly-care", "health-wellbeing"], 220, None, "35000", True, S.ASSESSED, False),
    ("Kiertotalouden kansainvälinen kongressi", "congress", "hybrid", date(2027, 2, 9), 3, "Espoon kaupunki", "", "Kestävän kehityksen tiimi", ["sustainable-development"], 500, None, "80000", False, S.PROPOSED, False),
    ("Ystävyyskaupunkien nuorisoleiri", "cultural", "physical", date(2027, 7, 5), 6, "Nuorisopalvelut", "", KOHA, ["twin-cities"], 90, None, "20000", False, S.PROPOSED, False),
    ("Arvovaltainen investointiseminaari", "seminar", "physical", date(2027, 9, 22), 1, "Espoon kaupunki", "", KOHA, ["trade-investment"], 40, None, "5000", True, S.ASSESSED, True),
]  # fmt: skip

PAST_ASSESSMENT = (S.ASSESSED, S.APPROVED, S.REJECTED, S.AGREEMENT_SIGNED, S.HELD, S.REPORTED, S.CANCELLED)  # fmt: skip
DECIDED = (S.APPROVED, S.REJECTED, S.AGREEMENT_SIGNED, S.HELD, S.REPORTED)
SIGNED = (S.AGREEMENT_SIGNED, S.HELD, S.REPORTED)
YES_ALL = {"aim": "yes", "target_groups": "yes", "visibility": "yes", "benefit": "yes", "risks": "no"}  # fmt: skip


def _unit(name: str) -> OrgUnit:
    return OrgUnit.objects.get(name_fi=name)


def load(*, users: dict, options: dict) -> str:
    """Create the demo events unless loaded before; say how many."""
    kv = users["kv"]
    if Event.objects.filter(created_by=kv).exists():
        return "0 new events"
    for row in EVENTS:
        _event(row, kv)
    return f"{len(EVENTS)} new events"


def _event(row, kv) -> Event:
    name, kind, fmt, start, days, organiser, co, unit, themes, exp, act, funding, intl, state, conf = row  # fmt: skip
    event = Event.objects.create(
        name=name, kind=kind, format=fmt, start_date=start, end_date=start + timedelta(days=days - 1),
        organiser=organiser, co_organisers=co, owning_unit=_unit(unit), expected_participants=exp,
        actual_participants=act, city_funding=Decimal(funding) if funding else None,
        proposed_by_international_actor=intl, confidential=conf, state=state, created_by=kv,
    )  # fmt: skip
    event.themes.set(Theme.objects.filter(slug__in=themes))
    EventChecklistItem.objects.bulk_create(
        EventChecklistItem(event=event, point=p, done=state in SIGNED)
        for p in ChecklistPoint.values
    )
    if state in PAST_ASSESSMENT:
        questionnaire_answer(event, question_set=IMPACT, actor=kv, answers=YES_ALL, how={"aim": "Espoon kansainvälisen tunnettuuden vahvistaminen."})  # fmt: skip
    if intl and state != S.PROPOSED:
        BackgroundCheck.objects.create(
            event=event, kv_checked_by="Kv-tiimi", turva_checked_by="Turva", recorded_by=kv,
            checked_on=min(start - timedelta(days=120), date.today()),
            outcome=CheckOutcome.CONCERNS if state == S.REJECTED else CheckOutcome.NO_CONCERNS,
        )  # fmt: skip
    if state in DECIDED:
        event.decided_by = "Kaupunginjohtaja"
        event.decider_role = DeciderRole.CITY_MANAGER
        event.decision_reference = f"KJ {start.year - (start.month < 6)}/{event.pk:03d}"
        event.decision_date = min(start - timedelta(days=90), date.today())
        event.save()
    if state in SIGNED and co:
        pdf = SimpleUploadedFile("yhteistyosopimus.pdf", b"%PDF-1.4\n%demo\n", content_type="application/pdf")  # fmt: skip
        EventAgreement.objects.create(
            event=event, attachment=attachment_store(event, actor=kv, file=pdf), recorded_by=kv,
            covers_role=True, covers_responsibilities=True, covers_funding_share=True, covers_schedule=True,
        )  # fmt: skip
    return event
