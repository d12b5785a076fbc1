#!/usr/bin/env python
"""Server-side benchmark through the real stack (issue 12) and the load run (issue 8).

    .venv/bin/python bench/serve.py [--scale 0.25] [--users 1,16] [--duration 15]
                                    [--load-users 50] [--load-duration 120] [--no-pages] [--no-load]

1. Drops and creates the PostgreSQL database (its name must contain "bench"), migrates and
   runs `generate_synthetic --scale N` (bench/synthetic.py), collects the static files.
2. `bench_queries` in-process: each page's SQL query count (CaptureQueriesContext) and the
   EXPLAIN ANALYZE of the visit list's queries; picks a visit, a request and a feed key.
3. Starts gunicorn (2 workers, DEBUG off, production settings plus the bench app:
   bench.settings) on 127.0.0.1, and locust (headless, bench/locustfile.py, its own
   virtualenv from bench/requirements.txt) in a second process: each page, the admin
   changelist baselines and a static file (the floor) at 1 and 16 signed-in clients.
4. The load run: 50 users mixing reads, creates through the form and exports; the created
   rows are counted in the database afterwards against the successful creates.
5. Writes var/bench/serve-<scale>.json and the section for this scale in bench/results.md.
"""

import argparse
import csv
import json
import os
import platform
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.pages import BASELINES, LIST_PAGES, PAGES, fill  # noqa: E402
from bench.run import _postgres_prepare  # noqa: E402

OUT = REPO / "var" / "bench"
RESULTS = REPO / "bench" / "results.md"
PYTHON = sys.executable
LOCUST = REPO / "var" / "bench-venv" / "bin" / "locust"
TARGET_P95 = {1: 150, 16: 600}  # ms, issue 12


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--scale", type=float, default=0.25)
    p.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/perfbench")
    p.add_argument("--port", type=int, default=8110)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--users", default="1,16", help="concurrent clients per page run (1,16)")
    p.add_argument(
        "--duration", type=int, default=15, help="seconds per page run, twice that above 1 client"
    )
    p.add_argument("--only", default="", help="only pages whose name contains this")
    p.add_argument("--load-users", type=int, default=50)
    p.add_argument("--load-duration", type=int, default=120, help="seconds (120)")
    p.add_argument("--think", type=float, default=2.0, help="mean think time, load run (2 s)")
    p.add_argument(
        "--form-sign-in",
        action="store_true",
        help="load run: every user signs in through the form inside the run (default: ahead)",
    )
    p.add_argument("--no-pages", action="store_true", help="skip the page runs")
    p.add_argument("--no-load", action="store_true", help="skip the load run")
    p.add_argument("--reuse-db", action="store_true", help="keep the generated database")
    p.add_argument("--no-write", action="store_true", help="leave bench/results.md alone")
    p.add_argument("--locust", default=str(LOCUST))
    p.add_argument("--report-from", default="", help="re-write results.md from a run's JSON")
    return p.parse_args(argv)


def django_env(args) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=args.database_url,
        DEBUG="false",
        SECRET_KEY="bench-only-not-secret-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        EMAIL_URL="dummymail://",  # nothing leaves the machine
        CELERY_TASK_ALWAYS_EAGER="true",  # notices are sent in-process (to the dummy backend)
        REDIS_URL="",
        MEDIA_ROOT=str(OUT / "media"),
        LOG_LEVEL="WARNING",
        # The page runs use sessions signed in ahead (bench_queries); a scale-1 run takes
        # longer than the 30-minute idle timeout, so they may idle for up to four hours.
        SESSION_IDLE_TIMEOUT="14400",
    )
    return env


def manage(args, *command, **kw):
    cmd = [PYTHON, "manage.py", *command]
    print("$", " ".join(cmd), flush=True)
    return subprocess.run(cmd, cwd=REPO, env=django_env(args), check=True, **kw)


