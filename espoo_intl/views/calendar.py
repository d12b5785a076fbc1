"""The portal calendar: a month page of every app's entries, and a personal iCal feed
found by a secret key."""

import datetime
import re

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from .. import registry
from ..calendar import (
    FEED_CACHE_SECONDS,
    calendar_entries,
    calendar_fingerprint,
    calendar_token_renew,
    feed_cache_key,
    feed_ical,
    month_bounds,
    month_weeks,
)

__all__ = ["calendar_month", "calendar_token", "calendar_feed"]

MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
MIN_YEAR, MAX_YEAR = 1900, 2100
# The feed reaches back a year; older entries only slow calendar apps down.
FEED_PAST_DAYS = 365


def _parse_month(value: str) -> tuple[int, int] | None:
    match = MONTH_RE.match(value)
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    return year, month


def _shift(year: int, month: int, by: int) -> str:
    index = year * 12 + (month - 1) + by
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _feed_url(request, token: str) -> str:
    return request.build_absolute_uri(reverse("calendar_feed", args=[token]))


@never_cache  # the page shows the user's secret feed address
@login_required
def calendar_month(request):
    today = timezone.localdate()
    year, month = today.year, today.month
    raw = request.GET.get("month")
    if raw is not None:
        parsed = _parse_month(raw.strip())
        if parsed:
            year, month = parsed
        else:
            messages.warning(
                request,
                _("The month could not be read (use the form YYYY-MM); showing the current month."),
            )
    first_shown, last_shown = month_bounds(year, month)
    entries = calendar_entries(user=request.user, start=first_shown, end=last_shown)
    weeks = [
        {"number": week[0][0].isocalendar().week, "days": week}
        for week in month_weeks(year, month, entries)
    ]
    first = datetime.date(year, month, 1)
    token = request.user.calendar_token
    ctx = {
        "month_label": date_format(first, "YEAR_MONTH_FORMAT"),
        "month": month,
        "weeks": weeks,
        "weekdays": [(WEEKDAYS[i], WEEKDAYS_ABBR[i]) for i in range(7)],
        "today": today,
        "previous_month": _shift(year, month, -1),
        "next_month": _shift(year, month, 1),
        "current_month": f"{today.year:04d}-{today.month:02d}",
        "entry_count": len({e.uid for e in entries}),
        "notes": [s.note for s in registry.calendar_sources() if s.note],
        "feed_url": _feed_url(request, token) if token else "",
    }
    return render(request, "calendar.html", ctx)


@require_POST
@login_required
def calendar_token(request):
    had_token = bool(request.user.calendar_token)
    calendar_token_renew(user=request.user)
    if had_token:
        messages.success(
            request,
            _("Your calendar feed has a new address. The old address no longer works."),
        )
    else:
        messages.success(request, _("Your calendar feed address was created."))
    return redirect("calendar")


@require_safe
def calendar_feed(request, token: str):
    """No sign-in: the secret key in the address identifies the reader."""
    if not token:
        raise Http404
    user = get_user_model().objects.filter(calendar_token=token, is_active=True).first()
    if user is None:
        raise Http404
    start = timezone.localdate() - datetime.timedelta(days=FEED_PAST_DAYS)
    # Calendar apps poll the feed: an unchanged feed is answered with 304 and no body.
    fingerprint = calendar_fingerprint(user=user, start=start)
    etag = f'"{fingerprint}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
        response["ETag"] = etag
        return response
    # A changed row, language or right gives another fingerprint, so another key.
    key = feed_cache_key(
        user=user, fingerprint=fingerprint, host=f"{request.scheme}://{request.get_host()}"
    )
    body = cache.get(key)
    if body is None:
        with translation.override(user.language):
            entries = calendar_entries(user=user, start=start)
            body = feed_ical(entries, absolute_url=request.build_absolute_uri)
        cache.set(key, body, FEED_CACHE_SECONDS)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="espoo-calendar.ics"'
    response["Cache-Control"] = "private, max-age=0"
    response["X-Robots-Tag"] = "noindex"
    response["ETag"] = etag
    return response
