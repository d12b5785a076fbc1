#!/usr/bin/env python
"""Page benchmarks for the portal: wall time and SQL query count of the busiest pages.

Runs standalone (see bench/README.md):

    DEBUG=true .venv/bin/python bench/run.py [--visits N] [--requests M] [--repeat K]
                                             [--database-url URL]

It never touches the developer's database: by default it builds a throwaway SQLite
file under var/bench/ (deleted afterwards); with --database-url it uses a PostgreSQL
database on 127.0.0.1 whose name contains "bench", dropped and created afresh.
Tests make no timing assertions; this script is where speed is measured.
"""

import argparse
import gc
import math
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import date, datetime
from io import StringIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parent.parent
BENCH_DIR = REPO / "var" / "bench"
RESULTS = Path(__file__).resolve().parent / "results.md"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
SLOW_MS = 500  # pages slower than this (median) are flagged in the table


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--visits", type=int, default=5000, help="visits to generate (5000)")
    parser.add_argument("--requests", type=int, default=500, help="visit requests (500)")
    parser.add_argument("--repeat", type=int, default=10, help="measured runs per page (10)")
    parser.add_argument(
        "--budget",
        type=float,
        default=5.0,
        help="seconds of measured runs per page and role: a page that takes longer gets "
        "fewer runs than --repeat (at least one); the table shows the runs (default 5)",
    )
    parser.add_argument(
        "--database-url",
        default="",
        help="PostgreSQL on 127.0.0.1, e.g. postgres://postgres@127.0.0.1:5432/espoo_intl_bench "
        "(the name must contain 'bench'; it is dropped and created afresh). "
        "Default: a throwaway SQLite file under var/bench/.",
    )
    parser.add_argument(
        "--only", default="", help="measure only pages whose name contains this text"
    )
    parser.add_argument(
        "--show-queries",
        action="store_true",
        help="print the SQL statements repeated within one request (N+1 hunting)",
    )
    parser.add_argument("--keep-db", action="store_true", help="keep the SQLite file afterwards")
    parser.add_argument(
        "--no-write", action="store_true", help="print the table only; leave results.md alone"
    )
    args = parser.parse_args(argv)
    if args.visits < 1 or args.requests < 0 or args.repeat < 1:
        parser.error("--visits and --repeat must be at least 1, --requests at least 0")
    return args


# --------------------------------------------------------------------------- environment


def _postgres_prepare(url: str) -> None:
    """Refuse anything but a local bench database; drop and create it afresh."""
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql", "pgsql", "psql"):
        sys.exit(f"bench: only postgres:// URLs are supported, not {parts.scheme}://")
    if (parts.hostname or "") not in LOCAL_HOSTS:
        sys.exit(f"bench: the database must be on 127.0.0.1, not {parts.hostname!r}")
    name = unquote(parts.path.lstrip("/"))
    if not name or "bench" not in name:
        sys.exit(
            f"bench: refusing database {name!r}: its name must contain 'bench' "
            "(the benchmark drops and recreates it)"
        )
    import psycopg2
    from psycopg2 import sql

    conn = psycopg2.connect(
        dbname="postgres",
        user=unquote(parts.username or "postgres"),
        password=unquote(parts.password) if parts.password else None,
        host=parts.hostname,
        port=parts.port or 5432,
        connect_timeout=5,
    )
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
            cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    finally:
        conn.close()


def configure(args) -> Path | None:
    """Set the environment before Django reads its settings. Returns the SQLite file, if any."""
    sys.path.insert(0, str(REPO))
    os.environ["DJANGO_SETTINGS_MODULE"] = "espoo_intl.settings"
    os.environ.setdefault("DEBUG", "true")  # load_demo refuses to run without it
    # Nothing leaves the machine and nothing lands in the developer's var/ folders:
    # e-mail is dropped, Celery tasks run in-process, uploads would go under var/bench/.
    os.environ["EMAIL_URL"] = "dummymail://"
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "true"
    os.environ["REDIS_URL"] = ""
    os.environ["MEDIA_ROOT"] = str(BENCH_DIR / "media")
    os.environ["CONN_MAX_AGE"] = "0"
    os.environ.setdefault("LOG_LEVEL", "ERROR")  # kombu warns about filesystem:// otherwise
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    if args.database_url:
        _postgres_prepare(args.database_url)
        os.environ["DATABASE_URL"] = args.database_url
        return None
    fd, name = tempfile.mkstemp(prefix="bench-", suffix=".sqlite3", dir=BENCH_DIR)
    os.close(fd)
    path = Path(name)
    path.unlink()  # Django creates it; mkstemp only reserved a unique name
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    return path


# --------------------------------------------------------------------------- data


