"""Locust scenarios for bench/serve.py (run in the bench virtualenv, bench/requirements.txt).

BENCH_MODE=page: every user signs in, then requests BENCH_URL as fast as it can (closed
loop, no think time): median, p95 and throughput of one page at N concurrent clients.

BENCH_MODE=load (issue 8): every user signs in as kv-tiimi, then mixes reads, writes
(a new visit through the form: GET the form, take its CSRF and double-submit tokens, POST)
and exports, with think time. Each created visit's key is written to BENCH_WRITES at the
end, so serve.py can count the rows in the database against the successful creates.

Only the measured requests count: sign-in is reported under its own name and left out.
A response other than the expected status (a redirect to the sign-in page, a 500) fails.
"""

import json
import os
import random
import re
import sys
import uuid
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

from locust import HttpUser, between, constant, events, task

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import PASSWORD, SIGN_IN_AS  # noqa: E402

MODE = os.environ.get("BENCH_MODE", "page")
URL = os.environ.get("BENCH_URL", "/healthz")
YEAR = os.environ.get("BENCH_YEAR", str(date.today().year - 2))
VISIT = os.environ.get("BENCH_VISIT", "1")
REQUEST = os.environ.get("BENCH_REQUEST", "1")
THINK = float(os.environ.get("BENCH_THINK", "2"))
CREATED: list[int] = []
VISIT_URL = re.compile(r"/visits/(\d+)/$")


class FormFields(HTMLParser):
    """The values a browser would send for a form as rendered: inputs, selected options,
    textareas (empty here)."""

    def __init__(self):
        super().__init__()
        self.values, self._select = {}, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if (
            tag == "input"
            and a.get("name")
            and a.get("type") not in ("checkbox", "radio", "submit")
        ):
            self.values[a["name"]] = a.get("value") or ""
        elif tag == "input" and a.get("type") in ("checkbox", "radio") and "checked" in a:
            self.values[a["name"]] = a.get("value") or "on"
        elif tag == "select":
            self._select = a.get("name")
            self.values.setdefault(self._select, "")
        elif tag == "option" and self._select and "selected" in a:
            self.values[self._select] = a.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def form_values(html: str) -> dict:
    parser = FormFields()
    parser.feed(html)
    return parser.values


class Signed(HttpUser):
    abstract = True
    username = SIGN_IN_AS

    def on_start(self):
        page = self.client.get("/accounts/login/", name="(sign-in)")
        token = form_values(page.text).get("csrfmiddlewaretoken", "")
        with self.client.post(
            "/accounts/login/",
            data={"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
            name="(sign-in)",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"sign-in answered {response.status_code}")
                self.stop()

    def get_page(self, url, name, expect=200):
        with self.client.get(url, name=name, allow_redirects=False, catch_response=True) as r:
            if r.status_code != expect:
                r.failure(f"{r.status_code} for {url}")


SESSIONS = [s for s in os.environ.get("BENCH_SESSIONS", "").split(",") if s]
_next_session = iter(range(10**6))


class PageUser(Signed):
    """One page, as fast as the server answers it. Signed in ahead (BENCH_SESSIONS, made by
    `bench_queries`): one session per user, and one untimed request to warm up."""

    wait_time = constant(0)

    def on_start(self):
        if not SESSIONS:
            return super().on_start()
        self.client.cookies.set("sessionid", SESSIONS[next(_next_session) % len(SESSIONS)])
        self.client.get(URL, name="(warm-up)", allow_redirects=False)

    @task
    def page(self):
        self.get_page(URL, "page")


class LoadUser(Signed):
    """Issue 8's mix: mostly reads, some creates, a few exports."""

    username = "kv"
    wait_time = between(THINK / 2, THINK * 1.5)

    def on_start(self):
        """Signed in ahead as kv-tiimi (BENCH_SESSIONS) unless BENCH_SIGN_IN=form: then each
        user signs in through the form first (50 argon2 hashes at once: a sign-in storm)."""
        if SESSIONS and os.environ.get("BENCH_SIGN_IN") != "form":
            self.client.cookies.set("sessionid", SESSIONS[next(_next_session) % len(SESSIONS)])
        else:
            super().on_start()

    @task(10)
    def visit_list(self):
        self.get_page("/visits/", "visit list")

    @task(5)
    def visit_list_filtered(self):
        kind = random.choice(["technical", "dignitary", "city_delegation"])
        self.get_page(f"/visits/?year={YEAR}&kind={kind}", "visit list, filtered")

    @task(3)
    def visit_search(self):
        self.get_page("/visits/?q=" + random.choice(["delegation", "Stadt", "opetus"]), "visit list, searched")  # fmt: skip

    @task(5)
    def visit_detail(self):
        self.get_page(f"/visits/{VISIT}/", "visit detail")

    @task(4)
    def request_page(self):
        self.get_page(f"/requests/{REQUEST}/", "request page")

    @task(3)
    def request_list(self):
        self.get_page("/requests/", "request list")

    @task(3)
    def dashboard(self):
        self.get_page("/dashboard/", "dashboard")

    @task(2)
    def calendar(self):
        self.get_page("/calendar/", "calendar")

    @task(4)
    def create_visit(self):
        form = self.client.get("/visits/new/", name="visit form")
        if form.status_code != 200:
            return
        data = form_values(form.text)
        start = date.today() + timedelta(days=random.randint(1, 200))
        data.update(
            title=f"Kuormitustesti {uuid.uuid4().hex[:12]}",
            kind="technical",
            direction="incoming",
            visiting_organisation="Stockholms stad",
            country="SE",
            start_date=start.isoformat(),
            end_date=start.isoformat(),
            group_size="5",
            interpretation="none",
            status="planned",
            media_hits="0",
        )
        data.pop("paid", None)
        with self.client.post(
            "/visits/new/",
            data=data,
            name="visit create (POST)",
            allow_redirects=False,
            catch_response=True,
        ) as r:
            found = VISIT_URL.search(r.headers.get("Location", ""))
            if r.status_code == 302 and found:
                CREATED.append(int(found.group(1)))
            else:
                r.failure(f"create answered {r.status_code}")

    @task(1)
    def export_csv(self):
        self.get_page(f"/visits/?year={YEAR}&kind=technical&_export=csv", "export csv (a year's technical visits)")  # fmt: skip

    @task(1)
    def export_xlsx(self):
        self.get_page(f"/visits/?year={YEAR}&kind=dignitary&_export=xlsx", "export xlsx (a year's dignitary visits)")  # fmt: skip


if MODE == "page":
    del LoadUser
else:
    del PageUser


@events.test_stop.add_listener
def _write_created(**_kwargs):
    target = os.environ.get("BENCH_WRITES")
    if target:
        Path(target).write_text(json.dumps(CREATED))
