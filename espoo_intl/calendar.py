"""The portal calendar: one entry type that every app's calendar source returns, the
month grid, the personal iCal feed's content and its secret key.

An app declares `registry.CalendarSource(entries=..., fingerprint=...)`; the calendar page
and the feed collect the entries of every source.
"""

import calendar
import datetime
import hashlib
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from . import registry

__all__ = [
    "detail_urls",
    "CalendarEntry", "calendar_entries", "calendar_fingerprint", "month_bounds",
    "month_weeks", "feed_ical", "calendar_token_renew", "reader_rights", "feed_cache_key",
    "FEED_CACHE_SECONDS",
]  # fmt: skip

# The feed's body is kept this long for an unchanged fingerprint (issue 12: building it
# takes 300-500 ms at city scale; calendar apps poll it). A change makes a new key at once.
FEED_CACHE_SECONDS = 6 * 60 * 60


@dataclass(frozen=True)
class CalendarEntry:
    """One record as the calendar shows it (all-day, start..end inclusive).

    `uid` is stable per record, so calendar apps update an event instead of duplicating it.
    A `confidential` entry shows only `confidential_title` and its dates in the feed.
    `details` are the feed description's lines; `badge` is shown beside the title on the
    month page; `confirmed` means agreed to happen (or already happened)."""

    uid: str
    title: str
    start: datetime.date
    end: datetime.date
    url: str
    updated_at: datetime.datetime
    confidential: bool = False
    confirmed: bool = False
    confidential_title: str = ""
    details: tuple = ()
    badge: str = ""

    def spans(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end


def detail_urls(viewname: str):
    """`reverse(viewname, args=[pk])` for the many records of a month or a feed: the URL is
    reversed once and each key put in (the pattern takes one integer key)."""
    marker = str(2**62 + 7)
    template = reverse(viewname, args=[marker])
    return lambda pk: template.replace(marker, str(pk))


def calendar_entries(
    *, user, start: datetime.date, end: datetime.date | None = None
) -> list[CalendarEntry]:
    """Every source's entries the user may read that overlap start..end (end None: no upper
    limit), ordered by start and end date (each source's own order within a day)."""
    entries = [
        entry
        for source in registry.calendar_sources()
        for entry in source.entries(user=user, start=start, end=end)
    ]
    return sorted(entries, key=lambda e: (e.start, e.end))


def reader_rights(user) -> str:
    """What decides which records the user reads: who they are, their roles and their
    department. A change of rights changes it, so no feed is served from before it."""
    roles = ",".join(sorted(user.roles))
    return f"{user.pk}|{user.is_active}|{roles}|{user.department_pk}"


def feed_cache_key(*, user, fingerprint: str, host: str) -> str:
    """The cache key of a feed body: the user's rights, the feed's fingerprint (its rows
    and language) and the host its links point to."""
    text = "|".join([reader_rights(user), fingerprint, host])
    return "calendar-feed:" + hashlib.sha256(text.encode()).hexdigest()


def calendar_fingerprint(*, user, start: datetime.date) -> str:
    """Changes whenever the feed from `start` on would: the feed's ETag. The reader's
    rights are part of it: two sets of rows can have the same count and latest change."""
    parts = [reader_rights(user), user.language, start.isoformat()]
    for source in registry.calendar_sources():
        if source.fingerprint is not None:
            parts.append(source.fingerprint(user=user, start=start))
        else:
            entries = source.entries(user=user, start=start, end=None)
            parts += [f"{e.uid}:{e.updated_at.isoformat()}" for e in entries]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def _weeks(year: int, month: int) -> list[list[datetime.date]]:
    return calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)


def month_bounds(year: int, month: int) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the month's grid: whole weeks, Monday to Sunday."""
    weeks = _weeks(year, month)
    return weeks[0][0], weeks[-1][-1]


def month_weeks(
    year: int, month: int, entries: list[CalendarEntry]
) -> list[list[tuple[datetime.date, list[CalendarEntry]]]]:
    """The month as weeks (Monday first) of (day, entries on that day)."""
    return [
        [(day, [e for e in entries if e.spans(day)]) for day in week]
        for week in _weeks(year, month)
    ]


def feed_ical(entries: list[CalendarEntry], *, absolute_url) -> bytes:
    """The entries as an iCalendar file of all-day events. Confidential entries show only
    their confidential title and their dates. Call inside the reader's language."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//City of Espoo//International affairs portal//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _("International Espoo"))
    for entry in entries:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", entry.updated_at.astimezone(datetime.UTC))
        event.add("dtstart", entry.start)
        # DTEND of an all-day event is the day after the last day (RFC 5545).
        event.add("dtend", entry.end + datetime.timedelta(days=1))
        event.add("status", "CONFIRMED" if entry.confirmed else "TENTATIVE")
        event.add("transp", "TRANSPARENT")
        if entry.confidential:
            event.add("summary", str(entry.confidential_title or _("Confidential")))
            event.add("class", "CONFIDENTIAL")
        else:
            url = absolute_url(entry.url)
            event.add("summary", entry.title)
            event.add("description", "\n".join([*map(str, entry.details), url]))
            event.add("url", url)
        cal.add_component(event)
    return cal.to_ical()


@transaction.atomic
def calendar_token_renew(*, user) -> str:
    """Give the user a new secret feed key and return it. The previous feed address stops
    working at once, because a feed is found only by the key now stored."""
    token = secrets.token_urlsafe(32)
    # No full_clean(): the only field written is generated here, never typed by a person.
    user.calendar_token = token
    user.save(update_fields=["calendar_token"])
    return token
