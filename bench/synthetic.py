"""A synthetic city for the benchmarks: ten years of every register, built with bulk_create.

`manage.py generate_synthetic --scale N` (bench/management/commands) and bench/run.py call
`generate`. At scale 1: about 20,000 visits, 2,000 dignitary and other visit requests with
guests, gifts and checklists, 1,000 partnerships and 1,000 projects with their partners,
300 networks with an evaluation for every year from 2021, 2,000 events with their checklist,
and every indicator's value for every provider and year. Deterministic for a given seed and
day (dates are placed relative to today, as a live register's would be).

It starts from `load_demo` (the accounts, catalogues and each app's demo records, which go
through the services and so carry histories and timelines); the bulk rows have none: bulk
inserts skip `save()` and the history signals. That is fine for list and detail pages,
which read the current rows.
"""

import random
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from io import StringIO

from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import override_settings

__all__ = ["generate", "visits_and_requests", "SCALE_1"]

# Rows at scale 1 (ten years of a big city).
SCALE_1 = {
    "visits": 20_000,
    "requests": 2_000,
    "partnerships": 1_000,
    "projects": 1_000,
    "partners": 600,
    "networks": 300,
    "events": 2_000,
}
YEARS = 10
BATCH = 1000


def generate(scale: float = 1.0, *, seed: int = 2026, log: Callable[[str], None] = print) -> dict:
    """Build the data set into the current (empty, migrated) database; returns row counts."""
    from espoo_intl.models import User

    rng = random.Random(seed)
    counts = {name: max(1, round(n * scale)) for name, n in SCALE_1.items()}
    started = time.monotonic()

    def step(label, fn, *args):
        t0 = time.monotonic()
        fn(*args)
        log(f"  {label}: {time.monotonic() - t0:.1f} s")

    # Cheap hashing for the demo accounts' passwords while loading (the benchmark signs in
    # with the demo password; argon2 would only slow the load, the hash is reset below).
    with override_settings(
        DEBUG=True, PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    ):
        t0 = time.monotonic()
        call_command("load_demo", visits=0, stdout=StringIO())
        log(f"  load_demo: {time.monotonic() - t0:.1f} s")
    users = {u.username: u for u in User.objects.select_related("unit")}
    for user in users.values():  # the real hasher, as production signs in
        user.set_password("espoo-demo")
        user.save(update_fields=["password"])

    first_day = date(date.today().year - YEARS + 1, 1, 1)
    with transaction.atomic():
        step(
            "visits and requests",
            visits_and_requests,
            counts["visits"],
            counts["requests"],
            rng,
            users,
            first_day,
        )
        step("partnerships and projects", _partnerships, counts, rng, users, first_day)
        step("networks", _networks, counts["networks"], rng, users)
        step("events", _events, counts["events"], rng, users, first_day)
        step("metrics", _metrics, rng, users, first_day.year)
    if connection.vendor == "postgresql":
        # Fresh bulk loads have no planner statistics yet; autovacuum would gather them in
        # a live database, so gather them now rather than measure bad plans.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    sizes = sizes_now()
    log(f"  total: {time.monotonic() - started:.1f} s")
    return sizes


def sizes_now() -> dict:
    from events.models import Event, EventChecklistItem
    from metrics.models import Value
    from networks.models import Network, NetworkEvaluation
    from partnerships.models import Partner, Partnership, Project
    from visits.models import ChecklistItem, Gift, Guest, Visit, VisitRequest

    models = {
        "visits": Visit,
        "requests": VisitRequest,
        "guests": Guest,
        "gifts": Gift,
        "checklist_items": ChecklistItem,
        "partners": Partner,
        "partnerships": Partnership,
        "projects": Project,
        "networks": Network,
        "network_evaluations": NetworkEvaluation,
        "events": Event,
        "event_checklist_items": EventChecklistItem,
        "metric_values": Value,
    }
    sizes = {name: model.objects.count() for name, model in models.items()}
    sizes["confidential_visits"] = Visit.objects.filter(confidential=True).count()
    sizes["confidential_requests"] = VisitRequest.objects.filter(confidential=True).count()
    return sizes


def _units():
    from espoo_intl.models import OrgUnit

    return list(OrgUnit.objects.filter(is_active=True).order_by("pk"))


