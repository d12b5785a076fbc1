"""What the annual report is built from (issue 11): one JSON-serialisable dict per year.

`gather_report_data(year)` reads every app through its selectors and returns plain data
(numbers, strings, lists; no model instances, nothing confidential). The same database gives
the same dict, so `input_digest()` identifies a report's inputs. `report_figures()` flattens it
into the figures a published report freezes and later compares with the live data.

Names and labels are kept in all three languages ({"fi": ..., "en": ..., "sv": ...}) so the
document can be rendered in any of them from the same data. A missing figure is None, never 0.

The shape ({fi,en,sv} marks a text in three languages; dates are ISO strings):
    schema, year, first_year
    round: {exists, submissions, approved, complete, waiting: [{fi,en,sv}]}
    summary: {key_figures: [{code, name, unit, unit_note, value, previous, change}],
              biggest_changes: [... + percent], missing: [{code, name, providers}]}
    goals: [{code, name, objectives: [{name, indicators: [{code, name, unit, unit_label,
              unit_note, value, previous, change, series: [{year, value}] 2020..year, sdg: [int],
              breaks: [{year, text}], derived, rule {fi,en,sv}, providers, all_departments, sources,
              active_from, active_to, active}]}]}]
    visits: {total, previous_total, change, confidential, public, group_size,
             by_kind: [{code, label, count, previous}], by_rank / by_country (top 15) /
             by_theme: [{code, label, count}], other_countries, country_count, without_theme,
             by_department: [{label, count}], dignitary: [{date, title, organisation, country,
             country_name, rank}], technical: {count, income, paid: [{..., income}]}}
    partnerships: {twin_cities, agreements, new: [{name, kind, partners, countries,
                   country_names, unit, start, end, status}]}
    projects: {rows: [{name, acronym, programme, eu_funded, unit, start, end, funding}],
               funding, started}
    networks: {rows: [{name, scope, class, class_label, decision, decided_on}], by_class,
               not_evaluated}
    events: {held, confidential, rows: [{name, kind, start, end, participants}]}
    advocacy: {rows: [{kind, title, requester, date, outcome}], started}
    development: [{number, title, status, unit, notes: [{date, text}]}]
    departments: [{provider, highlights: {fi,en,sv}, development: {fi,en,sv}}]
    diversity: {city, residents, units: [{unit, department, share, staff, below}]}
    catalogue: [{code, name, goal, unit, unit_label, unit_note, derived, rule, providers, all_departments,
                 sources, sdg, active_from, active_to}]

Confidential records: they count in the totals (as in the metrics, which count every record),
but no detail of theirs is listed or broken down (country, rank, theme, host); the report
says how many were left out of the breakdowns.
"""

import datetime
import hashlib
import json
from collections import Counter
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import translation
from django_countries import countries

from advocacy.models import AdvocacyItem, DevelopmentItem
from events.choices import EventKind
from events.selectors import held_events
from metrics.diversity import city_share
from metrics.figures import FIRST_YEAR, FigureBook, yearly_figures
from metrics.models import (
    Indicator,
    Provider,
    Source,
    StaffDiversity,
    Submission,
    SubmissionState,
    Unit,
)
from networks.choices import NetworkClass, NetworkScope, PassiveDecision
from networks.models import NetworkEvaluation
from networks.selectors import memberships_in_year
from partnerships.choices import FundingProgramme, PartnershipKind, PartnershipStatus
from partnerships.models import Partnership
from partnerships.selectors import international_funding_in, projects_running_in
from visits.choices import DignitaryRank, VisitKind
from visits.indicators import counted_visits

__all__ = ["gather_report_data", "report_figures", "input_digest", "LANGUAGES", "SCHEMA"]

SCHEMA = 2  # raised when the shape of the data changes
LANGUAGES = ("fi", "en", "sv")
TOP_COUNTRIES = 15
BIGGEST_CHANGES = 6
# The summary page's key figures: these indicators, when the catalogue has them.
KEY_INDICATORS = ("A2.2", "A2.3", "A2.4", "A2.5", "A5.1", "B2.3", "C1.2", "C1.3", "C1.5", "C1.6", "C6.1")  # fmt: skip


# --- plain values ---------------------------------------------------------------------------


