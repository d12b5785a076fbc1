"""bench/report.py's arithmetic and its floor child: the figures it writes say what was
measured (no timing assertions: the times here are made up or ignored)."""

import json
import subprocess
import sys
from pathlib import Path

from bench import report

REPO = Path(report.__file__).resolve().parent.parent


def _run(total, floor, records, rss=300.0, pages=40):
    return {
        "sizes": {"visits": records * 6},
        "m": {
            "records": {"total": records, "listed_rows": records // 2},
            "pages": pages,
            "gather_s": 1.0,
            "html_s": 0.5,
            "total_s": total,
            "floor_s": floor,
            "over_floor": total / floor,
            "rss_mb": rss,
            "floor_rss_mb": rss - 50,
        },
    }


def _section(runs):
    data = {"date": "d", "commit": "c", "machine": "m", "db": "PostgreSQL", "runs": runs}
    return report.section(report.parse_args(["--year", "2025"]), data)


def test_targets_met_when_scale_one_is_fast_lean_and_near_the_floor():
    text = _section({"demo": _run(10, 9, 100), "scale1": _run(40, 30, 3000, rss=500)})
    assert "Scale-1 year under 60 s (issue 12): 40.0 s → met" in text
    assert "Scale-1 peak memory under 1 GB: 500 MB → met" in text
    assert "within 1.5× of WeasyPrint alone: 1.33× → met" in text
    assert "Demo year under 20 s (issue 11): 10.0 s → met" in text
    # 4x the time for 30x the records: growth per record 0.13
    assert "worst growth per record 0.13 → met" in text


def test_targets_not_met_are_named():
    text = _section({"demo": _run(25, 10, 100), "scale1": _run(900, 100, 400, rss=1500)})
    assert "900.0 s → **not met**" in text
    assert "1500 MB → **not met**" in text
    assert "9.00× → **not met**" in text
    assert "Demo year under 20 s (issue 11): 25.0 s → **not met**" in text
    # 36x the time for 4x the records: superlinear
    assert "worst growth per record 9.00 → **not met**" in text


def test_the_floor_child_prints_the_html_and_counts_its_pages(tmp_path):
    html = tmp_path / "doc.html"
    pages = "".join(f'<p style="break-after: page">{i}</p>' for i in range(3))
    html.write_text(f"<html lang='fi'><title>t</title><body>{pages}</body></html>")
    proc = subprocess.run(
        [
            sys.executable,
            str(REPO / "bench" / "report.py"),
            "--child",
            "floor",
            "--html",
            str(html),
        ],  # fmt: skip
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert got["pages"] == 3
    assert got["floor_bytes"] > 1000
    assert got["floor_rss_mb"] > 0