def _m2m(through, field, rows, themes_or_targets, rng, lo, hi, target_field):
    """Bulk-insert 'lo..hi' random targets for each row into a many-to-many table."""
    links = [
        through(**{f"{field}_id": row.pk, f"{target_field}_id": target.pk})
        for row in rows
        for target in rng.sample(
            themes_or_targets, k=min(len(themes_or_targets), rng.randint(lo, hi))
        )
    ]
    through.objects.bulk_create(links, batch_size=BATCH)


def _new_rows(model, objs):
    """bulk_create `objs` and return them with their primary keys (on every backend)."""
    before = model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    model.objects.bulk_create(objs, batch_size=BATCH)
    return list(model.objects.filter(pk__gt=before).order_by("pk"))


# --------------------------------------------------------------------------- visits


def visits_and_requests(n_visits, n_requests, rng, users, first_day) -> None:
    """Visits (ten years to four months ahead) with themes; requests whose state follows
    their date, with themes, checklists, guests (erased 90 days after a past visit) and gifts."""
    from espoo_intl.models import OrgUnit, Theme
    from visits import demo as load_demo
    from visits.choices import (
        ChecklistPhase,
        DignitaryRank,
        Direction,
        GiftDirection,
        GuestRole,
        Interpretation,
        ItemStatus,
        RequesterType,
        RequestState,
        VisitKind,
        VisitStatus,
    )
    from visits.models import ChecklistItem, ChecklistTemplate, Gift, Guest, Visit, VisitRequest

    units = {u.name_fi: u for u in OrgUnit.objects.all()}
    themes = list(Theme.objects.filter(is_active=True).order_by("pk"))
    responsible_by_dept = {}
    for user in sorted(users.values(), key=lambda u: u.pk):
        responsible_by_dept.setdefault(user.department_pk, []).append(user)
    kinds, weights = zip(*load_demo.KIND_WEIGHTS.items(), strict=True)
    countries = list(load_demo.ORGANISATIONS)
    today = date.today()
    span = (today + timedelta(days=120) - first_day).days

    def host_for(kind):
        name = rng.choice(load_demo.HOSTS[kind])
        return units.get(name) or units["Kansainvälisten asioiden tiimi"]

    def person_for(unit):
        return rng.choice(responsible_by_dept.get(unit.department_id, [users["kv"]]))

    visits = []
    for _i in range(n_visits):
        kind = rng.choices(kinds, weights)[0]
        country = rng.choice(countries)
        start = first_day + timedelta(days=rng.randrange(span))
        host = host_for(kind)
        direction = (
            Direction.OUTGOING
            if kind == VisitKind.TECHNICAL and rng.random() < 0.15
            else Direction.INCOMING
        )
        paid = (
            kind == VisitKind.TECHNICAL and direction == Direction.INCOMING and rng.random() < 0.35
        )
        status = (
            VisitStatus.COMPLETED
            if start < today
            else rng.choice([VisitStatus.PLANNED, VisitStatus.CONFIRMED])
        )
        if rng.random() < 0.04:
            status = VisitStatus.CANCELLED
        visits.append(
            Visit(
                title=rng.choice(load_demo.TITLES[kind]),
                kind=kind,
                dignitary_rank=rng.choice(list(DignitaryRank))
                if kind == VisitKind.DIGNITARY
                else "",
                direction=direction,
                visiting_organisation=rng.choice(load_demo.ORGANISATIONS[country]),
                country=country,
                host_unit=host,
                responsible=person_for(host),
                start_date=start,
                end_date=start + timedelta(days=rng.choice([0, 0, 0, 1, 2])),
                group_size=rng.randint(2, 40),
                language=rng.choice(["englanti", "ruotsi", "englanti", "kiina (tulkattu)"]),
                interpretation=Interpretation.CONSECUTIVE
                if kind == VisitKind.DIGNITARY
                else rng.choice([Interpretation.NONE] * 5 + [Interpretation.CONSECUTIVE]),
                paid=paid,
                invoiced_amount=Decimal(rng.choice([450, 800, 1200, 1500])) if paid else None,
                media_hits=rng.choice([0, 0, 1, 2, 5]) if kind == VisitKind.MEDIA else 0,
                follow_up=rng.choice(["", "", "Yhteinen EU-hankehakemus valmisteilla."]),
                # Dignitary visits are often confidential; a few others too.
                confidential=rng.random() < (0.4 if kind == VisitKind.DIGNITARY else 0.05),
                status=status,
                created_by=users["kv"],
            )
        )
    visits = _new_rows(Visit, visits)
    _m2m(Visit.themes.through, "visit", visits, themes, rng, 1, 3, "theme")

    templates = list(ChecklistTemplate.objects.filter(is_active=True).order_by("pk"))
    open_future = [
        RequestState.RECEIVED,
        RequestState.UNDER_REVIEW,
        RequestState.ACCEPTED,
        RequestState.PLANNING,
        RequestState.CONFIRMED,
    ]
    with_checklist = {
        RequestState.ACCEPTED,
        RequestState.PLANNING,
        RequestState.CONFIRMED,
        RequestState.COMPLETED,
        RequestState.DEBRIEFED,
    }
    requests, flags = [], []
    for _i in range(n_requests):
        # Requests are mostly for the dignitary and delegation visits kv-tiimi coordinates.
        kind = rng.choices(kinds, weights)[0] if rng.random() < 0.5 else VisitKind.DIGNITARY
        country = rng.choice(countries)
        received = first_day + timedelta(days=rng.randrange(span - 60))
        start = received + timedelta(days=rng.randrange(5, 120))
        if start >= today:
            state = rng.choice(open_future)
        else:
            # Mostly closed; a few left behind in review (the dashboard's backlog).
            state = rng.choices(
                [
                    RequestState.DEBRIEFED,
                    RequestState.COMPLETED,
                    RequestState.DECLINED,
                    RequestState.CANCELLED,
                    RequestState.RECEIVED,
                    RequestState.UNDER_REVIEW,
                ],
                [60, 12, 12, 6, 5, 5],
            )[0]
        routed = state not in (
            RequestState.RECEIVED,
            RequestState.UNDER_REVIEW,
            RequestState.DECLINED,
        )
        host = host_for(kind) if routed else None
        org = rng.choice(load_demo.ORGANISATIONS[country])
        erased = state == RequestState.DEBRIEFED and start < today - timedelta(days=90)
        requests.append(
            VisitRequest(
                subject=rng.choice(load_demo.TITLES[kind]),
                requester_type=rng.choice(list(RequesterType)),
                requester_name=org,
                received_on=received,
                proposed_start=start,
                proposed_end=start + timedelta(days=rng.choice([0, 0, 1, 2])),
                kind=kind,
                visitor=f"{org} – delegation head",
                dignitary_rank=rng.choice(list(DignitaryRank))
                if kind == VisitKind.DIGNITARY
                else "",
                visiting_organisation=org,
                country=country,
                group_size=rng.randint(1, 30),
                message=rng.choice(["", "Pyydämme tapaamista kaupunginjohtajan kanssa."]),
                confidential=rng.random() < (0.4 if kind == VisitKind.DIGNITARY else 0.05),
                state=state,
                host_unit=host,
                responsible=person_for(host) if host else None,
                created_by=rng.choice([users["kv"], users["kv"], users["staff"]]),
                guest_data_erased_at=None,
            )
        )
        flags.append(erased)
    created = _new_rows(VisitRequest, requests)
    _m2m(VisitRequest.themes.through, "visitrequest", created, themes, rng, 1, 3, "theme")
    # Debriefed requests point to a visit record (the calendar shows those once).
    free_visits = [v.pk for v in visits if v.start_date < today]
    rng.shuffle(free_visits)
    linked = []
    for r in created:
        if r.state == RequestState.DEBRIEFED and free_visits:
            r.visit_id = free_visits.pop()
            linked.append(r)
    VisitRequest.objects.bulk_update(linked, ["visit"], batch_size=BATCH)

    items, guests, gifts = [], [], []
    first_names = ["Anna", "Li", "Jean", "Maria", "Ken", "Sofia", "Ahmed", "Eva", "Jonas", "Mei"]
    last_names = ["Svensson", "Wang", "Dubois", "Tamm", "Sato", "Kim", "Smith", "Jensen", "Meyer"]
    for r, erased in zip(created, flags, strict=True):
        if r.state not in with_checklist:
            continue
        closed = r.state in (RequestState.COMPLETED, RequestState.DEBRIEFED)
        for order, tpl in enumerate(templates):
            if tpl.dignitary_only and r.kind != VisitKind.DIGNITARY:
                continue
            if closed and tpl.phase != ChecklistPhase.AFTER or r.state == RequestState.DEBRIEFED:
                status = ItemStatus.DONE
            else:
                status = rng.choice([ItemStatus.OPEN, ItemStatus.OPEN, ItemStatus.DONE])
            items.append(
                ChecklistItem(
                    visit_request=r,
                    template=tpl,
                    phase=tpl.phase,
                    title=tpl.name_fi,
                    required=tpl.required,
                    status=status,
                    owner=r.responsible,
                    due_date=r.proposed_start + timedelta(days=rng.randint(-30, 14)),
                    order=order,
                )
            )
        if erased:
            continue  # the guest list and gift givers of a past visit are erased
        for n in range(rng.randint(2, 8)):
            guests.append(
                Guest(
                    visit_request=r,
                    name=f"{rng.choice(first_names)} {rng.choice(last_names)}",
                    title=rng.choice(["Ambassador", "Deputy Mayor", "Director", "Adviser"]),
                    role=GuestRole.HEAD if n == 0 else GuestRole.MEMBER,
                    dietary=rng.choice(["", "", "", "kasvis", "gluteeniton"]),
                )
            )
        if r.kind == VisitKind.DIGNITARY and rng.random() < 0.5:
            direction = rng.choice(list(GiftDirection))
            gifts.append(
                Gift(
                    visit_request=r,
                    direction=direction,
                    city_property=direction == GiftDirection.RECEIVED,
                    description=rng.choice(["Lasiveistos", "Kirja Espoosta", "Posliinimaljakko"]),
                    value_estimate=Decimal(rng.choice([40, 80, 150, 300])),
                    giver=r.visitor if direction == GiftDirection.RECEIVED else "Espoon kaupunki",
                    receiver="Espoon kaupunki"
                    if direction == GiftDirection.RECEIVED
                    else r.visitor,
                    date=min(r.proposed_start, today),
                )
            )
    ChecklistItem.objects.bulk_create(items, batch_size=BATCH)
    Guest.objects.bulk_create(guests, batch_size=BATCH)
    Gift.objects.bulk_create(gifts, batch_size=BATCH)
    erased_pks = [r.pk for r, erased in zip(created, flags, strict=True) if erased]
    from django.utils import timezone

    VisitRequest.objects.filter(pk__in=erased_pks).update(guest_data_erased_at=timezone.now())