def _number(value):
    """A Decimal as an int when whole, else a float rounded to 3 places; other values as they are."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(round(value, 3))
    return value


def _tr(label) -> dict:
    """A translatable label (lazy string or a callable) in each language."""
    out = {}
    for language in LANGUAGES:
        with translation.override(language):
            out[language] = str(label() if callable(label) else label)
    return out


def _names(obj, field: str = "name") -> dict:
    """A catalogue row's name in each language (Finnish when the other is empty)."""
    if obj is None:
        return dict.fromkeys(LANGUAGES, "")
    finnish = getattr(obj, f"{field}_fi")
    return {language: getattr(obj, f"{field}_{language}", "") or finnish for language in LANGUAGES}


def _country(code: str) -> dict:
    return _tr(lambda: countries.name(code) or code)


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _counted(rows, label) -> list[dict]:
    """[{code, label, count}] from (key, count) pairs, biggest first then by code."""
    return sorted(
        ({"code": k, "label": label(k), "count": n} for k, n in rows),
        key=lambda r: (-r["count"], str(r["code"])),
    )


# --- metrics (one function: metrics may get a selector for the report) ----------------------


def _metric_rows(year: int) -> list[dict]:
    """Every indicator with its yearly values 2020..year (oldest first), in catalogue order.

    Reads metrics.figures.yearly_figures, the same function the metrics pages use, so the
    report's figures are the portal's figures."""
    book = FigureBook(every=True)  # every approved value read once; ratios such as C6.3 computed
    indicators = Indicator.objects.select_related("objective__goal").prefetch_related("providers__unit")  # fmt: skip
    rows = []
    for indicator in indicators.order_by("objective__goal__order", "objective__order", "order", "code"):  # fmt: skip
        if not indicator.is_active_in(year) and not _active_before(indicator, year):
            continue
        figures = yearly_figures(indicator, book, years=range(year, FIRST_YEAR - 1, -1))
        by_year = {f["year"]: f for f in figures}
        series = [
            {"year": y, "value": _number(by_year[y]["value"])} for y in range(FIRST_YEAR, year + 1)
        ]
        sources = {v.source.strip() for v in book.values(indicator, year) if v.source.strip()}
        this, previous = by_year.get(year, {}), by_year.get(year - 1, {})
        breaks = [
            {"year": f["year"], "text": text}
            for f in sorted(figures, key=lambda f: f["year"])
            for text in f["breaks"]
        ]
        rows.append({
            "goal": {"code": indicator.objective.goal.code, "name": _names(indicator.objective.goal), "order": indicator.objective.goal.order},  # fmt: skip
            "objective": {"pk": indicator.objective.pk, "name": _names(indicator.objective)},
            "code": indicator.code,
            "name": _names(indicator),
            "unit": indicator.unit,
            "unit_label": _tr(Unit(indicator.unit).label),
            "unit_note": _tr(indicator.unit_note_label),
            "value": _number(this.get("value")),
            "previous": _number(previous.get("value")),
            "change": _number(this.get("change")),
            "series": series,
            "sdg": indicator.sdg_list,
            "breaks": breaks,
            "derived": indicator.derived,
            "rule": {language: indicator.rule_in(language) for language in LANGUAGES},
            "providers": [_provider(p) for p in indicator.providers.all()],
            "all_departments": indicator.all_departments,
            "sources": sorted(sources),
            "active_from": indicator.active_from,
            "active_to": indicator.active_to,
            "active": indicator.is_active_in(year),
        })  # fmt: skip
    return rows


def _active_before(indicator: Indicator, year: int) -> bool:
    """An indicator retired before `year` but active since 2020 still shows its history."""
    return bool(indicator.active_to and FIRST_YEAR <= indicator.active_to < year)


def _provider(provider: Provider) -> dict:
    if provider.unit_id:
        return _names(provider)
    return _tr(Source(provider.source).label) if provider.source else _names(provider)