def prepare(args) -> float:
    t0 = time.monotonic()
    _postgres_prepare(args.database_url)
    manage(args, "generate_synthetic", "--scale", str(args.scale))
    return time.monotonic() - t0


def start_gunicorn(args):
    log = open(OUT / "gunicorn.log", "w")  # noqa: SIM115 (closed by stop_gunicorn)
    cmd = [
        str(Path(PYTHON).parent / "gunicorn"),
        "espoo_intl.wsgi:application",
        "--workers", str(args.workers),
        "--bind", f"127.0.0.1:{args.port}",
        "--timeout", "30",
    ]  # fmt: skip
    print("$", " ".join(cmd), flush=True)
    proc = subprocess.Popen(cmd, cwd=REPO, env=django_env(args), stdout=log, stderr=log)
    for _ in range(60):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{args.port}/healthz", timeout=2) as r:
                if r.status == 200:
                    return proc, log
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    sys.exit("bench: gunicorn did not answer /healthz; see var/bench/gunicorn.log")


def stop_gunicorn(proc, log):
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def locust(args, slug, users, seconds, env_extra, spawn_rate=None) -> dict:
    """Run locust headless; return its stats rows by name, and its failures."""
    prefix = OUT / "locust" / slug
    prefix.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, **env_extra)
    cmd = [
        args.locust, "-f", str(REPO / "bench" / "locustfile.py"), "--headless",
        "-u", str(users), "-r", str(spawn_rate or users), "-t", f"{seconds}s",
        "--host", f"http://127.0.0.1:{args.port}", "--csv", str(prefix),
        "--only-summary", "--stop-timeout", "10", "--loglevel", "WARNING",
    ]  # fmt: skip
    subprocess.run(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    rows = {}
    with open(f"{prefix}_stats.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            rows[row["Name"]] = row
    failures = []
    with open(f"{prefix}_failures.csv", newline="") as fh:
        failures = list(csv.DictReader(fh))
    return {"rows": rows, "failures": failures}


def wait_idle(args, limit=120) -> float:
    """Wait until gunicorn has worked off what the last run left queued (locust stops its
    clients, but requests already accepted still run): /healthz answering fast twice."""
    t0, fast = time.monotonic(), 0
    while time.monotonic() - t0 < limit and fast < 2:
        t1 = time.monotonic()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{args.port}/healthz", timeout=30):
                pass
        except OSError:
            pass
        fast = fast + 1 if time.monotonic() - t1 < 0.2 else 0
        time.sleep(0.5)
    return time.monotonic() - t0


def figures(row) -> dict:
    n = int(row["Request Count"])
    return {
        "requests": n,
        "failures": int(row["Failure Count"]),
        "median_ms": float(row["50%"]) if n else None,
        "p95_ms": float(row["95%"]) if n else None,
        "rps": round(float(row["Requests/s"]), 1),
        "avg_bytes": round(float(row["Average Content Size"])),
    }


def run_pages(args, info) -> dict:
    results = {}
    values = info["values"]
    for name, url, _base in [*PAGES, *BASELINES]:
        if args.only and args.only not in name:
            continue
        for users in [int(u) for u in args.users.split(",")]:
            slug = f"s{args.scale}-{name.replace(' ', '_').replace(',', '')}-{users}u"
            real = fill(url, values)
            # Many clients queue behind two workers: each one's warm-up request falls inside
            # the window too, so they get twice the time.
            seconds = args.duration * (2 if users > 1 else 1)
            info.setdefault("page_seconds", {})[users] = seconds
            wait_idle(args)
            got = locust(
                args,
                slug,
                users,
                seconds,
                {
                    "BENCH_MODE": "page",
                    "BENCH_URL": real,
                    "BENCH_SESSIONS": ",".join(info["sessions"]),
                },
            )
            row = got["rows"].get("page")
            fig = figures(row) if row else {"requests": 0, "failures": 0}
            fig["failure_kinds"] = [f["Error"] for f in got["failures"] if f["Name"] == "page"]
            results.setdefault(name, {})[users] = fig
            print(
                f"  {name:<30} {users:>3} users  median {fig.get('median_ms')} ms  "
                f"p95 {fig.get('p95_ms')} ms  {fig.get('rps')} req/s  "
                f"{fig['failures']} failed of {fig['requests']}",
                flush=True,
            )
    return results


def _pg(args):
    import psycopg2

    parts = urlsplit(args.database_url)
    return psycopg2.connect(
        dbname=unquote(parts.path.lstrip("/")),
        user=unquote(parts.username or "postgres"),
        host=parts.hostname,
        port=parts.port or 5432,
    )


def count_load_rows(args) -> tuple[int, set]:
    with _pg(args) as conn, conn.cursor() as cur:
        cur.execute("SELECT id FROM visits_visit WHERE title LIKE 'Kuormitustesti %%'")
        ids = {r[0] for r in cur.fetchall()}
    conn.close()
    return len(ids), ids


def run_load(args, info) -> dict:
    before, _ = count_load_rows(args)
    writes = OUT / "load-created.json"
    writes.unlink(missing_ok=True)
    values = info["values"]
    wait_idle(args)
    got = locust(
        args,
        f"s{args.scale}-load-{args.load_users}u",
        args.load_users,
        args.load_duration,
        {
            "BENCH_MODE": "load",
            "BENCH_YEAR": str(values["year"]),
            "BENCH_VISIT": str(values["visit"]),
            "BENCH_REQUEST": str(values["request"]),
            "BENCH_THINK": str(args.think),
            "BENCH_WRITES": str(writes),
            "BENCH_SESSIONS": ",".join(info.get("sessions_kv", [])),
            "BENCH_SIGN_IN": "form" if args.form_sign_in else "ahead",
        },
        spawn_rate=max(1, args.load_users // 10),
    )
    created = json.loads(writes.read_text()) if writes.exists() else []
    after, ids = count_load_rows(args)
    rows = {name: figures(row) for name, row in got["rows"].items()}
    server_errors = [f for f in got["failures"] if f["Error"].lstrip().startswith("5")]
    return {
        "users": args.load_users,
        "seconds": args.load_duration,
        "think_s": args.think,
        "form_sign_in": args.form_sign_in,
        "rows": rows,
        "failures": got["failures"],
        "server_errors": sum(int(f["Occurrences"]) for f in server_errors),
        "creates_ok": len(created),
        "creates_unique": len(set(created)),
        "rows_before": before,
        "rows_after": after,
        "lost_writes": len(set(created) - ids),
        "extra_rows": len(ids - set(created)) - before,
    }


def gunicorn_problems() -> list[str]:
    text = (OUT / "gunicorn.log").read_text(errors="replace")
    keys = ("WORKER TIMEOUT", "Traceback", "Internal Server Error", "Error handling request")
    return [line for line in text.splitlines() if any(k in line for k in keys)]


# --------------------------------------------------------------------------- report


def _ms(v):
    return "–" if v is None else f"{v:.0f}"


def _ratio(a, b):
    return "–" if not a or not b else f"{a / b:.1f}×"


def _sharing(machine_line: str) -> str:
    """What the load average before the run says of the figures."""
    try:
        first = float(machine_line.split("load average before the run ")[1].split("/")[0])
    except (IndexError, ValueError):
        return ""
    if first < 1:
        return "Quiet before the run: nothing else ran on the two cores but the benchmark."
    return (
        "**Shared** with other work (load average above 1): the figures are for comparing "
        "pages within this run, not absolute."
    )


def machine() -> str:
    load = os.getloadavg()
    return (
        f"{os.cpu_count()} CPUs, {platform.system()} {platform.machine()}, "
        f"Python {platform.python_version()}, load average before the run "
        f"{load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f}"
    )


def commit() -> str:
    out = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
    )
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        cwd=REPO,
        capture_output=True,
        text=True,
    ).stdout.strip()
    return out.stdout.strip() + (" (with uncommitted changes)" if dirty else "")


def report(args, data) -> str:
    info, pages = data["info"], data.get("pages") or {}
    users = [int(u) for u in args.users.split(",")]
    floor = pages.get("static file (floor)", {})
    lines = [
        f"<!-- serve:scale-{args.scale} -->",
        f"## Server benchmark, scale {args.scale} (PostgreSQL, gunicorn, locust)",
        "",
        f"- Date: {data['date']}; commit {data['commit']}",
        f"- Machine: {data['machine']}. " + _sharing(data["machine"]),
        f"- Database: {data['db']}; data: "
        + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in info["sizes"].items())
        + (
            f" (generated in {data['prepare_s']:.0f} s incl. creating the database and migrating)."
            if data["prepare_s"]
            else " (generated by an earlier run: --reuse-db; scale 1 took 159 s with creating "
            "the database and migrating on this shared machine, generate_synthetic itself 62 s)."
        ),
        f"- Server: gunicorn, {args.workers} sync workers, 127.0.0.1, DEBUG off "
        "(bench.settings = production settings + the bench app; cookies without Secure "
        "because loopback is plain HTTP), CONN_MAX_AGE as in production (60 s on PostgreSQL), "
        "e-mail to the dummy backend.",
        f"- Load: {data.get('locust', 'locust')} headless in a second process on the same "
        f"two cores, signed in ahead as `admin` (sees every record, as kv-tiimi does; one "
        f"session per client, one untimed warm-up request each), no think time, "
        + ", ".join(f"{s} s at {u} client(s)" for u, s in data["page_seconds"].items())
        + " per page. Median / p95 in ms; "
        "throughput in requests/s; SQL = queries of one request, counted in-process "
        "(CaptureQueriesContext).",
        "",
    ]
    head = "| Page | SQL | " + " | ".join(
        f"{u} client{'s' if u > 1 else ''}: median / p95 / req/s / errors" for u in users
    )
    head += " | " + " | ".join(f"÷ admin ({u})" for u in users)
    head += " | " + " | ".join(f"÷ floor ({u})" for u in users) + " |"
    lines += [head, "|" + "---|" * (2 + 3 * len(users))]
    for name, _url, base in [*PAGES, *BASELINES]:
        if name not in pages:
            continue
        q = info["pages"][name]
        cells = [name, str(q["queries"]) if q["status"] == 200 else f"{q['queries']} (HTTP {q['status']})"]  # fmt: skip
        for u in users:
            f = pages[name].get(u, {})
            if not f.get("requests"):
                secs = data.get("page_seconds", {}).get(u, "?")
                cells.append(f"no request finished inside the {secs} s window")
                continue
            cells.append(
                f"{_ms(f.get('median_ms'))} / {_ms(f.get('p95_ms'))} / {f.get('rps', '–')} / "
                f"{f.get('failures', '–')} of {f.get('requests', '–')}"
            )
        for u in users:
            b = pages.get(base, {}).get(u, {})
            cells.append(_ratio(pages[name].get(u, {}).get("median_ms"), b.get("median_ms")))
        for u in users:
            cells.append(
                _ratio(pages[name].get(u, {}).get("median_ms"), floor.get(u, {}).get("median_ms"))
            )
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "Targets (issue 12) in this run:", ""]
    lines += targets(args, info, pages)
    if info.get("explain"):
        lines += ["", "<details><summary>EXPLAIN ANALYZE of the visit list's queries "
                  "(PostgreSQL)</summary>", ""]  # fmt: skip
        for name, plans in info["explain"].items():
            for plan in plans:
                lines += [f"**{name}**", "", "```sql", plan["sql"], "```", "", "```",
                          plan["plan"], "```", ""]  # fmt: skip
        lines += ["</details>"]
    problems = data.get("gunicorn_problems") or []
    lines += ["", f"gunicorn log: {len(problems)} error lines"
              + (": " + "; ".join(problems[:5]) if problems else ".")]  # fmt: skip
    lines += [f"<!-- /serve:scale-{args.scale} -->"]
    return "\n".join(lines) + "\n"