# --------------------------------------------------------------------------- partnerships


def _partnerships(counts, rng, users, first_day) -> None:
    from espoo_intl.models import Theme
    from partnerships.choices import (
        FundingProgramme,
        PartnerKind,
        PartnershipKind,
        PartnershipLevel,
        PartnershipStatus,
        ProjectStatus,
    )
    from partnerships.models import Partner, Partnership, Project
    from visits import demo as visit_demo

    units, themes = _units(), list(Theme.objects.filter(is_active=True).order_by("pk"))
    countries = list(visit_demo.ORGANISATIONS)
    today = date.today()
    kv = users["kv"]
    stems = ["Kaupunki", "Instituutti", "Yliopisto", "Verkosto", "Virasto", "Oy", "Säätiö"]
    partners = []
    for i in range(counts["partners"]):
        country = rng.choice(countries)
        name = f"{rng.choice(visit_demo.ORGANISATIONS[country])} {rng.choice(stems)} {i}"
        partners.append(
            Partner(
                name=name,
                name_key=name.casefold(),
                kind=rng.choice(list(PartnerKind)),
                country=country,
                city=rng.choice(["", "Tallinna", "Tukholma", "Shanghai", "Hampuri"]),
                created_by=kv,
            )
        )
    partners = _new_rows(Partner, partners)

    kinds = list(PartnershipKind)
    partnerships = []
    for i in range(counts["partnerships"]):
        start = (
            first_day
            - timedelta(days=rng.randrange(0, 3650))
            + timedelta(days=rng.randrange(0, YEARS * 365))
        )
        kind = rng.choice(kinds)
        level = rng.choice(list(PartnershipLevel))
        status = rng.choices(list(PartnershipStatus), [10, 50, 20, 20])[0]
        ended = status == PartnershipStatus.ENDED
        partnerships.append(
            Partnership(
                name=f"{rng.choice(['Yhteistyösopimus', 'MoU', 'Hankekumppanuus', 'Ystävyyskaupunki'])} {i}",
                kind=kind,
                level=level,
                owning_unit=rng.choice(units),
                goals="Koulutus, innovaatiot ja kestävä kehitys.",
                start_date=start,
                end_date=start + timedelta(days=rng.randrange(365, 2000)) if ended else None,
                review_date=today + timedelta(days=rng.randrange(-200, 400)),
                status=status,
                decision_number=f"KJ {start.year}/{i}" if level == PartnershipLevel.CITY else "",
                decision_date=start if level == PartnershipLevel.CITY else None,
                created_by=kv,
            )
        )
    partnerships = _new_rows(Partnership, partnerships)
    _m2m(Partnership.partners.through, "partnership", partnerships, partners, rng, 1, 3, "partner")
    _m2m(Partnership.themes.through, "partnership", partnerships, themes, rng, 1, 3, "theme")

    projects = []
    for i in range(counts["projects"]):
        start = first_day + timedelta(days=rng.randrange(YEARS * 365))
        end = start + timedelta(days=rng.randrange(365, 4 * 365))
        budget = Decimal(rng.randrange(100, 8000) * 1000)
        share = (budget * Decimal(rng.choice(["0.05", "0.1", "0.2"]))).quantize(Decimal("1"))
        projects.append(
            Project(
                name=f"Kansainvälinen hanke {i}",
                acronym=f"PRJ{i}",
                programme=rng.choice(list(FundingProgramme)),
                eu_funded=rng.random() < 0.8,
                partnership=rng.choice(partnerships) if rng.random() < 0.3 else None,
                lead_unit=rng.choice(units),
                start_date=start,
                end_date=end,
                total_budget=budget,
                espoo_share=share,
                international_funding=(share * Decimal("0.7")).quantize(Decimal("1")),
                status=ProjectStatus.ENDED
                if end < today
                else ProjectStatus.RUNNING
                if start <= today
                else ProjectStatus.PLANNED,
                created_by=kv,
            )
        )
    projects = _new_rows(Project, projects)
    _m2m(Project.partners.through, "project", projects, partners, rng, 1, 5, "partner")
    _m2m(Project.themes.through, "project", projects, themes, rng, 1, 2, "theme")


