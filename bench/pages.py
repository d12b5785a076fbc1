"""The pages the server benchmark measures (bench/serve.py, bench/locustfile.py and
`manage.py bench_queries` read this list). Plain Python: the load tool imports it too.

Placeholders, filled by `bench_queries` from the generated data: {year} (a full past
year), {visit} (a visit's key), {request} (a request with guests and a checklist),
{token} (the signed-in user's iCal feed key), {static} (portal.css's hashed address).
"""

# name, URL, what it is compared with ("admin" baseline name or "")
PAGES = [
    ("visit list", "/visits/", "admin changelist"),
    ("visit list, filtered", "/visits/?year={year}&kind=technical", "admin changelist, filtered"),
    ("visit list, searched", "/visits/?q=delegation", "admin changelist, searched"),
    ("visit detail", "/visits/{visit}/", ""),
    ("request page", "/requests/{request}/", ""),
    ("dashboard", "/dashboard/", ""),
    ("metrics overview", "/metrics/overview/", ""),
    ("calendar", "/calendar/", ""),
    ("iCal feed", "/calendar/feed/{token}.ics", ""),
]
BASELINES = [
    ("admin changelist", "/admin/visits/visit/", ""),
    (
        "admin changelist, filtered",
        "/admin/visits/visit/?start_date__year={year}&kind__exact=technical",
        "",
    ),
    ("admin changelist, searched", "/admin/visits/visit/?q=delegation", ""),
    ("static file (floor)", "{static}", ""),
]
LIST_PAGES = ("visit list", "visit list, filtered", "visit list, searched")
SIGN_IN_AS = "admin"  # sees every record (as kv-tiimi does) and may open the admin
PASSWORD = "espoo-demo"


def fill(url: str, values: dict) -> str:
    return url.format(**values)