def _goals(rows: list[dict]) -> list[dict]:
    goals: dict[str, dict] = {}
    for row in rows:
        goal = goals.setdefault(row["goal"]["code"], {**row["goal"], "objectives": {}})
        objective = goal["objectives"].setdefault(row["objective"]["pk"], {"name": row["objective"]["name"], "indicators": []})  # fmt: skip
        objective["indicators"].append({k: v for k, v in row.items() if k not in ("goal", "objective")})  # fmt: skip
    return [
        {"code": g["code"], "name": g["name"], "objectives": list(g["objectives"].values())}
        for g in sorted(goals.values(), key=lambda g: (g["order"], g["code"]))
    ]


def _relative(row: dict) -> float | None:
    if row["change"] is None or not row["previous"]:
        return None
    return round(row["change"] / abs(row["previous"]) * 100, 1)


def _summary(rows: list[dict], year: int) -> dict:
    numeric = [r for r in rows if r["active"] and r["unit"] != Unit.TEXT]
    by_code = {r["code"]: r for r in numeric}
    key = [
        {
            k: by_code[c][k]
            for k in ("code", "name", "unit", "unit_note", "value", "previous", "change")
        }  # fmt: skip
        for c in KEY_INDICATORS
        if c in by_code
    ]
    changed = [r for r in numeric if _relative(r) is not None and r["change"] != 0]
    changed.sort(key=lambda r: (-abs(_relative(r)), r["code"]))
    biggest = [
        {"code": r["code"], "name": r["name"], "unit": r["unit"], "unit_note": r["unit_note"],
         "value": r["value"], "previous": r["previous"], "change": r["change"], "percent": _relative(r)}
        for r in changed[:BIGGEST_CHANGES]
    ]  # fmt: skip
    missing = [
        {"code": r["code"], "name": r["name"], "providers": r["providers"]}
        for r in rows
        if r["active"] and r["value"] is None
    ]
    return {"key_figures": key, "biggest_changes": biggest, "missing": missing}


# --- the reporting round -------------------------------------------------------------------


def _round(year: int) -> dict:
    submissions = list(
        Submission.objects.filter(period__year=year).select_related("provider__unit")
    )
    approved = [s for s in submissions if s.state == SubmissionState.APPROVED]
    waiting = sorted(
        (s for s in submissions if s.state != SubmissionState.APPROVED),
        key=lambda s: (s.provider.order, s.provider.name_fi),
    )
    return {
        "exists": bool(submissions),
        "submissions": len(submissions),
        "approved": len(approved),
        "complete": bool(submissions) and len(approved) == len(submissions),
        "waiting": [_provider(s.provider) for s in waiting],
    }


def _departments(year: int) -> list[dict]:
    """Highlights and development points of each provider's approved submission, as written."""
    rows = []
    submissions = Submission.objects.filter(
        period__year=year, state=SubmissionState.APPROVED
    ).select_related("provider__unit")
    for s in sorted(submissions, key=lambda s: (s.provider.order, s.provider.name_fi, s.pk)):
        highlights = {language: getattr(s, f"highlights_{language}").strip() for language in LANGUAGES}  # fmt: skip
        development = {language: getattr(s, f"development_{language}").strip() for language in LANGUAGES}  # fmt: skip
        if any(highlights.values()) or any(development.values()):
            rows.append({"provider": _provider(s.provider), "highlights": highlights, "development": development})  # fmt: skip
    return rows


# --- visits ---------------------------------------------------------------------------------