# --------------------------------------------------------------------------- networks


def _networks(n, rng, users) -> None:
    from networks.choices import (
        FIRST_EVALUATION_YEAR,
        Membership,
        NetworkClass,
        NetworkScope,
        PassiveDecision,
    )
    from networks.models import Network, NetworkEvaluation

    units, kv = _units(), users["kv"]
    people = sorted(users.values(), key=lambda u: u.pk)
    last_year = date.today().year - 1
    networks = []
    for i in range(n):
        joined = rng.randrange(1990, last_year)
        networks.append(
            Network(
                name=f"{rng.choice(['Eurocities', 'UBC', 'Nordic', 'WHO', 'ICLEI', 'EUniverCities'])} verkosto {i}",
                scope=rng.choice(list(NetworkScope)),
                membership=rng.choices(list(Membership), [9, 1])[0],
                owning_unit=rng.choice(units),
                membership_fee=Decimal(rng.choice([0, 500, 2500, 16500])),
                joined_year=joined,
                left_year=rng.choice([None] * 9 + [last_year]),
                goals="Vertaisoppiminen ja hankekumppanit.",
                created_by=kv,
            )
        )
    networks = _new_rows(Network, networks)
    through = Network.contacts.through
    through.objects.bulk_create(
        [through(network_id=nw.pk, user_id=rng.choice(people).pk) for nw in networks],
        batch_size=BATCH,
    )
    evaluations = []
    for nw in networks:
        for year in range(max(FIRST_EVALUATION_YEAR, nw.joined_year), last_year + 1):
            cls = rng.choices(list(NetworkClass), [3, 5, 2])[0]
            passive = cls == NetworkClass.PASSIVE
            evaluations.append(
                NetworkEvaluation(
                    network=nw,
                    year=year,
                    network_class=cls,
                    goals=f"Vuoden {year} tavoitteet.",
                    results=f"Vuoden {year} tulokset.",
                    decision=rng.choice(list(PassiveDecision)) if passive else "",
                    decided_by="Johtoryhmä" if passive else "",
                    decided_on=date(year, 11, 15) if passive else None,
                    created_by=kv,
                )
            )
    NetworkEvaluation.objects.bulk_create(evaluations, batch_size=BATCH)


