#!/usr/bin/env python
"""The annual report benchmark (issues 11 and 12): compile the report of one year on data
sets of growing size and measure where the time and memory go.

    .venv/bin/python bench/report.py [--sets demo,4x,16x,scale1] [--year 2025] [--lang fi]
    .venv/bin/python bench/report.py --pages [--users 1,4]   # web pages while it compiles

1. For each data set a PostgreSQL database (name must contain "bench") is dropped and
   created: `demo` = migrate + load_demo (1x, the demo volume); `4x` and `16x` =
   `generate_synthetic --scale` SCALES[...] (about 4 and 16 times the demo's records of
   the year); `scale1` = `generate_synthetic --scale 1` (issue 12's target size).
2. Each measurement runs in a child process of its own, so its peak memory
   (ru_maxrss) is its own: the compile child times `gather_report_data(year)`, then
   `render_report_pdf` (the whole compile, as `manage.py compile_report` does it), then
   `render_report_html` alone (warm); the floor child is WeasyPrint alone printing the same
   HTML with the same options (no Django, no database), and counts the pages.
3. Prints the table and the cost per record of the year, and writes the
   "Annual report" section of bench/results.md.

`--pages` (issue 12: "the web pages' p95 stays within 2x while the report compiles"):
reuses bench/serve.py (gunicorn, locust, bench_queries) on the scale-1 database left by the
last run (`--reuse-db`, or builds it), and runs each page of PAGES_DURING at each client
count twice: idle, and with `compile_report` compiling in a separate process in a loop for
the whole window (printing in its child process at the portal's REPORT_NICE, as the task does).
"""

import argparse
import cProfile
import json
import pstats
import resource
import subprocess
import sys
import threading
import time
from datetime import datetime
from io import StringIO
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench import serve  # noqa: E402

OUT = serve.OUT / "report"
PYTHON = sys.executable
# generate_synthetic scales giving about 4x and 16x the demo's records of the reported year
# (load_demo: about 50 visits a year; scale 1: 2,000 visits a year; see results.md).
SCALES = {"demo": None, "4x": 0.08, "16x": 0.32, "scale1": 1.0}
DB_NAMES = {"demo": "reportbench", "4x": "reportbench4", "16x": "reportbench16", "scale1": "reportbench"}  # fmt: skip
TARGETS = {"seconds": 60, "rss_mb": 1024, "over_floor": 1.5}  # issue 12, scale-1 year
PAGES_DURING = ("visit list", "dashboard")


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sets", default="demo,4x,16x,scale1", help="data sets, in this order")
    p.add_argument("--year", type=int, default=datetime.now().year - 1, help="last full year")
    p.add_argument("--lang", default="fi")
    p.add_argument("--db-host", default="postgres://postgres@127.0.0.1:5432/")
    p.add_argument(
        "--db-name", default="", help="--pages: the scale-1 database's name (reportbench)"
    )
    p.add_argument("--reuse-db", action="store_true", help="keep the databases built earlier")
    p.add_argument("--profile", action="store_true", help="cProfile each compile child")
    p.add_argument("--no-write", action="store_true", help="leave bench/results.md alone")
    p.add_argument("--pages", action="store_true", help="web pages with and without a compile")
    p.add_argument("--users", default="1,4", help="--pages: concurrent clients (1,4)")
    p.add_argument("--duration", type=int, default=45, help="--pages: seconds per run (45)")
    p.add_argument("--port", type=int, default=8121)
    p.add_argument(
        "--nice", type=int, default=0,
        help="--pages: start compile_report itself with `nice -n` (0; its printing child runs at REPORT_NICE anyway)",
    )  # fmt: skip
    p.add_argument("--report-from", default="", help="re-write results.md from a run's JSON")
    p.add_argument("--child", choices=("compile", "floor"), help=argparse.SUPPRESS)
    p.add_argument("--html", help=argparse.SUPPRESS)
    p.add_argument("--slug", default="", help=argparse.SUPPRESS)
    return p.parse_args(argv)


