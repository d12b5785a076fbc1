"""Demo data: values for 2020–2025 for every indicator (plausible, some missing, approved),
highlights and development points for each department and year, and the current year's
period open with some departments submitted and one returned. No e-mail is sent."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from espoo_intl.models import OrgUnit
from espoo_intl.timeline import timeline_log

from .models import ReportingPeriod, StaffDiversity, Submission, SubmissionState, Unit
from .services import submissions_create

__all__ = ["load"]

FIRST, LAST = 2020, 2025
# A plausible 2020 level for each unit, and how much it moves from year to year.
_BASE = {
    Unit.COUNT: (40, 0.15), Unit.PERSONS: (900, 0.1), Unit.EUR: (2_500_000, 0.25),
    Unit.PERCENT: (8, 0.06), Unit.RATIO: (0.4, 0.05), Unit.RANK: (12, 0.15), Unit.SCALE: (3.6, 0.04),
}  # fmt: skip
_TEXTS = {
    Unit.TEXT: "Raportti valmisteilla; julkaisu syksyllä.",
}
HIGHLIGHTS = [
    "- Kansainvälinen verkostoyhteistyö vahvistui\n- **Uusi EU-hanke** käynnistyi",
    "- Vierailuja isännöitiin *oman perustoiminnan kärsimättä*\n- Yhteisprojektit Tukholman kanssa",
    "- Englanninkielinen palvelu laajeni\n- Asiantuntijavaihto Tallinnaan",
]
DEVELOPMENT = [
    "- Hankehakujen tuki toimialalle\n- Kv-toiminnan tilastointi yhtenäiseksi",
    "- Vieraskielisen henkilöstön rekrytointi\n- Tulosten viestintä",
]


def _number(unit: str, year: int, rng: random.Random, seed: float) -> Decimal:
    base, swing = _BASE[unit]
    level = base * seed * (1 + rng.uniform(-swing, swing)) * (1 + 0.04 * (year - FIRST))
    if unit == Unit.PERCENT:
        return Decimal(str(round(min(level, 99), 1)))
    if unit == Unit.SCALE:
        return Decimal(str(round(min(max(level, 1), 5), 1)))
    if unit == Unit.RATIO:
        return Decimal(str(round(level, 2)))
    return Decimal(max(1, round(level)))


def _fill(submission, rng, seeds, *, missing=0.08, filled=1.0) -> None:
    for value in submission.values.select_related("indicator"):
        if rng.random() < missing or rng.random() > filled:
            value.comment = "Luku ei ole vielä saatavilla." if rng.random() < 0.5 else ""
        elif value.indicator.unit == Unit.TEXT:
            value.text = _TEXTS[Unit.TEXT]
        else:
            seed = seeds.setdefault(
                (submission.provider_id, value.indicator_id), rng.uniform(0.5, 1.5)
            )
            value.number = _number(value.indicator.unit, submission.period.year, rng, seed)
            value.source = "Oma seuranta"
        value.save()
    submission.highlights_fi = rng.choice(HIGHLIGHTS)
    submission.development_fi = rng.choice(DEVELOPMENT)


def _set_state(submission, state: str, actor, reason: str = "") -> None:
    timeline_log(submission, actor=actor, frm=submission.state, to=state, reason=reason)
    submission.state = state
    submission.save()


def load(*, users: dict, options: dict) -> str:
    """Create the demo periods unless loaded before; say what was made."""
    if ReportingPeriod.objects.exists():
        return "0 reporting periods (loaded before)"
    kv, rng, seeds = users["kv"], random.Random(2020), {}
    today = timezone.localdate()
    for year in range(FIRST, LAST + 1):
        period = ReportingPeriod.objects.create(
            year=year, deadline=datetime.date(year + 1, 2, 28), is_open=False
        )
        for submission in submissions_create(period, actor=kv):
            _fill(submission, rng, seeds)
            _set_state(submission, SubmissionState.SUBMITTED, kv)
            _set_state(submission, SubmissionState.APPROVED, kv)
    current = ReportingPeriod.objects.create(
        year=today.year, deadline=today + datetime.timedelta(days=21)
    )
    submissions = submissions_create(current, actor=kv)
    for n, submission in enumerate(submissions):
        if n % 3 == 2:
            continue  # not started
        _fill(submission, rng, seeds, filled=1.0 if n % 3 == 0 else 0.5)
        submission.save()
        if n % 3 == 0:
            _set_state(submission, SubmissionState.SUBMITTED, kv)
    returned = Submission.objects.filter(period=current, state=SubmissionState.SUBMITTED).first()
    if returned:
        _set_state(
            returned, SubmissionState.RETURNED, kv, "Tarkistakaa lähteet ja puuttuvat luvut."
        )
    _diversity(rng)
    return f"{LAST - FIRST + 2} reporting periods, {Submission.objects.count()} submissions"


def _diversity(rng: random.Random) -> None:
    """HR's shares by result unit: 1.0–18.8 % at the end of 2019 (DOMAIN.md 2.3), rising."""
    for unit in OrgUnit.objects.filter(kind=OrgUnit.Kind.UNIT, is_active=True):
        share, staff = rng.uniform(1.0, 18.8), rng.randrange(80, 2500)
        for year in range(FIRST, LAST + 1):
            share = min(share * rng.uniform(1.0, 1.12), 40)
            StaffDiversity.objects.create(
                year=year, unit=unit, share=Decimal(str(round(share, 1))), staff=staff
            )