def _visits(year: int) -> dict:
    counted = counted_visits(year)
    public = counted.filter(confidential=False)
    by_kind = dict(counted.values_list("kind").annotate(n=Count("pk")).order_by())
    previous = dict(counted_visits(year - 1).values_list("kind").annotate(n=Count("pk")).order_by())  # fmt: skip
    kinds = [
        {
            "code": kind.value,
            "label": _tr(kind.label),
            "count": by_kind.get(kind.value, 0),
            "previous": previous.get(kind.value, 0),
        }  # fmt: skip
        for kind in VisitKind
    ]
    ranks = public.filter(kind=VisitKind.DIGNITARY).values_list("dignitary_rank").annotate(n=Count("pk")).order_by()  # fmt: skip
    countries_all = _counted(public.values_list("country").annotate(n=Count("pk")).order_by(), _country)  # fmt: skip
    themes = list(public.filter(themes__isnull=False).values_list("themes__slug", "themes__name_fi", "themes__name_en", "themes__name_sv").annotate(n=Count("pk", distinct=True)).order_by())  # fmt: skip
    departments = public.values_list("host_unit__department__name_fi", "host_unit__department__name_en", "host_unit__department__name_sv").annotate(n=Count("pk")).order_by()  # fmt: skip
    dignitary = public.filter(kind=VisitKind.DIGNITARY).order_by("start_date", "pk")
    technical = counted.filter(kind=VisitKind.TECHNICAL)
    paid = public.filter(kind=VisitKind.TECHNICAL, paid=True).order_by("start_date", "pk")
    rank_labels = {r.value: r.label for r in DignitaryRank}
    total, previous_total = counted.count(), counted_visits(year - 1).count()
    return {
        "total": total,
        "previous_total": previous_total,
        "change": total - previous_total,
        "confidential": counted.count() - public.count(),
        "public": public.count(),
        "group_size": _number(counted.aggregate(n=Sum("group_size"))["n"] or 0),
        "by_kind": kinds,
        "by_rank": _counted(ranks, lambda k: _tr(rank_labels.get(k, k))),
        "by_country": countries_all[:TOP_COUNTRIES],
        "other_countries": sum(r["count"] for r in countries_all[TOP_COUNTRIES:]),
        "country_count": len(countries_all),
        "by_theme": _counted(
            ((slug, n) for slug, _fi, _en, _sv, n in themes),
            {
                slug: {"fi": fi, "en": en or fi, "sv": sv or fi} for slug, fi, en, sv, _n in themes
            }.get,
        ),
        "without_theme": public.filter(themes__isnull=True).count(),
        "by_department": sorted(
            (
                {
                    "label": {"fi": fi or "–", "en": en or fi or "–", "sv": sv or fi or "–"},
                    "count": n,
                }
                for fi, en, sv, n in departments
            ),  # fmt: skip
            key=lambda r: (-r["count"], r["label"]["fi"]),
        ),
        "dignitary": [
            {
                "date": _date(v.start_date),
                "title": v.title,
                "organisation": v.visiting_organisation,
                "country": v.country.code,
                "country_name": _country(v.country.code),
                "rank": _tr(rank_labels.get(v.dignitary_rank, v.dignitary_rank)),
            }
            for v in dignitary
        ],  # fmt: skip
        "technical": {
            "count": technical.count(),
            "income": _number(
                technical.aggregate(total=Sum("invoiced_amount"))["total"] or Decimal(0)
            ),  # fmt: skip
            "paid": [
                {
                    "date": _date(v.start_date),
                    "title": v.title,
                    "organisation": v.visiting_organisation,
                    "country": v.country.code,
                    "country_name": _country(v.country.code),
                    "income": _number(v.invoiced_amount),
                }
                for v in paid
            ],  # fmt: skip
        },
    }


# --- partnerships, projects, networks, events, advocacy, development -----------------------


def _in_force(qs, year: int):
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    qs = qs.exclude(status=PartnershipStatus.PROPOSED)
    qs = qs.filter(Q(start_date__isnull=True) | Q(start_date__lte=last))
    return qs.filter(Q(end_date__isnull=True) | Q(end_date__gte=first)).exclude(
        status=PartnershipStatus.ENDED, end_date__isnull=True
    )


def _partnership(p: Partnership) -> dict:
    partners = sorted(p.partners.all(), key=lambda x: (x.name, x.pk))
    return {
        "name": p.name,
        "kind": _tr(PartnershipKind(p.kind).label),
        "partners": [x.name for x in partners],
        "countries": sorted({x.country.code for x in partners}),
        "country_names": [_country(c) for c in sorted({x.country.code for x in partners})],
        "unit": _names(p.owning_unit),
        "start": _date(p.start_date),
        "end": _date(p.end_date),
        "status": _tr(PartnershipStatus(p.status).label),
    }


def _partnerships(year: int) -> dict:
    qs = _in_force(Partnership.objects.all(), year).select_related("owning_unit").prefetch_related("partners")  # fmt: skip
    rows = sorted(qs, key=lambda p: (p.name, p.pk))
    twin = [p for p in rows if p.kind == PartnershipKind.TWIN_CITY]
    others = [p for p in rows if p.kind != PartnershipKind.TWIN_CITY]
    new = [p for p in rows if p.start_date and p.start_date.year == year]
    return {
        "twin_cities": [_partnership(p) for p in twin],
        "agreements": [_partnership(p) for p in others],
        "new": [_partnership(p) for p in new],
    }


