"""`manage.py bench_queries --json FILE`: in-process, for each page the server benchmark
measures, the status and the number of SQL queries (CaptureQueriesContext), and on
PostgreSQL the EXPLAIN ANALYZE of the visit list's queries. Also picks the keys the pages
need (bench/pages.py). Run with the benchmark's settings (bench.settings), DEBUG off."""

import json
import re
from datetime import date

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.pages import BASELINES, LIST_PAGES, PAGES, SIGN_IN_AS, fill
from espoo_intl.calendar import calendar_token_renew
from espoo_intl.models import User
from visits.models import Visit, VisitRequest


class Command(BaseCommand):
    help = "Count each benchmarked page's SQL queries in-process; EXPLAIN the list queries."

    def add_arguments(self, parser):
        parser.add_argument("--json", dest="out", required=True, help="write the results here")
        parser.add_argument(
            "--sessions", type=int, default=64, help="signed-in sessions for the load tool (64)"
        )

    def handle(self, *args, out: str, sessions: int, **options):
        user = User.objects.get(username=SIGN_IN_AS)
        values = {
            "year": date.today().year - 2,
            "visit": Visit.objects.order_by("-start_date", "-pk").values_list("pk", flat=True)[10],
            "request": self._request_pk(),
            "token": calendar_token_renew(user=user),
            "static": "/static/" + staticfiles_storage.stored_name("css/portal.css"),
        }
        client = Client(SERVER_NAME="127.0.0.1")
        client.force_login(user)
        result = {"values": values, "pages": {}, "explain": {}}
        for name, url, _baseline in [*PAGES, *BASELINES]:
            real = fill(url, values)
            client.get(real)  # warm: the first request of a kind fills caches
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(real)
            body = b"".join(response) if response.streaming else response.content
            result["pages"][name] = {
                "url": real,
                "status": response.status_code,
                "queries": len(ctx.captured_queries),
                "bytes": len(body),
            }
            self.stdout.write(f"  {name:<30} {response.status_code} {len(ctx):>3} queries  {real}")
            if connection.vendor == "postgresql" and (name in LIST_PAGES or "admin" in name):
                result["explain"][name] = self._explain(ctx.captured_queries)
        # Sessions signed in ahead (a real session row each, through Django's login), so the
        # page runs measure the page and not the password hashing of sign-in.
        # The load run's users are kv-tiimi (they create visits).
        kv = User.objects.get(username="kv")
        for key, who in (("sessions", user), ("sessions_kv", kv)):
            result[key] = []
            for _i in range(sessions):
                c = Client(SERVER_NAME="127.0.0.1")
                c.force_login(who)
                result[key].append(c.cookies[settings.SESSION_COOKIE_NAME].value)
        with open(out, "w", encoding="utf-8") as fh:
            json.dump(result, fh, indent=1, default=str)

    def _request_pk(self) -> int:
        """An open request with guests and a long checklist: the heaviest request page."""
        found = (
            VisitRequest.objects.annotate(
                g=Count("guests", distinct=True), c=Count("checklist", distinct=True)
            )
            .filter(g__gt=0)
            .order_by("-c", "-g", "pk")
            .values_list("pk", flat=True)
            .first()
        )
        return found or VisitRequest.objects.order_by("pk").values_list("pk", flat=True).first()

    def _explain(self, queries) -> list[dict]:
        """EXPLAIN ANALYZE of each statement that reads the visits table (the count and the
        page of rows; the year choices)."""
        plans = []
        for q in queries:
            sql = q["sql"]
            if not re.search(r'FROM "visits_visit"', sql) or not sql.lstrip().upper().startswith(
                "SELECT"
            ):
                continue
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)
                plan = "\n".join(row[0] for row in cursor.fetchall())
            plans.append({"sql": sql, "plan": plan})
        return plans
