"""Demo data: a handful of advocacy items of each kind in different states over 2024–2026
(among them a Eurocities joint statement that went to the city manager) and progress notes
for the ten development items. Safe to run twice."""

import datetime

from espoo_intl.models import OrgUnit
from espoo_intl.timeline import timeline_log

from .choices import Body, DecisionRole, DevelopmentStatus, Kind, Requester
from .choices import State as S
from .models import AdvocacyItem, Decision, DevelopmentItem, ProgressNote

__all__ = ["load"]

D = datetime.date
# title, kind, requester, detail, deadline, state, extra fields
ITEMS = [
    ("EU:n kaupunkiagenda – komission kuuleminen", Kind.CONSULTATION, Requester.COMMISSION, "", D(2024, 3, 15), S.FILED, {"network": "Eurocities"}),
    ("Koheesiopolitiikan tulevaisuus – kannanotto", Kind.CONSULTATION, Requester.NETWORK, "Eurocities", D(2025, 5, 30), S.DECIDED, {"network": "Eurocities"}),
    ("Osaajien liikkuvuus EU:ssa – konsultaatio", Kind.CONSULTATION, Requester.COMMISSION, "", D(2026, 1, 20), S.RECEIVED, {}),
    ("Vihreä siirtymä kaupungeissa – position paper", Kind.CONSULTATION, Requester.OTHER, "Helsingin EU-toimisto", D(2025, 9, 1), S.DECLINED, {}),
    ("Eurocities: kaupungit Ukrainan jälleenrakentamisessa", Kind.JOINT, Requester.NETWORK, "Eurocities", D(2024, 11, 4), S.SENT, {"needs_top_management": True}),
    ("Kuutoskaupunkien yhteinen julkilausuma koulutuksesta", Kind.JOINT, Requester.NETWORK, "6 kaupunkia", D(2026, 2, 10), S.PREPARING, {}),
    ("Eurocities: avoin kirje asumisen kohtuuhintaisuudesta", Kind.JOINT, Requester.NETWORK, "Eurocities", D(2025, 10, 15), S.CITY_MANAGER, {"needs_top_management": True}),
    ("Espoon kannanotto kaupunkien rooliin EU-rahoituksessa", Kind.OWN, Requester.CITY, "", D(2025, 4, 1), S.SENT, {}),
    ("Espoon tiekartta kestävään kaupunkiin – julkilausuma", Kind.OWN, Requester.CITY, "", D(2026, 3, 31), S.RECEIVED, {}),
    ("Lausunto EU-rahoituksen kansallisesta hallinnoinnista", Kind.OFFICIAL, Requester.MINISTRY, "", D(2024, 6, 14), S.FILED, {"body": Body.BOARD, "decision_reference": "KH 12.6.2024 § 201"}),
    ("Lausunto rakennerahastokauden 2028– valmistelusta", Kind.OFFICIAL, Requester.MINISTRY, "", D(2025, 12, 5), S.PREPARING, {"body": Body.CITY_MANAGER}),
    ("Lausunto kansainvälisten osaajien palveluista", Kind.OFFICIAL, Requester.MINISTRY, "", D(2026, 2, 27), S.GIVEN, {"body": Body.DEPARTMENT_DIRECTOR, "decision_reference": "KOT 2026/113"}),
]  # fmt: skip

NOTES = [
    (D(2024, 12, 10), "Työ käynnistetty; nykytila kartoitettu."),
    (D(2025, 11, 20), "Etenee suunnitellusti; seuraava katsaus johtoryhmälle keväällä."),
]
STATUSES = [
    DevelopmentStatus.IN_PROGRESS, DevelopmentStatus.IN_PROGRESS, DevelopmentStatus.DONE,
    DevelopmentStatus.NOT_STARTED, DevelopmentStatus.IN_PROGRESS, DevelopmentStatus.PAUSED,
    DevelopmentStatus.IN_PROGRESS, DevelopmentStatus.NOT_STARTED, DevelopmentStatus.IN_PROGRESS,
    DevelopmentStatus.IN_PROGRESS,
]  # fmt: skip


def _details(item: AdvocacyItem, outcome: bool) -> None:
    item.relevance = "Koskee Espoon palveluja suoraan; vastaaminen kannattaa."
    item.content_assessment = "Sisältö vastaa kaupunkistrategiaa."
    item.effects_assessment = "Liittymisellä vahvistetaan Espoon näkyvyyttä ja tunnettuutta."
    if item.needs_top_management:
        item.joining_reasons = "Espoo on Eurocitiesin jäsen ja teema on kaupungille keskeinen."
    item.planned_with_kv = item.planned_with_communications = True
    item.communication_agreed = outcome
    if outcome:
        item.outcome_date = item.deadline
        item.final_text = "Espoon lopullinen vastaus liitteenä."


def load(*, users: dict, options: dict) -> str:
    kv = users["kv"]
    if AdvocacyItem.objects.filter(created_by=kv).exists():
        return "advocacy: demo data already loaded"
    units = list(OrgUnit.objects.filter(kind=OrgUnit.Kind.UNIT, is_active=True).order_by("pk"))
    experts = [users["staff"], users["staff-sote"], users["staff-kym"]]
    for number, (title, kind, requester, detail, deadline, state, extra) in enumerate(ITEMS):
        item = AdvocacyItem(
            kind=kind, title=title, requester=requester, requester_detail=detail,
            deadline=deadline, subject=title, state=state, created_by=kv, **extra,
        )  # fmt: skip
        expert = experts[number % len(experts)]
        item.expert = expert
        _details(item, outcome=state in (S.SENT, S.GIVEN, S.FILED))
        if state == S.DECLINED:
            item.outcome_date = deadline
        item._history_user = kv
        item.save()
        item.units.set([expert.unit] if expert.unit else units[:1])
        if state in (S.DECIDED, S.SENT, S.FILED) and kind == Kind.CONSULTATION:
            Decision.objects.create(
                item=item, decided_by="Tulosyksikön johtaja", role=DecisionRole.UNIT_DIRECTOR,
                decided_on=deadline - datetime.timedelta(days=10), recorded_by=expert,
            )  # fmt: skip
        if kind == Kind.JOINT and item.needs_top_management and state != S.CITY_MANAGER:
            Decision.objects.create(
                item=item, decided_by="Kaupunginjohtaja", role=DecisionRole.CITY_MANAGER,
                decided_on=deadline - datetime.timedelta(days=5), reference="KJ 2024/88",
                recorded_by=kv,
            )  # fmt: skip
        timeline_log(item, actor=kv, summary="Item registered.")
        if state != S.RECEIVED:
            timeline_log(item, actor=expert, frm=S.RECEIVED, to=state)
    notes = 0
    for item, status in zip(DevelopmentItem.objects.order_by("number"), STATUSES, strict=False):
        item.status = status
        item._history_user = kv
        item.save()
        for noted_on, text in NOTES:
            ProgressNote.objects.get_or_create(
                item=item, noted_on=noted_on, defaults={"text": text, "author": kv}
            )
            notes += 1
    return f"advocacy: {len(ITEMS)} advocacy items, {notes} progress notes"