def _projects(year: int) -> dict:
    qs = projects_running_in(year).select_related("lead_unit").order_by("start_date", "name", "pk")
    programmes = {p.value: p.label for p in FundingProgramme}
    rows = [
        {"name": p.name, "acronym": p.acronym, "programme": _tr(programmes.get(p.programme, p.programme)),
         "eu_funded": p.eu_funded, "unit": _names(p.lead_unit), "start": _date(p.start_date),
         "end": _date(p.end_date), "funding": _number(p.international_funding)}
        for p in qs
    ]  # fmt: skip
    return {
        "rows": rows,
        "funding": _number(international_funding_in(year)),
        "started": sum(1 for r in rows if r["start"] and r["start"].startswith(str(year))),
    }


def _networks(year: int) -> dict:
    evaluations = {
        e.network_id: e
        for e in NetworkEvaluation.objects.filter(year=year).select_related("network")  # fmt: skip
    }
    classes = {c.value: c.label for c in NetworkClass}
    decisions = {d.value: d.label for d in PassiveDecision}
    rows = []
    for network in memberships_in_year(year).order_by("name", "pk"):
        evaluation = evaluations.get(network.pk)
        rows.append({
            "name": network.name,
            "scope": "city_wide" if network.scope == NetworkScope.CITY_WIDE else "department",
            "class": evaluation.network_class if evaluation else None,
            "class_label": _tr(classes[evaluation.network_class]) if evaluation else None,
            "decision": _tr(decisions[evaluation.decision]) if evaluation and evaluation.decision else None,  # fmt: skip
            "decided_on": _date(evaluation.decided_on) if evaluation else None,
        })  # fmt: skip
    counts = Counter(r["class"] for r in rows if r["class"])
    return {"rows": rows, "by_class": {c.value: counts.get(c.value, 0) for c in NetworkClass}, "not_evaluated": sum(1 for r in rows if not r["class"])}  # fmt: skip


def _events(year: int) -> dict:
    held = held_events(year)
    public = held.filter(confidential=False).order_by("start_date", "name", "pk")
    kinds = {k.value: k.label for k in EventKind}
    return {
        "held": held.count(),
        "confidential": held.filter(confidential=True).count(),
        "rows": [
            {
                "name": e.name,
                "kind": _tr(kinds.get(e.kind, e.kind)),
                "start": _date(e.start_date),
                "end": _date(e.end_date),
                "participants": e.actual_participants,
            }
            for e in public
        ],  # fmt: skip
    }


def _advocacy(year: int) -> dict:
    """Items concluded in the year (sent, given, filed or declined), oldest first."""
    items = AdvocacyItem.objects.filter(outcome_date__year=year).order_by("outcome_date", "pk")
    rows = [
        {"kind": _tr(item.get_kind_display), "title": item.title, "requester": item.requester_detail or "",
         "date": _date(item.outcome_date), "outcome": _tr(lambda item=item: item.outcome)}
        for item in items
    ]  # fmt: skip
    return {"rows": rows, "started": AdvocacyItem.objects.filter(created_at__year=year).count()}


def _development(year: int) -> list[dict]:
    rows = []
    for item in DevelopmentItem.objects.select_related("owner_unit").prefetch_related("notes").order_by("number"):  # fmt: skip
        notes = sorted((n for n in item.notes.all() if n.noted_on.year == year), key=lambda n: (n.noted_on, n.pk))  # fmt: skip
        rows.append({
            "number": item.number, "title": _names(item, "title"), "status": _tr(item.get_status_display),
            "unit": _names(item.owner_unit), "notes": [{"date": _date(n.noted_on), "text": n.text} for n in notes],
        })  # fmt: skip
    return rows