def serve_args(args, dataset: str):
    """bench/serve.py's arguments for one data set: its django_env, manage, gunicorn ..."""
    scale = SCALES[dataset] or 0
    name = (args.db_name if dataset == "scale1" else "") or DB_NAMES[dataset]
    if "bench" not in name:
        sys.exit(f"bench: the database name must contain 'bench' (it is dropped): {name}")
    return serve.parse_args([
        "--scale", str(scale), "--database-url", args.db_host + name,
        "--port", str(args.port), "--users", args.users, "--duration", str(args.duration),
    ])  # fmt: skip


# --------------------------------------------------------------------------- children


def _rss_mb() -> float:
    """Peak RSS of this process or of its largest child (the printing child, REPORT_NICE)."""
    peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))  # fmt: skip
    return peak / 1024  # KiB on Linux


def child_compile(args) -> dict:
    import django

    django.setup()
    from reports.gather import gather_report_data
    from reports.render import render_report_html, render_report_pdf

    profile = cProfile.Profile() if args.profile else None
    rss_start = _rss_mb()
    t0 = time.perf_counter()
    if profile:
        profile.enable()
    data = gather_report_data(args.year)
    t1 = time.perf_counter()
    pdf = render_report_pdf(data, args.lang, draft=False)
    t2 = time.perf_counter()
    if profile:
        profile.disable()
    rss = _rss_mb()
    t3 = time.perf_counter()
    html = render_report_html(data, args.lang, draft=False)
    t4 = time.perf_counter()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{args.slug}.html").write_text(html, encoding="utf-8")
    (OUT / f"{args.slug}.pdf").write_bytes(pdf)
    result = {
        "gather_s": t1 - t0,
        "pdf_s": t2 - t1,  # render_report_pdf: the HTML and its printing
        "total_s": t2 - t0,
        "html_s": t4 - t3,
        "rss_mb": rss,
        "rss_start_mb": rss_start,
        "pdf_bytes": len(pdf),
        "html_bytes": len(html.encode()),
        "records": records(data),
    }
    if profile:
        path = OUT / f"{args.slug}.prof"
        profile.dump_stats(path)
        text = StringIO()
        pstats.Stats(profile, stream=text).sort_stats("tottime").print_stats(15)
        result["profile"] = str(path.relative_to(REPO))
        print(text.getvalue(), file=sys.stderr)
    return result


def child_floor(args) -> dict:
    """WeasyPrint alone: the same HTML, base URL and PDF options as render_report_pdf, its own
    default URL fetcher; nothing of Django or the database."""
    from weasyprint import HTML

    html = Path(args.html).read_text(encoding="utf-8")
    base = (REPO / "reports" / "static" / "reports").as_uri() + "/"
    t0 = time.perf_counter()
    document = HTML(string=html, base_url=base).render(pdf_variant="pdf/ua-1", pdf_tags=True)
    pages = len(document.pages)
    pdf = document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True, uncompressed_pdf=False)
    t1 = time.perf_counter()
    return {"floor_s": t1 - t0, "floor_rss_mb": _rss_mb(), "pages": pages, "floor_bytes": len(pdf)}


def records(data: dict) -> dict:
    """The reported year's records, from the gathered data itself: what the report counts
    (visits, events) and what it lists row by row."""
    v = data["visits"]
    counted = {
        "visits": v["total"],
        "events": data["events"]["held"],
        "partnerships": len(data["partnerships"]["twin_cities"])
        + len(data["partnerships"]["agreements"]),  # fmt: skip
        "projects": len(data["projects"]["rows"]),
        "networks": len(data["networks"]["rows"]),
    }
    listed = (
        len(v["dignitary"]) + len(v["technical"]["paid"]) + len(data["events"]["rows"])
        + len(data["partnerships"]["twin_cities"]) + len(data["partnerships"]["agreements"])
        + len(data["partnerships"]["new"]) + len(data["projects"]["rows"])
        + len(data["networks"]["rows"]) + len(data["advocacy"]["rows"])
    )  # fmt: skip
    # The indicator catalogue (its chapters and charts) is the same size in every data set.
    return {**counted, "total": sum(counted.values()), "listed_rows": listed, "indicators": len(data["catalogue"])}  # fmt: skip


