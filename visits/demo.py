"""Visits' demo data: a few hundred visits over the six years up to the day it is loaded
(and some in the coming weeks), Finnish titles unless the visitor wrote English, and a
handful of visit requests taken through the workflow, none arriving in the future. Deterministic and idempotent; `load_demo` calls `load`
(declared in apps.py) after it has created the demo accounts."""

import random
from datetime import date, timedelta
from decimal import Decimal

from espoo_intl.models import OrgUnit, Theme

from .choices import (
    ChecklistPhase,
    DignitaryRank,
    Direction,
    Interpretation,
    ItemStatus,
    RequesterType,
    RequestState,
    VisitKind,
    VisitStatus,
)
from .models import Visit, VisitRequest
from .services import planning, requests

__all__ = ["load", "ORGANISATIONS", "TITLES", "KIND_WEIGHTS", "HOSTS"]

ORGANISATIONS = {
    "SE": ["Stockholms stad", "Kristianstads kommun", "KTH Royal Institute of Technology"],
    "DK": ["Køge Kommune", "Aarhus Kommune"],
    "NO": ["Kongsberg kommune", "Oslo kommune"],
    "EE": ["Tallinna Linnavalitsus", "Tartu Ülikool"],
    "DE": ["Stadt Hamburg", "Fraunhofer-Gesellschaft"],
    "NL": ["Gemeente Eindhoven", "Gemeente Amsterdam"],
    "CN": ["Shanghai Municipal Foreign Affairs Office", "Shanghai Jiao Tong University"],
    "JP": ["Embassy of Japan in Finland", "City of Yokohama"],
    "KR": ["Seoul Metropolitan Government"],
    "US": ["City of Irving", "Embassy of the United States in Finland"],
    "GB": ["Greater London Authority", "University of Manchester"],
    "FR": ["Ville de Lyon", "Embassy of France in Finland"],
    "HU": ["Esztergom Város Önkormányzata"],
    "IS": ["Sveitarfélagið Skagafjörður"],
    "SG": ["Urban Redevelopment Authority Singapore"],
    "CA": ["City of Toronto"],
    "BE": ["Eurocities"],
    "AE": ["Dubai Municipality"],
}

TITLES = {
    VisitKind.DIGNITARY: ["Suurlähettilään vierailu Espooseen", "Ministeridelegaation vierailu", "Valtiovierailun Espoo-ohjelma"],
    VisitKind.CITY_DELEGATION: ["Kaupunkidelegaatio: älykaupunkipalvelut", "Pormestaridelegaatio"],
    VisitKind.TWIN_CITY: ["Ystävyyskaupunkidelegaatio", "Kumppanikaupungin yhteistyötapaaminen"],
    VisitKind.MEDIA: ["Kansainvälisten toimittajien vierailu", "Mediavierailu: espoolainen koulutus"],
    VisitKind.TECHNICAL: ["Asiantuntijavierailu: ilmiöoppiminen", "Asiantuntijavierailu: kaukolämpö", "Asiantuntijavierailu: varhaiskasvatus"],
    VisitKind.BUSINESS: ["Sijoittajadelegaatio Otaniemessä", "Businessdelegaatio: cleantech"],
    # as the visitors wrote them
    VisitKind.INTERNATIONAL_ORG: ["OECD study visit", "UN-Habitat delegation"],
    VisitKind.OTHER: ["Nuorisovaihtoryhmä", "Yliopistodelegaatio"],
}  # fmt: skip

KIND_WEIGHTS = {
    VisitKind.DIGNITARY: 8, VisitKind.CITY_DELEGATION: 14, VisitKind.TWIN_CITY: 6,
    VisitKind.MEDIA: 6, VisitKind.TECHNICAL: 30, VisitKind.BUSINESS: 12,
    VisitKind.INTERNATIONAL_ORG: 5, VisitKind.OTHER: 9,
}  # fmt: skip