# --------------------------------------------------------------------------- events


def _events(n, rng, users, first_day) -> None:
    from espoo_intl.models import Theme
    from events.choices import ChecklistPoint, EventFormat, EventKind, EventState
    from events.models import Event, EventChecklistItem

    units, kv = _units(), users["kv"]
    themes = list(Theme.objects.filter(is_active=True).order_by("pk"))
    today = date.today()
    span = (today + timedelta(days=365) - first_day).days
    past = [EventState.REPORTED, EventState.HELD, EventState.CANCELLED, EventState.REJECTED]
    future = [EventState.PROPOSED, EventState.ASSESSED, EventState.APPROVED]
    events = []
    for i in range(n):
        start = first_day + timedelta(days=rng.randrange(span))
        state = rng.choices(past, [60, 20, 10, 10])[0] if start < today else rng.choice(future)
        decided = state in (EventState.REPORTED, EventState.HELD, EventState.APPROVED)
        events.append(
            Event(
                name=f"{rng.choice(['Konferenssi', 'Seminaari', 'Festivaali', 'Kongressi', 'Turnaus'])} {i}",
                kind=rng.choice(list(EventKind)),
                format=rng.choice(list(EventFormat)),
                start_date=start,
                end_date=start + timedelta(days=rng.randrange(0, 4)),
                organiser="Espoon kaupunki",
                co_organisers=rng.choice(["", "", "Aalto-yliopisto", "Eurocities"]),
                owning_unit=rng.choice(units),
                expected_participants=rng.randrange(20, 900),
                actual_participants=rng.randrange(20, 900)
                if state == EventState.REPORTED
                else None,
                city_funding=Decimal(rng.randrange(0, 80) * 1000),
                proposed_by_international_actor=rng.random() < 0.2,
                confidential=rng.random() < 0.03,
                state=state,
                decided_by="Kaupunginjohtaja" if decided else "",
                decider_role="city_manager" if decided else "",
                decision_reference=f"KJ {start.year}/{i}" if decided else "",
                decision_date=min(start - timedelta(days=60), today) if decided else None,
                created_by=kv,
            )
        )
    events = _new_rows(Event, events)
    _m2m(Event.themes.through, "event", events, themes, rng, 1, 2, "theme")
    EventChecklistItem.objects.bulk_create(
        [
            EventChecklistItem(event=e, point=p, done=e.state != EventState.PROPOSED)
            for e in events
            for p in ChecklistPoint.values
        ],
        batch_size=BATCH,
    )