def run_child(args, sargs, kind: str, slug: str, extra=()) -> dict:
    cmd = [PYTHON, str(Path(__file__)), "--child", kind, "--year", str(args.year), "--lang",
           args.lang, "--slug", slug, *extra]  # fmt: skip
    if args.profile:
        cmd.append("--profile")
    proc = subprocess.run(cmd, cwd=REPO, env=serve.django_env(sargs), capture_output=True, text=True)  # fmt: skip
    if proc.returncode:
        sys.exit(f"bench: the {kind} child failed:\n{proc.stderr[-3000:]}")
    if proc.stderr.strip() and args.profile:
        (OUT / f"{slug}.profile.txt").write_text(proc.stderr)
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- the data sets


def prepare(args, dataset: str) -> dict:
    sargs = serve_args(args, dataset)
    t0 = time.monotonic()
    if not args.reuse_db:
        serve._postgres_prepare(sargs.database_url)
        if SCALES[dataset] is None:
            serve.manage(sargs, "migrate", "--noinput", "-v0")
            env = dict(serve.django_env(sargs), DEBUG="true")  # load_demo refuses DEBUG off
            cmd = [PYTHON, "manage.py", "load_demo"]
            subprocess.run(cmd, cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)
        else:
            serve.manage(sargs, "generate_synthetic", "--scale", str(SCALES[dataset]), stdout=subprocess.DEVNULL)  # fmt: skip
    sizes = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c",
         "import json; from bench.synthetic import sizes_now; print(json.dumps(sizes_now()))"],
        cwd=REPO, env=serve.django_env(sargs), capture_output=True, text=True, check=True,
    ).stdout.strip().splitlines()[-1]  # fmt: skip
    return {
        "prepare_s": time.monotonic() - t0,
        "sizes": json.loads(sizes),
        "db": sargs.database_url,
    }


def measure(args, dataset: str) -> dict:
    sargs = serve_args(args, dataset)
    slug = f"{dataset}-{args.year}-{args.lang}"
    got = run_child(args, sargs, "compile", slug)
    got |= run_child(args, sargs, "floor", slug, ["--html", str(OUT / f"{slug}.html")])
    got["over_floor"] = got["total_s"] / got["floor_s"]
    return got


# --------------------------------------------------------------------------- pages while compiling


class CompileLoop:
    """`manage.py compile_report` in a separate process, again and again, until stopped."""

    def __init__(self, args, sargs):
        self.args, self.sargs, self.runs, self.seconds = args, sargs, 0, []
        self._stop, self._proc = threading.Event(), None
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self):
        out = OUT / "during.pdf"
        cmd = [PYTHON, "manage.py", "compile_report", "--year", str(self.args.year),
               "--lang", self.args.lang, "--out", str(out)]  # fmt: skip
        if self.args.nice:
            cmd = ["nice", "-n", str(self.args.nice), *cmd]
        while not self._stop.is_set():
            t0 = time.monotonic()
            self._proc = subprocess.Popen(cmd, cwd=REPO, env=serve.django_env(self.sargs), stdout=subprocess.DEVNULL)  # fmt: skip
            if self._proc.wait() == 0 and not self._stop.is_set():
                self.runs += 1
                self.seconds.append(time.monotonic() - t0)

    def __enter__(self):
        self._thread.start()
        time.sleep(3)  # past Django's start-up: the window measures the compile itself
        return self

    def __exit__(self, *exc):
        self._stop.set()
        if self._proc and self._proc.poll() is None:
            self._proc.terminate()
        self._thread.join(timeout=30)