def build_data(n_visits: int, n_requests: int, rng) -> tuple[dict, list[int]]:
    """Migrate, load the demo accounts (load_demo with no visits) and bulk-create the visits
    and requests (bench/synthetic.py, shared with `generate_synthetic`).
    Returns the data sizes and the keys of load_demo's requests."""
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings

    from bench.synthetic import visits_and_requests
    from espoo_intl.models import User
    from visits.models import ChecklistItem, Visit, VisitRequest

    call_command("migrate", verbosity=0, interactive=False)
    # Cheap hashing for the demo accounts' passwords; the benchmark signs in with force_login.
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        call_command("load_demo", visits=0, stdout=StringIO())
    users = {u.username: u for u in User.objects.select_related("unit")}
    before = set(VisitRequest.objects.values_list("pk", flat=True))
    visits_and_requests(n_visits, n_requests, rng, users, date(2020, 1, 1))
    if connection.vendor == "postgresql":
        # Fresh bulk loads have no planner statistics yet; autovacuum would add them
        # in a live database, so gather them now rather than benchmark bad plans.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    sizes = {
        "visits": Visit.objects.count(),
        "confidential_visits": Visit.objects.filter(confidential=True).count(),
        "requests": VisitRequest.objects.count(),
        "confidential_requests": VisitRequest.objects.filter(confidential=True).count(),
        "checklist_items": ChecklistItem.objects.count(),
        "users": User.objects.count(),
    }
    return sizes, sorted(before)


# --------------------------------------------------------------------------- measuring

_LITERALS = re.compile(r"'(?:[^']|'')*'|\b\d+(?:\.\d+)?\b")


def _shape(sql: str) -> str:
    """The statement with its values blanked, so repeats of one query count together."""
    shaped = _LITERALS.sub("?", sql)
    return re.sub(r"\((?:\?, )+\?\)", "(?…)", shaped)


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]  # nearest rank