# Host unit (fi name) by kind, following the routing of DOMAIN.md 3.4.
HOSTS = {
    VisitKind.DIGNITARY: ["Elinkeino- ja kaupunkikehitysyksikkö", "Kansainvälisten asioiden tiimi"],
    VisitKind.CITY_DELEGATION: ["Palvelukehitys", "Kaupunkisuunnittelukeskus", "Kestävän kehityksen tiimi"],
    VisitKind.TWIN_CITY: ["Elinkeino- ja kaupunkikehitysyksikkö"],
    VisitKind.MEDIA: ["Elinkeino- ja kaupunkikehitysyksikkö", "Viestintä"],
    VisitKind.TECHNICAL: ["Suomenkielinen opetus", "Varhaiskasvatus", "Svenska bildningstjänster", "Terveyspalvelut", "Vanhusten palvelut", "Tekniikka ja ympäristö"],
    VisitKind.BUSINESS: ["Espoo Marketing Oy"],
    VisitKind.INTERNATIONAL_ORG: ["Elinkeino- ja kaupunkikehitysyksikkö"],
    VisitKind.OTHER: ["Suomenkielinen opetus", "Perhe- ja sosiaalipalvelut", "Palvelukehitys"],
}  # fmt: skip


# days from today of the last demo visits: today (always this month) and the next 30 days
AROUND_TODAY = [-12, -5, -2, 0, 1, 3, 6, 9, 14, 20, 27, 40]


def load(*, users: dict, options: dict) -> str:
    """Create the demo visits and requests unless loaded before; say how many."""
    created = _visits(options.get("visits", 320), users)
    made = _requests(users)
    return f"{created} new visits, {made} new requests"


def _unit(name_fi: str) -> OrgUnit:
    return OrgUnit.objects.get(name_fi=name_fi)


def _visits(count: int, users: dict) -> int:
    if Visit.objects.filter(created_by=users["kv"]).exists():
        return 0  # loaded before: a second run adds nothing, whatever the date
    rng = random.Random(2030)  # same data on every machine
    themes = list(Theme.objects.all())
    responsible_by_dept = {}
    for user in users.values():
        responsible_by_dept.setdefault(user.department_pk, []).append(user)
    kinds, weights = zip(*KIND_WEIGHTS.items(), strict=False)
    created = 0
    today = date.today()
    for i in range(count):
        kind = rng.choices(kinds, weights)[0]
        country = rng.choice(list(ORGANISATIONS))
        organisation = rng.choice(ORGANISATIONS[country])
        # six years back from the day the demo is loaded; the last few around today, so that
        # this month, the next 30 days and the dashboard always have something
        start = today - timedelta(days=rng.randrange(30, 6 * 365))
        if i >= count - len(AROUND_TODAY):
            start = today + timedelta(days=AROUND_TODAY[i - count])
        host = _unit(rng.choice(HOSTS[kind]))
        direction = (
            Direction.OUTGOING
            if kind == VisitKind.TECHNICAL and rng.random() < 0.15
            else Direction.INCOMING
        )
        paid = (
            kind == VisitKind.TECHNICAL and direction == Direction.INCOMING and rng.random() < 0.35
        )
        title = rng.choice(TITLES[kind])
        defaults = {
            "kind": kind,
            "dignitary_rank": rng.choice(list(DignitaryRank)) if kind == VisitKind.DIGNITARY else "",
            "direction": direction,
            "visiting_organisation": organisation,
            "country": country,
            "host_unit": host,
            "responsible": rng.choice(responsible_by_dept.get(host.department_id, [users["kv"]])),
            "end_date": start + timedelta(days=rng.choice([0, 0, 0, 1, 2])),
            "group_size": rng.randint(2, 40),
            "language": rng.choice(["englanti", "ruotsi", "englanti", "kiina (tulkattu)"]),
            "interpretation": Interpretation.CONSECUTIVE if kind == VisitKind.DIGNITARY else rng.choice([Interpretation.NONE] * 5 + [Interpretation.CONSECUTIVE]),
            "paid": paid,
            "invoiced_amount": Decimal(rng.choice([450, 800, 1200, 1500])) if paid else None,
            "media_hits": rng.choice([0, 0, 0, 1, 2, 5]) if kind in (VisitKind.DIGNITARY, VisitKind.MEDIA) else 0,
            "follow_up": rng.choice(["", "", "Yhteinen EU-hankehakemus valmisteilla.", "Vastavierailu sovittu ensi vuodelle."]),
            "confidential": kind == VisitKind.DIGNITARY and rng.random() < 0.4,
            "status": VisitStatus.COMPLETED if start < today else rng.choice([VisitStatus.PLANNED, VisitStatus.CONFIRMED]),
            "created_by": users["kv"],
        }  # fmt: skip
        if rng.random() < 0.04:
            defaults["status"] = VisitStatus.CANCELLED
        chosen_themes = rng.sample(themes, k=rng.randint(1, 3))
        visit = Visit.objects.create(title=title, start_date=start, **defaults)
        visit.themes.set(chosen_themes)
        created += 1
    return created