# --------------------------------------------------------------------------- metrics


def _metrics(rng, users, first_year) -> None:
    """A closed, approved reporting period for each of the ten years (the demo made the last
    six): every indicator of every provider with its figure."""
    from metrics.models import ReportingPeriod, Submission, SubmissionState, Unit, Value
    from metrics.services import submissions_create

    kv = users["kv"]
    current = date.today().year
    have = set(ReportingPeriod.objects.values_list("year", flat=True))
    for year in range(first_year, current):
        if year in have:
            continue
        period = ReportingPeriod.objects.create(
            year=year, deadline=date(year + 1, 2, 28), is_open=False
        )
        submissions_create(period, actor=kv)
    Submission.objects.filter(period__year__lt=current).update(state=SubmissionState.APPROVED)
    empty = list(
        Value.objects.filter(
            submission__period__year__lt=current, number__isnull=True, text=""
        ).select_related("indicator")
    )
    for value in empty:
        if value.indicator.unit == Unit.TEXT:
            value.text = "Raportti julkaistu."
        elif value.indicator.unit in (Unit.PERCENT, Unit.RATIO, Unit.SCALE):
            value.number = Decimal(rng.randrange(10, 50)) / 10
        else:
            value.number = Decimal(rng.randrange(1, 5000))
        value.source = "Oma seuranta"
    Value.objects.bulk_update(empty, ["number", "text", "source"], batch_size=BATCH)
