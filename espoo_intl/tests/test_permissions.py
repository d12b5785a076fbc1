"""Who gets which answer from the core's own pages: the start page, the health check, the
language choice, Django's sign-in and password pages, and the admin. Each app's pages are
in its own tests/test_permissions.py."""

from espoo_intl.export_jobs import ExportJob
from espoo_intl.testing import expect, matrix_test, row

ANYONE = expect(200, anonymous=200)  # no sign-in needed
SIGNED_IN = expect(200)  # anonymous users are sent to the login page
NOT_ALLOWED = expect(405, anonymous=405)  # the method is refused before anything else

MATRIX = [
    row("GET", "/", SIGNED_IN),
    row("GET", "/healthz", ANYONE),
    # Language: POST only; without "next" back to the start page, signed in or not.
    row("GET", "/language/", NOT_ALLOWED),
    row("POST", "/language/", expect(302, anonymous=302), data={"language": "en"}, login_url=None),
    # Signing in and out.
    row("GET", "/accounts/login/", ANYONE),
    row("POST", "/accounts/login/", ANYONE),  # an empty form comes back with its errors
    row("GET", "/accounts/logout/", NOT_ALLOWED),
    row("POST", "/accounts/logout/", expect(302, anonymous=302)),  # to the login page
    # Single sign-on (espoo_intl/oidc.py) is off unless OIDC_ENABLED: not found for anyone.
    row("GET", "/oidc/authenticate/", expect(404, anonymous=404)),
    row("GET", "/oidc/callback/", expect(404, anonymous=404)),
    # Changing one's own password needs a sign-in.
    row("GET", "/accounts/password_change/", SIGNED_IN),
    row("POST", "/accounts/password_change/", SIGNED_IN),
    row("GET", "/accounts/password_change/done/", SIGNED_IN),
    # A forgotten password: open to anyone; an unknown or forged link says so (200).
    row("GET", "/accounts/password_reset/", ANYONE),
    row("POST", "/accounts/password_reset/", ANYONE),
    row("GET", "/accounts/password_reset/done/", ANYONE),
    row("GET", "/accounts/reset/MQ/set-password/", ANYONE),
    row("GET", "/accounts/reset/done/", ANYONE),
    # The admin is for administrators only; everyone else goes to the admin's login.
    row("GET", "/admin/", expect(302, administrator=200)),
    # kv-tiimi's dashboard is for kv-tiimi, leadership and administrators; the calendar for all.
    row("GET", "/dashboard/", expect(403, kv=200, lead=200, administrator=200)),
    row("GET", "/calendar/", SIGNED_IN),
    # Anyone signed in renews their own feed address (POST only), back to the calendar.
    row("GET", "/calendar/token/", expect(405, anonymous=405)),
    row("POST", "/calendar/token/", expect(302)),
    # The feed needs no sign-in: an unknown key is simply not found, for anyone.
    row("GET", "/calendar/feed/nonsense.ics", expect(404, anonymous=404)),
    # Themes and organisation units: kept by kv-tiimi and administrators; an empty POST is an
    # incomplete formset (400).
    row("GET", "/settings/themes/", expect(403, kv=200, administrator=200)),
    row("POST", "/settings/themes/", expect(403, kv=400, administrator=400)),
    row("GET", "/settings/units/", expect(403, kv=200, administrator=200)),
    row("POST", "/settings/units/", expect(403, kv=400, administrator=400)),
    # A big export's job: only its requester (here staff) sees it, for anyone else it does
    # not exist; the job is still being prepared, so there is nothing to download yet.
    row("GET", "/exports/{export_job}/", expect(404, staff=200)),
    row("GET", "/exports/{export_job}/download/", expect(404)),
]

RECORDS = {
    "export_job": lambda ctx: ExportJob.objects.create(
        user=ctx["staff"], path="/", export_format="csv", filename="vienti.csv"
    ),
}

test_permissions = matrix_test(MATRIX, RECORDS)
