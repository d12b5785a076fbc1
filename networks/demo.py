"""Networks' demo data: the city-wide networks of DOMAIN.md 3.5, Helsinki EU Office as a
support organisation, a few department subject networks, and evaluations 2021–2025.
Deterministic and idempotent; `load_demo` calls `load` (declared in apps.py)."""

import datetime
from decimal import Decimal

from espoo_intl.models import OrgUnit
from espoo_intl.questionnaires import questionnaire_answer

from .choices import Membership, NetworkClass, NetworkScope, PassiveDecision
from .models import CLASSIFICATION, Network, NetworkEvaluation

__all__ = ["load", "NETWORKS"]

S, T, P = NetworkClass.STRATEGIC, NetworkClass.THEMATIC, NetworkClass.PASSIVE
CITY, DEPT = NetworkScope.CITY_WIDE, NetworkScope.DEPARTMENT

# name, scope, membership, owning unit (fi), fee, url, joined, roles, goals, classes 2021–2025
NETWORKS = [
    ("Eurocities", CITY, Membership.MEMBER, "Kansainvälisten asioiden tiimi", "16500.00",
     "https://eurocities.eu", 2004,
     "Knowledge Society Forum (puheenjohtajuus 2022–2024)\nSocial Affairs Forum\nEnvironment Forum",
     "Vaikuttaminen EU:n kaupunkipolitiikkaan, vertaisoppiminen ja hankekumppanit.",
     [S, S, S, S, S]),
    ("Union of Baltic Cities (UBC)", CITY, Membership.MEMBER, "Kansainvälisten asioiden tiimi",
     "4200.00", "https://www.ubc.net", 1993,
     "Sustainable Cities Commission\nSafe Cities Commission",
     "Itämeren alueen kaupunkiyhteistyö ja kestävän kehityksen hankkeet.",
     [T, T, T, P, T]),
    ("Shanghai-kumppanuusverkosto", CITY, Membership.MEMBER, "Elinkeino- ja kaupunkikehitysyksikkö",
     None, "", 1999, "MoU-koordinaatio (1999)",
     "Yhteistyö MoU:n teemoissa: koulutus, innovaatiot, cleantech.",
     [T, P, P, P, T]),
    ("Helsinki EU Office", CITY, Membership.SUPPORT, "Kansainvälisten asioiden tiimi",
     "30000.00", "https://www.helsinki.eu", 2015, "Tukee EU-edunvalvontaa Brysselissä",
     "EU-edunvalvonnan tuki ja rahoitustieto.", [S, S, S, S, S]),
    ("Covenant of Mayors", CITY, Membership.MEMBER, "Kestävän kehityksen tiimi", None,
     "https://eu-mayors.ec.europa.eu", 2010, "Ilmastositoumus ja raportointi",
     "Ilmastotavoitteiden seuranta ja vertailu.", [T, T, S, S, S]),
    ("Nordic Network for Early Childhood Education", DEPT, Membership.MEMBER, "Varhaiskasvatus",
     "800.00", "", 2017, "Työryhmäjäsenyys", "Varhaiskasvatuksen laadun kehittäminen.",
     [T, T, T, T, None]),
    ("European Healthy Cities Network (WHO)", DEPT, Membership.MEMBER, "Terveyspalvelut",
     "2500.00", "https://www.who.int/europe", 2012, "Kansallinen verkostokoordinaattori",
     "Terveyden edistäminen kaupunkisuunnittelussa.", [T, T, P, T, T]),
    ("Cities for Children", DEPT, Membership.MEMBER, "Suomenkielinen opetus", "0.00", "", 2016,
     "", "Lasten ja nuorten osallisuus.", [P, P, None, None, None]),
]  # fmt: skip

ANSWERS = {
    S: {"strategic_goals": True, "many_units": True, "growth": True, "aligned": True,
        "one_department": False, "active_actors": True, "resources": True, "clear_owner": True,
        "active_cooperation": True},
    T: {"strategic_goals": False, "many_units": False, "growth": True, "aligned": True,
        "one_department": True, "active_actors": True, "resources": True, "clear_owner": True,
        "active_cooperation": True},
    P: {"strategic_goals": False, "many_units": False, "growth": False, "aligned": True,
        "one_department": True, "active_actors": False, "resources": False, "clear_owner": False,
        "active_cooperation": False},
}  # fmt: skip

DECISIONS = [PassiveDecision.SLEEP, PassiveDecision.REACTIVATE, PassiveDecision.LEAVE]


def load(*, users: dict, options: dict) -> str:
    """Create the demo networks and their evaluations unless loaded before; say how many."""
    if Network.objects.exists():
        return ""
    kv, lead = users.get("kv"), users.get("lead")
    networks = evaluations = 0
    for name, scope, membership, unit, fee, url, joined, roles, goals, classes in NETWORKS:
        network = Network.objects.create(
            name=name, scope=scope, membership=membership,
            owning_unit=OrgUnit.objects.get(name_fi=unit),
            membership_fee=Decimal(fee) if fee is not None else None, url=url,
            joined_year=joined, espoo_roles=roles, goals=goals, created_by=kv,
            left_year=2023 if name == "Cities for Children" else None,
        )  # fmt: skip
        network.contacts.set([u for u in (kv,) if u] if scope == CITY else _contacts(users, unit))
        networks += 1
        for offset, network_class in enumerate(classes):
            if network_class is None:
                continue
            year = 2021 + offset
            evaluation = NetworkEvaluation(
                network=network, year=year, network_class=network_class, created_by=kv,
                goals=f"{goals} ({year})",
                results=f"Vuoden {year} tulokset kirjattu johtoryhmän seurantaan.",
            )  # fmt: skip
            if network_class == P:
                evaluation.decision = DECISIONS[(networks + offset) % len(DECISIONS)]
                evaluation.decided_by = "Johtoryhmä (kaupunginjohtajan johtoryhmä)"
                evaluation.decided_on = datetime.date(year, 11, 15)
            evaluation.full_clean()
            evaluation.save()
            questionnaire_answer(
                evaluation, question_set=CLASSIFICATION, actor=lead or kv,
                answers=ANSWERS[network_class],
            )  # fmt: skip
            evaluations += 1
    return f"{networks} networks, {evaluations} network evaluations"


def _contacts(users: dict, unit_name: str) -> list:
    return [u for u in users.values() if u.unit and u.unit.name_fi == unit_name][:1]