def targets(args, info, pages) -> list[str]:
    out = []
    for name in LIST_PAGES:
        base = {n: b for n, _u, b in PAGES}[name]
        for u, f in (pages.get(name) or {}).items():
            b = pages.get(base, {}).get(u, {})
            if f.get("median_ms") and b.get("median_ms"):
                ok = f["median_ms"] <= b["median_ms"]
                out.append(
                    f"- {name} no slower than the {base} at {u} client(s): "
                    f"{_ms(f['median_ms'])} vs {_ms(b['median_ms'])} ms → {'met' if ok else '**not met**'}"
                )
    for name, _url, _base in PAGES:
        for u, f in (pages.get(name) or {}).items():
            limit = TARGET_P95.get(u)
            if limit and f.get("p95_ms") is not None:
                ok = f["p95_ms"] < limit and not f.get("failures")
                if not ok:
                    out.append(
                        f"- {name} p95 under {limit} ms at {u} client(s): "
                        f"{_ms(f['p95_ms'])} ms, {f.get('failures', 0)} errors → **not met**"
                    )
    met = [
        f"{name} ({u})"
        for name, _url, _b in PAGES
        for u, f in (pages.get(name) or {}).items()
        if TARGET_P95.get(u) and f.get("p95_ms") is not None and f["p95_ms"] < TARGET_P95[u]
    ]
    if met:
        out.append("- p95 target met (150 ms at 1 client, 600 ms at 16): " + ", ".join(met))
    over = [n for n, _u, _b in PAGES if info["pages"][n]["queries"] > 15]
    out.append(
        "- At most 15 queries a page: "
        + ("met by every page" if not over else "**not met** by " + ", ".join(over))
        + " (the constant-count proof at two sizes is the suite's query-count tests)"
    )
    return out