def pages_during(args) -> dict:
    sargs = serve_args(args, "scale1")
    if not Path(sargs.locust).exists():
        sys.exit(f"bench: no locust at {sargs.locust}: run `make bench-venv` first")
    info = {} if args.reuse_db else prepare(args, "scale1")
    serve.manage(sargs, "collectstatic", "--noinput", "-v0")
    qfile = OUT / "queries-scale1.json"
    serve.manage(sargs, "bench_queries", "--json", str(qfile))
    q = json.loads(qfile.read_text())
    sargs.only = ""
    results = {}
    report_nice = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", "from django.conf import settings; print(settings.REPORT_NICE)"],
        cwd=REPO, env=serve.django_env(sargs), capture_output=True, text=True, check=True,
    ).stdout.strip().splitlines()[-1]  # fmt: skip
    proc, log = serve.start_gunicorn(sargs)
    try:
        for name, url, _base in serve.PAGES:
            if name not in PAGES_DURING:
                continue
            for users in [int(u) for u in args.users.split(",")]:
                for mode in ("idle", "compiling"):
                    serve.wait_idle(sargs)
                    env = {"BENCH_MODE": "page", "BENCH_URL": serve.fill(url, q["values"]),
                           "BENCH_SESSIONS": ",".join(q["sessions"])}  # fmt: skip
                    slug = f"report-{mode}-{name.replace(' ', '_')}-{users}u"
                    if mode == "idle":
                        got, loop = serve.locust(sargs, slug, users, args.duration, env), None
                    else:
                        with CompileLoop(args, sargs) as loop:
                            got = serve.locust(sargs, slug, users, args.duration, env)
                    row = got["rows"].get("page")
                    fig = serve.figures(row) if row else {"requests": 0, "failures": 0}
                    if loop:
                        fig["compiles"] = loop.runs
                        fig["compile_s"] = loop.seconds
                    results.setdefault(name, {}).setdefault(users, {})[mode] = fig
                    print(f"  {name:<12} {users} users {mode:<9} median {fig.get('median_ms')} "
                          f"p95 {fig.get('p95_ms')} ms, {fig['requests']} requests", flush=True)  # fmt: skip
    finally:
        serve.stop_gunicorn(proc, log)
    return {
        "pages": results, "info": info, "problems": serve.gunicorn_problems(), "report_nice": int(report_nice),
    }  # fmt: skip


# --------------------------------------------------------------------------- the report