def _requests(users: dict) -> int:
    """A handful of visit requests, each taken through the workflow to a different state."""
    if VisitRequest.objects.filter(created_by=users["kv"]).exists():
        return 0
    kv, today = users["kv"], date.today()
    elka = _unit("Elinkeino- ja kaupunkikehitysyksikkö")
    themes = {t.slug: t for t in Theme.objects.all()}
    specs = [
        ("Suurlähettilään tutustumiskäynti", RequesterType.EMBASSY, "Embassy of Japan", "JP", DignitaryRank.AMBASSADOR, -1, 40, ["education", "innovation-business"], RequestState.RECEIVED),
        ("Ministerin vierailu: kiertotalous", RequesterType.UM_PROTOCOL, "Ministry of Environment of Estonia", "EE", DignitaryRank.MINISTER, -2, 10, ["sustainable-development"], RequestState.UNDER_REVIEW),
        ("Valtiovierailun Espoo-osuus", RequesterType.TPK, "Office of the President of Iceland", "IS", DignitaryRank.HEAD_OF_STATE, -20, 45, ["education", "sustainable-development"], RequestState.PLANNING),
        ("Kaupunginjohtajan delegaatio Shanghaista", RequesterType.CITY_UNIT, "Shanghai Municipal Foreign Affairs Office", "CN", DignitaryRank.OTHER, -40, 9, ["twin-cities", "trade-investment"], RequestState.CONFIRMED),
        ("Kuninkaallisten vierailu Otaniemeen", RequesterType.UM_PROTOCOL, "Royal Court of Sweden", "SE", DignitaryRank.ROYALTY, -150, -100, ["research-development"], RequestState.DEBRIEFED),
        ("Asiantuntijavierailu: varhaiskasvatus", RequesterType.EMBASSY, "Embassy of Canada", "CA", DignitaryRank.AMBASSADOR, -30, 5, ["education"], RequestState.DECLINED),
    ]  # fmt: skip
    for subject, rtype, org, country, rank, received, start, slugs, target in specs:
        visit_request = requests.request_create(
            actor=kv,
            subject=subject,
            requester_type=rtype,
            requester_name=org,
            received_on=today + timedelta(days=received),
            proposed_start=today + timedelta(days=start),
            proposed_end=today + timedelta(days=start + 1),
            visitor=f"{org}: delegaation johtaja",
            dignitary_rank=rank,
            visiting_organisation=org,
            country=country,
            group_size=8,
            confidential=rank in (DignitaryRank.ROYALTY, DignitaryRank.HEAD_OF_STATE),
            themes=[themes[s] for s in slugs],
        )
        if target == RequestState.RECEIVED:
            continue
        requests.request_transition(visit_request, to=RequestState.UNDER_REVIEW, actor=kv)
        requests.request_triage(
            visit_request, actor=kv, timely=True, q_interesting=True, q_significant=True,
            q_national=rank != DignitaryRank.OTHER, q_leadership=False, q_visibility=True,
        )  # fmt: skip
        if target == RequestState.UNDER_REVIEW:
            continue
        if target == RequestState.DECLINED:
            requests.request_transition(
                visit_request, to=target, actor=kv, reason="Ajankohta ei sovi: kevään kiireet."
            )
            continue
        suggestion = requests.routing_suggestion(visit_request)
        requests.request_route(
            visit_request,
            actor=kv,
            host_unit=suggestion.host or elka,
            responsible=kv,
            informed_units=suggestion.informed,
        )
        requests.request_transition(visit_request, to=RequestState.ACCEPTED, actor=kv)
        requests.request_transition(visit_request, to=RequestState.PLANNING, actor=kv)
        planning.guest_save(
            visit_request,
            actor=kv,
            name="Delegaation johtaja",
            title="ministeri",
            role="head",
            dietary="kasvisruoka",
        )
        if target == RequestState.PLANNING:
            continue
        visit_request.checklist.filter(
            phase__in=[ChecklistPhase.PLANNING, ChecklistPhase.INTERNAL]
        ).update(status=ItemStatus.DONE)
        requests.request_transition(visit_request, to=RequestState.CONFIRMED, actor=kv)
        if target == RequestState.CONFIRMED:
            continue
        requests.request_transition(visit_request, to=RequestState.COMPLETED, actor=kv)
        visit_request.checklist.update(status=ItemStatus.DONE)
        requests.request_transition(visit_request, to=RequestState.DEBRIEFED, actor=kv)
    return len(specs)