def _diversity(year: int, rows: list[dict]) -> dict:
    by_code = {r["code"]: r for r in rows}
    figures = list(StaffDiversity.objects.filter(year=year).select_related("unit__parent"))
    staff = by_code.get("C6.1", {}).get("value")
    city = staff if staff is not None else _number(city_share(figures))
    units = sorted(
        (
            {"unit": _names(f.unit), "department": _names(f.unit.parent), "share": _number(f.share),
             "staff": f.staff, "below": city is not None and _number(f.share) < city}
            for f in figures
        ),
        key=lambda r: (r["share"], r["unit"]["fi"]),
    )  # fmt: skip
    return {"city": city, "residents": by_code.get("C6.2", {}).get("value"), "units": units}


# --- the whole ------------------------------------------------------------------------------


def gather_report_data(year: int) -> dict:
    """Everything the report for `year` shows, in the report's chapter order."""
    rows = _metric_rows(year)
    return {
        "schema": SCHEMA,
        "year": year,
        "first_year": FIRST_YEAR,
        "round": _round(year),
        "summary": _summary(rows, year),
        "goals": _goals(rows),
        "visits": _visits(year),
        "partnerships": _partnerships(year),
        "projects": _projects(year),
        "networks": _networks(year),
        "events": _events(year),
        "advocacy": _advocacy(year),
        "development": _development(year),
        "departments": _departments(year),
        "diversity": _diversity(year, rows),
        "catalogue": [
            {
                k: r[k]
                for k in (
                    "code",
                    "name",
                    "unit",
                    "unit_label",
                    "unit_note",
                    "derived",
                    "rule",
                    "providers",
                    "all_departments",
                    "sources",
                    "sdg",
                    "active_from",
                    "active_to",
                )
            }  # fmt: skip
            | {"goal": r["goal"]["name"]}
            for r in rows
        ],
    }


def report_figures(data: dict) -> dict[str, dict]:
    """The report's figures, flat: {stable key: {"label": str, "value": number | str | None}}.
    Keys stay the same from one compilation to the next, so two versions can be compared.
    Labels are in Finnish (the report's language of record)."""
    figures = {}

    def put(key, label, value):
        figures[key] = {"label": label, "value": value}

    for goal in data.get("goals", []):
        for objective in goal["objectives"]:
            for ind in objective["indicators"]:
                put(f"indicator.{ind['code']}", f"{ind['code']} {ind['name']['fi']}", ind["value"])
    visits = data.get("visits", {})
    if visits:
        put("visits.total", "Vierailut yhteensä", visits["total"])
        for row in visits["by_kind"]:
            put(f"visits.kind.{row['code']}", f"Vierailut: {row['label']['fi']}", row["count"])
        put("visits.technical.count", "Asiantuntijavierailut", visits["technical"]["count"])
        put("visits.technical.income", "Laskutetut tulot (EUR)", visits["technical"]["income"])
    if "projects" in data:
        put("projects.count", "Käynnissä olevat projektit", len(data["projects"]["rows"]))
        put("projects.funding", "Kansainvälinen rahoitus (EUR)", data["projects"]["funding"])
    if "partnerships" in data:
        put("partnerships.twin_cities", "Ystävyyskaupungit", len(data["partnerships"]["twin_cities"]))  # fmt: skip
        put("partnerships.agreements", "Sopimukset", len(data["partnerships"]["agreements"]))
        put("partnerships.new", "Uudet sopimukset", len(data["partnerships"]["new"]))
    if "networks" in data:
        put("networks.count", "Verkostojäsenyydet", len(data["networks"]["rows"]))
        for code, n in sorted(data["networks"]["by_class"].items()):
            put(f"networks.class.{code}", f"Verkostot: {code}", n)
    if "events" in data:
        put("events.held", "Kansainväliset tapahtumat", data["events"]["held"])
    if "diversity" in data:
        put("diversity.city", "Muun kielisten osuus henkilöstöstä (%)", data["diversity"]["city"])
        put("diversity.residents", "Muun kielisten osuus asukkaista (%)", data["diversity"]["residents"])  # fmt: skip
        for row in data["diversity"]["units"]:
            put(f"diversity.unit.{row['unit']['fi']}", f"Osuus: {row['unit']['fi']} (%)", row["share"])  # fmt: skip
    return figures


def input_digest(data: dict) -> str:
    """A SHA-256 of the gathered data in canonical JSON: equal inputs, equal digest."""
    canonical = json.dumps(
        data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    )
    return hashlib.sha256(canonical.encode()).hexdigest()