def table(runs: dict, args) -> list[str]:
    lines = [
        "| Data set | visits in DB | records of the year | listed rows | pages | gather s | "
        "HTML s | compile total s | WeasyPrint alone s | total ÷ floor | peak RSS MB "
        "(compile / floor) | ms per record | growth vs demo per record | extra ms per extra record |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    base = runs.get("demo")
    for name, r in runs.items():
        m, rec = r["m"], r["m"]["records"]["total"]
        per = m["total_s"] / rec * 1000
        growth = marginal = "–"
        if base and name != "demo":
            b = base["m"]
            growth = f"{(m['total_s'] / b['total_s']) / (rec / b['records']['total']):.2f}"
            extra = rec - b["records"]["total"]
            if extra > 0:
                marginal = f"{(m['total_s'] - b['total_s']) / extra * 1000:.1f}"
        scale = SCALES[name]
        label = f"{name} (load_demo)" if scale is None else f"{name} (scale {scale:g})"
        lines.append(
            f"| {label} | {r['sizes']['visits']:,} | {rec:,} | {m['records']['listed_rows']:,} | "
            f"{m['pages']} | {m['gather_s']:.2f} | {m['html_s']:.2f} | {m['total_s']:.1f} | "
            f"{m['floor_s']:.1f} | {m['over_floor']:.2f}× | {m['rss_mb']:.0f} / "
            f"{m['floor_rss_mb']:.0f} | {per:.1f} | {growth} | {marginal} |"
        )
    return lines


def section(args, data: dict) -> str:
    runs = data["runs"]
    lines = [
        "<!-- report:annual -->",
        "## Annual report (issues 11 and 12): `make bench-report`",
        "",
        f"- Date: {data['date']}; commit {data['commit']}; {data['db']}",
        f"- Machine: {data['machine']}. **Shared** with other sessions' work (two cores, "
        "other helpers building and testing at the same time): times are for comparing the data sets "
        "within this run; an idle machine would be faster.",
        f"- The report of {args.year} in `{args.lang}`, final (not draft), compiled as "
        "`manage.py compile_report` does it (`gather_report_data` + `render_report_pdf`), "
        "each data set in a child process of its own (peak RSS = its ru_maxrss, Django "
        "and WeasyPrint included). *WeasyPrint alone* = a second child printing the same "
        "HTML with the same options (PDF/UA-1, tagged), no Django, no database: the floor. "
        "*HTML s* = `render_report_html` (templates and charts) timed separately; it is "
        "part of the compile total.",
        "- Data sets: demo = `load_demo` (1x); 4x and 16x = `generate_synthetic --scale "
        f"{SCALES['4x']:g}` and `--scale {SCALES['16x']:g}` (about 4 and 16 times the demo's "
        "records of the year: the synthetic city has 2,000 visits a year per unit of scale, "
        "the demo about 50); scale1 = `--scale 1` (issue 12's size: 20,000 visits over ten "
        "years). *Records of the year* = the year's visits + events held + partnerships in "
        "force + projects running + network memberships (from the gathered data; the "
        "catalogue of 46 indicators, each with its chart, is the same in every set); "
        "*listed rows* = the rows the PDF lists one by one. *Growth per record* = "
        "(time ÷ demo time) ÷ (records ÷ demo records): at most 1 means at most linear; "
        "*extra ms per extra record* = (time − demo time) ÷ (records − demo records).",
        "- One run per data set: on this shared machine a time varies by 10–20 % from run "
        "to run (the 4x set printed faster than the demo; the demo's compile came in under "
        "its floor), so read the small sets' differences as noise and the trend across "
        "the four sets as the result.",
        "",
        *table(runs, args),
        "",
    ]
    lines += ["Targets:", ""]
    s1 = runs.get("scale1", {}).get("m")
    if s1:
        ok = s1["total_s"] < TARGETS["seconds"]
        lines.append(f"- Scale-1 year under {TARGETS['seconds']} s (issue 12): {s1['total_s']:.1f} s → {'met' if ok else '**not met**'}")  # fmt: skip
        ok = s1["rss_mb"] < TARGETS["rss_mb"]
        lines.append(f"- Scale-1 peak memory under 1 GB: {s1['rss_mb']:.0f} MB → {'met' if ok else '**not met**'}")  # fmt: skip
        ok = s1["over_floor"] <= TARGETS["over_floor"]
        lines.append(f"- Scale-1 within 1.5× of WeasyPrint alone: {s1['over_floor']:.2f}× → {'met' if ok else '**not met**'}")  # fmt: skip
    demo = runs.get("demo", {}).get("m")
    if demo:
        ok = demo["total_s"] < 20
        lines.append(f"- Demo year under 20 s (issue 11): {demo['total_s']:.1f} s → {'met' if ok else '**not met**'}")  # fmt: skip
    if demo and len(runs) > 1:
        worst = max(
            (r["m"]["total_s"] / demo["total_s"])
            / (r["m"]["records"]["total"] / demo["records"]["total"])  # fmt: skip
            for n, r in runs.items()
            if n != "demo"
        )
        lines.append(f"- Cost at most linear in the records: worst growth per record {worst:.2f} → {'met' if worst <= 1 else '**not met**'}")  # fmt: skip
    lines.append("<!-- /report:annual -->")
    return "\n".join(lines) + "\n"


def pages_key(data: dict) -> str:
    return "report:pages-during" + (f"-nice{data['nice']}" if data.get("nice") else "")


def pages_section(args, data: dict) -> str:
    nice, report_nice = data.get("nice"), data.get("report_nice")
    printing = (
        f"; it prints the PDF in a child process at niceness {report_nice} "
        "(`REPORT_NICE`, the portal's setting; reports/printing.py)"
        if report_nice
        else ("; it prints the PDF in its own process" if report_nice == 0 else "")
    )
    lines = [
        f"<!-- {pages_key(data)} -->",
        "## Web pages while the report compiles (issue 12), scale 1: `make bench-report-pages`"
        + (f", the compile at niceness {nice} (`--nice {nice}`)" if nice else ""),
        "",
        f"- Date: {data['date']}; commit {data['commit']}; machine: {data['machine']}; "
        "**shared** two cores: gunicorn's two workers, PostgreSQL, locust and the compile "
        "all run on them.",
        f"- bench/serve.py's setup (gunicorn, 2 sync workers, DEBUG off, port {args.port}; locust "
        f"headless, signed in ahead, no think time), {args.duration} s a run. *Compiling*: "
        f"`manage.py compile_report --year {args.year}` in a separate process, restarted as soon "
        "as it ends, for the whole window"
        + (f", started with `nice -n {nice}` (the worker's priority lowered)" if nice else "")
        + printing
        + ".",
        "",
        "| Page | clients | idle median / p95 ms | compiling median / p95 ms | p95 ratio | "
        "compiles in the window | target p95 ≤ 2× |",
        "|---|---:|---|---|---:|---|---|",
    ]
    for name, by_users in data["pages"].items():
        for users, modes in by_users.items():
            i, c = modes.get("idle", {}), modes.get("compiling", {})
            ratio = (c.get("p95_ms") or 0) / i["p95_ms"] if i.get("p95_ms") else None
            done = ", ".join(f"{s:.0f} s" for s in c.get("compile_s", []))
            lines.append(
                f"| {name} | {users} | {serve._ms(i.get('median_ms'))} / {serve._ms(i.get('p95_ms'))} "
                f"| {serve._ms(c.get('median_ms'))} / {serve._ms(c.get('p95_ms'))} | "
                f"{'–' if ratio is None else f'{ratio:.2f}×'} | {c.get('compiles', 0)} finished"
                f"{' (' + done + ')' if done else ''} | "
                f"{'–' if ratio is None else ('met' if ratio <= 2 else '**not met**')} |"
            )
    lines += ["", f"gunicorn log: {len(data['problems'])} error lines.", f"<!-- /{pages_key(data)} -->"]  # fmt: skip
    return "\n".join(lines) + "\n"


def main(argv=None):
    args = parse_args(argv)
    if args.child:
        result = child_compile(args) if args.child == "compile" else child_floor(args)
        print(json.dumps(result))
        return
    if args.report_from:
        data = json.loads(Path(args.report_from).read_text())
        args.year = data["year"]
        if "pages" in data:
            data["pages"] = {n: {int(u): m for u, m in by.items()} for n, by in data["pages"].items()}  # fmt: skip
            text, key = pages_section(args, data), pages_key(data)
        else:
            text, key = section(args, data), "report:annual"
        print(text)
        if not args.no_write:
            serve.write_results(key, text)
        return
    OUT.mkdir(parents=True, exist_ok=True)
    data = {
        "date": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "machine": serve.machine(),
        "commit": serve.commit(),
        "year": args.year,
    }
    if args.pages:
        data |= pages_during(args)
        data["nice"] = args.nice
        name = f"pages-during{'-nice' + str(args.nice) if args.nice else ''}.json"
        (OUT / name).write_text(json.dumps(data, indent=1, default=str))
        text, key = pages_section(args, data), pages_key(data)
    else:
        data["runs"] = {}
        for dataset in args.sets.split(","):
            print(f"== {dataset}", flush=True)
            got = prepare(args, dataset)
            got["m"] = measure(args, dataset)
            data["runs"][dataset] = got
            m = got["m"]
            print(
                f"  {m['records']['total']} records, {m['pages']} pages: gather {m['gather_s']:.2f} s, "
                f"html {m['html_s']:.2f} s, total {m['total_s']:.1f} s, floor {m['floor_s']:.1f} s "
                f"({m['over_floor']:.2f}×), peak {m['rss_mb']:.0f} MB, "
                f"{m['total_s'] / m['records']['total'] * 1000:.1f} ms per record",
                flush=True,
            )  # fmt: skip
        data["db"] = "PostgreSQL"
        # A profiled run's times include cProfile's overhead: kept apart from the real ones.
        name = "report-profile.json" if args.profile else "report.json"
        (OUT / name).write_text(json.dumps(data, indent=1, default=str))
        text, key = section(args, data), "report:annual"
    print(text)
    if not args.no_write:
        serve.write_results(key, text)


if __name__ == "__main__":
    main()