def load_key(args, data) -> str:
    how = "form" if data["load"].get("form_sign_in") else "ahead"
    return f"load:scale-{args.scale}-{how}"


def load_report(args, data) -> str:
    load, key = data["load"], load_key(args, data)
    lines = [
        f"<!-- {key} -->",
        f"## Load run (issue 8): {load['users']} users for {load['seconds']} s, scale {args.scale}"
        + (", signing in inside the run" if load.get("form_sign_in") else ""),
        "",
        f"- Date: {data['date']}; commit {data['commit']}; {data['db']}; {data['machine']}. "
        "**Shared machine**; gunicorn as in the page runs.",
        "",
        (
            "Each user signs in through the sign-in form as kv-tiimi inside the run"
            if load.get("form_sign_in")
            else "Each user is signed in ahead as kv-tiimi (a session made by Django's login)"
        )
        + ", then loops over reads, creating visits through the "
        f"form (GET the form, its CSRF and double-submit tokens, POST) and exports, with "
        f"{load['think_s'] / 2:g}–{load['think_s'] * 1.5:g} s think time.",
        "",
        "| Request | Count | Failures | Median ms | p95 ms | req/s |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, f in sorted(load["rows"].items(), key=lambda kv: kv[0] == "Aggregated"):
        lines.append(
            f"| {name} | {f['requests']} | {f['failures']} | {_ms(f['median_ms'])} | "
            f"{_ms(f['p95_ms'])} | {f['rps']} |"
        )
    lost = load["lost_writes"]
    lines += [
        "",
        f"- Server errors (5xx): **{load['server_errors']}**; all failures: "
        + (
            "; ".join(f"{f['Occurrences']}× {f['Name']}: {f['Error']}" for f in load["failures"])
            or "none"
        ),
        f"- Writes: {load['creates_ok']} creates answered with a redirect to the new visit "
        f"({load['creates_unique']} distinct); rows in the database afterwards: "
        f"{load['rows_after'] - load['rows_before']} → lost writes **{lost}**, "
        f"rows without a successful answer {max(load['extra_rows'], 0)}.",
        f"<!-- /{key} -->",
    ]
    return "\n".join(lines) + "\n"


def write_results(key: str, text: str) -> None:
    old = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    start, end = f"<!-- {key} -->", f"<!-- /{key} -->"
    if start in old and end in old:
        new = old[: old.index(start)] + text.rstrip("\n") + old[old.index(end) + len(end) :]
    else:
        new = old.rstrip("\n") + "\n\n" + text
    RESULTS.write_text(new.rstrip("\n") + "\n")


def main(argv=None):
    args = parse_args(argv)
    if args.report_from:
        data = json.loads(Path(args.report_from).read_text())
        data["pages"] = {
            name: {int(u): f for u, f in runs.items()}
            for name, runs in data.get("pages", {}).items()
        }
        data["page_seconds"] = {int(u): s for u, s in data.get("page_seconds", {}).items()}
        args.scale = data["scale"]
        return publish(args, data)
    if not Path(args.locust).exists():
        sys.exit(f"bench: no locust at {args.locust}: run `make bench-venv` first")
    OUT.mkdir(parents=True, exist_ok=True)
    started = datetime.now().astimezone()
    data = {
        "date": started.strftime("%Y-%m-%d %H:%M %Z"),
        "machine": machine(),
        "commit": commit(),
        "scale": args.scale,
        "locust": subprocess.run(
            [args.locust, "--version"], capture_output=True, text=True
        ).stdout.split(" from")[0],
    }
    data["prepare_s"] = 0.0 if args.reuse_db else prepare(args)
    manage(args, "collectstatic", "--noinput", "-v0")
    info_file = OUT / f"queries-{args.scale}.json"
    manage(args, "bench_queries", "--json", str(info_file))
    info = json.loads(info_file.read_text())
    with _pg(args) as conn, conn.cursor() as cur:
        cur.execute("SHOW server_version")
        data["db"] = "PostgreSQL " + cur.fetchone()[0].split()[0]
    conn.close()
    info["sizes"] = json.loads(
        subprocess.run(
            [PYTHON, "manage.py", "shell", "-c",
             "import json; from bench.synthetic import sizes_now; print(json.dumps(sizes_now()))"],
            cwd=REPO, env=django_env(args), capture_output=True, text=True, check=True,
        ).stdout.strip().splitlines()[-1]
    )  # fmt: skip
    data["info"] = info
    for name, plans in info.get("explain", {}).items():
        print(f"\n== EXPLAIN {name}")
        for plan in plans:
            print(plan["plan"])
    proc, log = start_gunicorn(args)
    try:
        if not args.no_pages:
            data["pages"] = run_pages(args, info)
            data["page_seconds"] = info.pop("page_seconds", {})
        if not args.no_load:
            data["load"] = run_load(args, info)
            load = data["load"]
            print(
                f"  load: {load['server_errors']} server errors, {load['creates_ok']} creates, "
                f"{load['lost_writes']} lost; aggregated "
                f"{load['rows'].get('Aggregated', {})}",
                flush=True,
            )
    finally:
        stop_gunicorn(proc, log)
    data["gunicorn_problems"] = gunicorn_problems()
    name = "serve" if data.get("pages") else "load"
    (OUT / f"{name}-{args.scale}.json").write_text(json.dumps(data, indent=1, default=str))
    publish(args, data)


def publish(args, data) -> None:
    sections = []
    if data.get("pages"):
        sections.append((f"serve:scale-{args.scale}", report(args, data)))
    if data.get("load"):
        sections.append((load_key(args, data), load_report(args, data)))
    for key, text in sections:
        print(text)
        if not args.no_write and not args.only:
            write_results(key, text)


if __name__ == "__main__":
    main()