def measure(client, url: str, repeat: int, budget: float, warm_up: bool = True) -> dict:
    """Time `repeat` GETs of `url` (fewer if they exceed `budget` seconds, at least one),
    after one warm-up GET (template loading, imports, caches) unless `warm_up` is False."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def fetch():
        response = client.get(url)
        body = (
            b"".join(response.streaming_content)
            if getattr(response, "streaming", False)
            else response.content
        )
        return response, body

    warm_ms = None
    if warm_up:
        started = time.perf_counter()
        fetch()
        warm_ms = (time.perf_counter() - started) * 1000
    times, counts, shapes = [], [], Counter()
    while len(times) < repeat and (not times or sum(times) < budget * 1000):
        gc.collect()  # the previous run's garbage is not this run's cost
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response, body = fetch()
            times.append((time.perf_counter() - started) * 1000)
        counts.append(len(ctx.captured_queries))
        if not shapes:
            shapes = Counter(_shape(q["sql"]) for q in ctx.captured_queries)
    return {
        "warm_ms": warm_ms,
        "runs": len(times),
        "status": response.status_code,
        "bytes": len(body),
        "median": statistics.median(times),
        "p95": _p95(times),
        "queries": max(counts),
        "repeated": max(shapes.values(), default=0),
        "shapes": shapes,
    }


def pages(request_pk: int, tokens: dict) -> list[tuple[str, str, tuple[str, ...]]]:
    """(name, URL, roles). The role "anon" means no one is signed in."""
    both = ("staff", "kv")
    return [
        ("visit list", "/visits/", both),
        ("visit list, filtered", "/visits/?year=2024&kind=technical", both),
        ("visit search", "/visits/?q=delegation", both),
        ("visit export xlsx", "/visits/?_export=xlsx", both),
        ("visit export csv", "/visits/?_export=csv", both),
        ("request list", "/requests/", both),
        ("request detail", f"/requests/{request_pk}/", both),
        ("dashboard", "/dashboard/", ("kv",)),
        ("calendar", "/calendar/", both),
        ("iCal feed", "/calendar/feed/{token}.ics", both),
        ("healthz", "/healthz", ("anon",)),
    ]


def run_pages(args, demo_requests: list[int]) -> list[dict]:
    from django.test import Client

    from espoo_intl.calendar import calendar_token_renew
    from espoo_intl.models import User
    from visits.choices import RequestState
    from visits.models import VisitRequest

    users = {name: User.objects.get(username=name) for name in ("staff", "kv")}
    tokens = {name: calendar_token_renew(user=user) for name, user in users.items()}
    # A request both roles may read, with a checklist and a history: load_demo's confirmed
    # request (taken through the workflow by the services), else the readable request
    # with the longest checklist.
    from django.db.models import Count

    candidates = (
        VisitRequest.objects.filter(confidential=False)
        .annotate(n=Count("checklist"))
        .filter(n__gt=0)
        .order_by("-n", "pk")
    )
    chosen = (
        candidates.filter(pk__in=demo_requests, state=RequestState.CONFIRMED).first()
        or candidates.first()
        or VisitRequest.objects.order_by("pk").first()
    )
    request_pk = chosen.pk

    clients = {}
    for name, user in users.items():
        clients[name] = Client(HTTP_HOST="127.0.0.1")
        clients[name].force_login(user)
    clients["anon"] = Client(HTTP_HOST="127.0.0.1")

    rows = []
    for name, url, roles in pages(request_pk, tokens):
        if args.only and args.only.lower() not in name.lower():
            continue
        warm_ms = None
        for role in roles:
            real_url = url.replace("{token}", tokens.get(role, ""))
            # Each role warms up first, except after a warm-up longer than the budget
            # (the exports): the second role runs the same code, already warm.
            warm_up = warm_ms is None or warm_ms < args.budget * 1000
            result = measure(clients[role], real_url, args.repeat, args.budget, warm_up)
            warm_ms = result["warm_ms"] if result["warm_ms"] is not None else warm_ms
            shown = url.replace("{token}", "<token>")
            rows.append({"page": name, "url": shown, "role": role, **result})
            print(
                f"  {name:<22} {role:<5} {result['median']:8.1f} ms  "
                f"{result['queries']:4d} queries  HTTP {result['status']}  "
                f"({result['runs']} runs)",
                file=sys.stderr,
            )
            if args.show_queries:
                for shape, n in result["shapes"].most_common(5):
                    if n > 1:
                        print(f"      ×{n}: {shape[:300]}", file=sys.stderr)
    return rows


# --------------------------------------------------------------------------- reporting


def table(rows: list[dict]) -> str:
    lines = [
        "| Page | URL | Role | HTTP | Runs | Median ms | p95 ms | SQL queries "
        "| Max same query | Size kB |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        slow = " ⚠" if r["median"] > SLOW_MS else ""
        lines.append(
            f"| {r['page']} | `{r['url']}` | {r['role']} | {r['status']} | {r['runs']} | "
            f"{r['median']:.1f}{slow} | {r['p95']:.1f} | {r['queries']} | {r['repeated']} | "
            f"{r['bytes'] / 1024:.1f} |"
        )
    return "\n".join(lines)


def section(vendor: str, rows: list[dict], sizes: dict, args, elapsed: float) -> str:
    import django
    from django.db import connection

    version = ""
    if vendor == "postgresql":
        pg = connection.pg_version or 0
        version = f" {pg // 10000}.{pg % 10000}" if pg else ""
    elif vendor == "sqlite":
        import sqlite3

        version = f" {sqlite3.sqlite_version}"
    return "\n".join(
        [
            f"<!-- bench:{vendor} -->",
            f"## {vendor}{version}",
            "",
            f"- Date: {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
            f"- Machine: {os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), "
            f"{platform.system()} {platform.machine()}, Python {platform.python_version()}, "
            f"Django {django.get_version()}, DB {vendor}{version}",
            f"- Data: {sizes['visits']} visits ({sizes['confidential_visits']} confidential), "
            f"{sizes['requests']} visit requests ({sizes['confidential_requests']} confidential), "
            f"{sizes['checklist_items']} checklist items, {sizes['users']} users",
            f"- Runs: up to {args.repeat} measured per page and role after 1 warm-up, fewer "
            f"when they pass {args.budget:g} s (the exports: their second role skips the "
            "warm-up too); p95 is the nearest-rank value (with 10 runs, the slowest); "
            f'⚠ = median over {SLOW_MS} ms; "Max same query" = most executions of one SQL '
            f"statement (values blanked) in one request. Whole run {elapsed:.0f} s.",
            "",
            table(rows),
            f"<!-- /bench:{vendor} -->",
        ]
    )


def write_results(vendor: str, text: str) -> None:
    """Replace this database's section of results.md, keeping the other's."""
    header = (
        "# Benchmark results\n\n"
        "Written by `bench/run.py` (see README.md); one section per database, the latest "
        "run of each. DEBUG=true, django.test.Client in-process (no HTTP server, no "
        "network); the times are for comparing runs, not production latencies.\n"
    )
    old = RESULTS.read_text() if RESULTS.exists() else header
    pattern = re.compile(rf"<!-- bench:{vendor} -->.*?<!-- /bench:{vendor} -->", re.S)
    if pattern.search(old):
        new = pattern.sub(lambda _m: text, old)
    else:
        new = old.rstrip("\n") + "\n\n" + text
    RESULTS.write_text(new.rstrip("\n") + "\n")


def main(argv=None) -> int:
    import random

    args = parse_args(argv)
    started = time.perf_counter()
    sqlite_path = configure(args)
    try:
        import django

        django.setup()
        from django.conf import settings
        from django.db import connection

        if not settings.DEBUG:
            sys.exit("bench: run with DEBUG=true (load_demo refuses otherwise)")
        vendor = connection.vendor
        print(f"bench: {vendor} database, generating data…", file=sys.stderr)
        t0 = time.perf_counter()
        sizes, demo_requests = build_data(args.visits, args.requests, random.Random(2030))
        print(f"bench: data ready in {time.perf_counter() - t0:.1f} s: {sizes}", file=sys.stderr)
        rows = run_pages(args, demo_requests)
        elapsed = time.perf_counter() - started
        text = section(vendor, rows, sizes, args, elapsed)
        print(text)
        if not args.no_write and not args.only:
            write_results(vendor, text)
            print(f"bench: written to {RESULTS.relative_to(REPO)}", file=sys.stderr)
        connection.close()
    finally:
        if sqlite_path is not None and not args.keep_db:
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
