"""Partnerships' demo data: the nine twin cities (DOMAIN.md 3.1) with their statuses, the
Shanghai MoU (1999) with its eight themes, a few time-limited department-level agreements,
assessments over several years and about ten international projects. Deterministic and
idempotent; `load_demo` calls `load` (declared in apps.py)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from espoo_intl.models import OrgUnit, Theme
from espoo_intl.questionnaires import Response
from espoo_intl.timeline import timeline_for

from . import services
from .choices import (
    PartnerKind,
    PartnershipKind,
    PartnershipLevel,
    PartnershipStatus,
    ProjectStatus,
)
from .models import Partnership

__all__ = ["load", "TWIN_CITIES", "MOU_THEMES"]

D = datetime.date
KV_TEAM = "Kansainvälisten asioiden tiimi"
NORDIC_NOTE = "Vuodesta 2019 ei vuosittaisia tapaamisia; yhteistyö on projektipohjaista."

# name, country, status, start, note
TWIN_CITIES = [
    ("Køge", "DK", PartnershipStatus.ACTIVE, D(1947, 1, 1), NORDIC_NOTE),
    ("Kongsberg", "NO", PartnershipStatus.ACTIVE, D(1947, 1, 1), NORDIC_NOTE),
    ("Kristianstad", "SE", PartnershipStatus.ACTIVE, D(1947, 1, 1), NORDIC_NOTE),
    ("Skagafjörður", "IS", PartnershipStatus.ACTIVE, D(1988, 1, 1), NORDIC_NOTE),
    ("Esztergom", "HU", PartnershipStatus.DORMANT, D(1994, 1, 1), ""),
    ("Gatchina / Hatsina", "RU", PartnershipStatus.DORMANT, D(1992, 1, 1), ""),
    ("Sochi / Sotši", "RU", PartnershipStatus.DORMANT, D(1989, 1, 1), ""),
    ("Irving", "US", PartnershipStatus.DORMANT, D(1988, 1, 1), ""),
    (
        "Shanghai",
        "CN",
        PartnershipStatus.ACTIVE,
        D(1998, 1, 1),
        "Aktiivisin ystävyyskaupunki; koordinoi konsernihallinto.",
    ),  # fmt: skip
]

# The MoU's themes as the seed names them (catalogue slugs; see migration 0003).
MOU_THEMES = [
    "innovation-development", "trade-investment", "education", "sports", "culture",
    "tourism-congresses", "sustainable-development", "health-wellbeing-elderly-care",
]  # fmt: skip

# name, kind, country, city
OTHER_PARTNERS = [
    ("Tallinna Linnavalitsus", PartnerKind.CITY, "EE", "Tallinna"),
    ("Stockholms stad", PartnerKind.CITY, "SE", "Tukholma"),
    ("Gemeente Eindhoven", PartnerKind.CITY, "NL", "Eindhoven"),
    ("Eurocities", PartnerKind.NETWORK, "BE", "Bryssel"),
    ("Fraunhofer-Gesellschaft", PartnerKind.RESEARCH, "DE", "München"),
    ("VTT", PartnerKind.RESEARCH, "FI", "Espoo"),
    ("Aalto-yliopisto", PartnerKind.RESEARCH, "FI", "Espoo"),
    ("Shanghai Municipal Education Commission", PartnerKind.AUTHORITY, "CN", "Shanghai"),
    ("Siemens AG", PartnerKind.COMPANY, "DE", "München"),
]

# name, partner, unit, start, end (days from today), review (days from today), themes, status
AGREEMENTS = [
    (
        "Tallinna–Espoo opetusyhteistyö",
        "Tallinna Linnavalitsus",
        "Suomenkielinen opetus",
        D(2023, 8, 1),
        60,
        None,
        ["education"],
        PartnershipStatus.ACTIVE,
    ),  # fmt: skip
    (
        "Tukholma–Espoo ikääntyneiden palvelut",
        "Stockholms stad",
        "Vanhusten palvelut",
        D(2022, 1, 1),
        None,
        45,
        ["elderly-care", "health-wellbeing"],
        PartnershipStatus.ACTIVE,
    ),  # fmt: skip
    (
        "Eindhoven–Espoo älykäs kaupunki",
        "Gemeente Eindhoven",
        "Kaupunkisuunnittelukeskus",
        D(2024, 5, 1),
        700,
        300,
        ["urban-development", "open-data"],
        PartnershipStatus.PROPOSED,
    ),  # fmt: skip
    (
        "Shanghai–Espoo koulutusvaihto",
        "Shanghai Municipal Education Commission",
        "Suomenkielinen opetus",
        D(2017, 9, 1),
        -400,
        None,
        ["education"],
        PartnershipStatus.ENDED,
    ),  # fmt: skip
]

# acronym, name, programme, eu, partners, unit, start, end, total, share, funding, themes, status
PROJECTS = [
    (
        "CitiCAP",
        "Citizen-driven carbon allowance pilot",
        "other_eu",
        True,
        ["Eurocities", "Aalto-yliopisto"],
        "Kestävän kehityksen tiimi",
        D(2019, 9, 1),
        D(2022, 8, 31),
        5_000_000,
        1_200_000,
        960_000,
        ["sustainable-development"],
        ProjectStatus.ENDED,
    ),  # fmt: skip
    (
        "SPARCS",
        "Sustainable energy positive and zero carbon communities",
        "horizon_europe",
        True,
        ["Fraunhofer-Gesellschaft", "VTT", "Siemens AG"],
        "Kestävän kehityksen tiimi",
        D(2019, 10, 1),
        D(2024, 9, 30),
        20_000_000,
        3_000_000,
        2_400_000,
        ["sustainable-development", "urban-development"],
        ProjectStatus.ENDED,
    ),  # fmt: skip
    (
        "UIA-EDU",
        "Oppimisen ekosysteemit",
        "other_eu",
        True,
        ["Tallinna Linnavalitsus"],
        "Suomenkielinen opetus",
        D(2021, 1, 1),
        D(2023, 12, 31),
        1_500_000,
        500_000,
        400_000,
        ["education"],
        ProjectStatus.ENDED,
    ),  # fmt: skip
    (
        "ERA-SCHOOL",
        "Erasmus+ school partnership",
        "erasmus",
        True,
        ["Stockholms stad", "Tallinna Linnavalitsus"],
        "Suomenkielinen opetus",
        D(2023, 9, 1),
        D(2025, 8, 31),
        250_000,
        80_000,
        80_000,
        ["education"],
        ProjectStatus.ENDED,
    ),  # fmt: skip
    (
        "URB-HEALTH",
        "Healthy ageing cities network",
        "urbact",
        True,
        ["Stockholms stad", "Eurocities"],
        "Vanhusten palvelut",
        D(2023, 6, 1),
        D(2026, 5, 31),
        800_000,
        120_000,
        84_000,
        ["health-wellbeing", "elderly-care"],
        ProjectStatus.RUNNING,
    ),  # fmt: skip
    (
        "BALTIC-DATA",
        "Interreg Baltic urban data platforms",
        "interreg",
        True,
        ["Tallinna Linnavalitsus", "VTT"],
        "Kaupunkisuunnittelukeskus",
        D(2024, 1, 1),
        D(2026, 12, 31),
        3_000_000,
        400_000,
        320_000,
        ["open-data", "city-as-a-service"],
        ProjectStatus.RUNNING,
    ),  # fmt: skip
    (
        "DIGI-TWIN",
        "Digital Europe local digital twins",
        "digital_europe",
        True,
        ["Gemeente Eindhoven", "Siemens AG"],
        "Kaupunkisuunnittelukeskus",
        D(2025, 2, 1),
        D(2027, 1, 31),
        6_000_000,
        700_000,
        350_000,
        ["urban-development"],
        ProjectStatus.RUNNING,
    ),  # fmt: skip
    (
        "CLIMATE-NEUTRAL",
        "Climate-neutral and smart cities mission",
        "horizon_europe",
        True,
        ["Eurocities", "Aalto-yliopisto"],
        "Kestävän kehityksen tiimi",
        D(2025, 1, 1),
        D(2028, 12, 31),
        12_000_000,
        1_500_000,
        1_200_000,
        ["sustainable-development"],
        ProjectStatus.RUNNING,
    ),  # fmt: skip
    (
        "SH-INNO",
        "Shanghai–Espoo innovation exchange",
        "other_international",
        False,
        ["Shanghai Municipal Education Commission"],
        "Elinkeino- ja kaupunkikehitysyksikkö",
        D(2024, 4, 1),
        D(2026, 3, 31),
        300_000,
        150_000,
        60_000,
        ["innovation-development", "trade-investment"],
        ProjectStatus.RUNNING,
    ),  # fmt: skip
    (
        "NORDIC-YOUTH",
        "Nordic twin-city youth project",
        "other_international",
        False,
        ["Køge", "Kongsberg", "Kristianstad"],
        "Kasvun ja oppimisen toimiala",
        D(2026, 9, 1),
        D(2027, 12, 31),
        90_000,
        30_000,
        20_000,
        ["twin-cities", "culture"],
        ProjectStatus.PLANNED,
    ),  # fmt: skip
]

BENEFITS = [
    "benefit-story", "benefit-values", "benefit-learning", "benefit-forerunner",
    "benefit-shared-will", "benefit-resources", "benefit-opportunities",
]  # fmt: skip
RISKS = [
    "risk-investment", "risk-ratio", "risk-commitment", "risk-credible", "risk-commercial",
    "risk-reputation",
]  # fmt: skip

# partnership name -> (year, benefit yes count, reputational risk?)
ASSESSMENTS = {
    "Espoo–Shanghai MoU": [(2021, 6, False), (2023, 6, True), (2025, 7, False)],
    "Ystävyyskaupunki Kristianstad": [(2019, 5, False), (2022, 3, False), (2025, 4, False)],
    "Tallinna–Espoo opetusyhteistyö": [(2023, 6, False), (2025, 5, False)],
    "Tukholma–Espoo ikääntyneiden palvelut": [(2022, 5, False), (2024, 4, False)],
    "Eindhoven–Espoo älykäs kaupunki": [(2025, 5, False)],
}


def _unit(name_fi: str) -> OrgUnit:
    return OrgUnit.objects.get(name_fi=name_fi)


def _themes(slugs) -> list:
    return list(Theme.objects.filter(slug__in=slugs))


def load(*, users: dict, options: dict) -> str:
    """Create the demo partners, partnerships and projects unless loaded before."""
    kv = users["kv"]
    if Partnership.objects.filter(created_by=kv).exists():
        return "0 new partnerships"
    partners = _partners(kv)
    made = _twin_cities(kv, partners) + _agreements(kv, partners)
    _assessments(kv)
    projects = _projects(kv, partners)
    return f"{len(partners)} partners, {made} partnerships, {projects} projects"


def _partners(kv) -> dict:
    partners = {}
    for name, country, *_rest in TWIN_CITIES:
        partners[name] = services.partner_create(
            actor=kv, name=name, kind=PartnerKind.CITY, country=country
        )
    for name, kind, country, city in OTHER_PARTNERS:
        partners[name] = services.partner_create(
            actor=kv, name=name, kind=kind, country=country, city=city
        )
    return partners


def _create(kv, *, status, created, **data):
    partnership = services.partnership_create(actor=kv, **data)
    partnership.status = status
    partnership.full_clean()
    partnership.save()
    # The record is as old as the relation it describes (the sign-of-life check reads it).
    Partnership.objects.filter(pk=partnership.pk).update(created_at=created)
    return partnership


def _aware(day: datetime.date):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def _twin_cities(kv, partners) -> int:
    koha = _unit(KV_TEAM)
    twin_theme = _themes(["twin-cities"])
    for i, (name, _country, status, start, note) in enumerate(TWIN_CITIES, start=1):
        live = status == PartnershipStatus.ACTIVE
        _create(
            kv,
            status=status,
            created=_aware(D(2015, 1, 1)),
            name=f"Ystävyyskaupunki {name}",
            partners=[partners[name]],
            kind=PartnershipKind.TWIN_CITY,
            level=PartnershipLevel.CITY,
            owning_unit=koha,
            themes=twin_theme,
            start_date=start,
            decision_number=f"KH-DEMO-{start.year}-{i}" if live else "",
            decision_date=start if live else None,
            notes=note,
        )
    _create(
        kv,
        status=PartnershipStatus.ACTIVE,
        created=_aware(D(2015, 1, 1)),
        name="Espoo–Shanghai MoU",
        partners=[partners["Shanghai"]],
        kind=PartnershipKind.MOU,
        level=PartnershipLevel.CITY,
        owning_unit=koha,
        themes=_themes(MOU_THEMES),
        goals="Yhteisymmärryspöytäkirja allekirjoitettiin ensimmäisen kerran 1999.",
        start_date=D(1999, 1, 1),
        review_date=timezone.localdate() + datetime.timedelta(days=75),
        decision_number="KH-DEMO-1999-MOU",
        decision_date=D(1999, 1, 1),
    )
    return len(TWIN_CITIES) + 1


def _agreements(kv, partners) -> int:
    today = timezone.localdate()
    for name, partner, unit, start, end, review, themes, status in AGREEMENTS:
        _create(
            kv,
            status=status,
            created=_aware(start),
            name=name,
            partners=[partners[partner]],
            kind=PartnershipKind.AGREEMENT,
            level=PartnershipLevel.DEPARTMENT,
            owning_unit=_unit(unit),
            themes=_themes(themes),
            goals="Määräaikainen yhteistyösopimus: tavoitteet ja aihealueet sovittu kirjallisesti.",
            start_date=start,
            end_date=today + datetime.timedelta(days=end) if end is not None else None,
            review_date=today + datetime.timedelta(days=review) if review is not None else None,
        )
    return len(AGREEMENTS)


def _assessments(kv) -> None:
    for name, rounds in ASSESSMENTS.items():
        partnership = Partnership.objects.get(name=name)
        for year, positives, reputational in rounds:
            answers = {code: i < positives for i, code in enumerate(BENEFITS)}
            answers |= {code: code != "risk-reputation" for code in RISKS}
            answers["risk-reputation"] = reputational
            response = services.partnership_assess(
                partnership,
                actor=kv,
                answers=answers,
                how={"benefit-story": "Tukee Espoo-tarinan kansainvälistä tunnettuutta."},
            )
            when = _aware(D(year, 5, 15))
            Response.objects.filter(pk=response.pk).update(answered_at=when)
            timeline_for(partnership).filter(at__gte=response.answered_at).update(at=when)


def _projects(kv, partners) -> int:
    for row in PROJECTS:
        acronym, name, programme, eu, names, unit, start, end, total, share, funding, themes, status = row  # fmt: skip
        services.project_create(
            actor=kv,
            name=name,
            acronym=acronym,
            programme=programme,
            eu_funded=eu,
            partners=[partners[n] for n in names],
            lead_unit=_unit(unit),
            themes=_themes(themes),
            start_date=start,
            end_date=end,
            total_budget=Decimal(total),
            espoo_share=Decimal(share),
            international_funding=Decimal(funding),
            status=status,
        )
    return len(PROJECTS)
