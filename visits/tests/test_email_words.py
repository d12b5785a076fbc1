"""E-mails greet, sign with the team's name and show a one-day visit as one date; English
dates read as 29 Nov 2026 / 29.11.2026."""

import datetime

from django.conf import settings
from django.core import mail
from django.template import Context, Template
from django.utils import translation

from visits.services.requests import request_create

from .test_request_notifications import kv_member, message_to, request_data


def test_visit_request_mail_greets_signs_and_shows_one_day_as_one_date(
    django_capture_on_commit_callbacks, staff
):
    kv_en = kv_member("kv-en", "en")
    kv_fi = kv_member("kv-fi", "fi")
    kv_sv = kv_member("kv-sv", "sv")
    with django_capture_on_commit_callbacks(execute=True):
        request_create(actor=staff, **request_data())

    english = message_to(kv_en.email).body
    assert english.startswith("Hello,\n")
    assert "International Affairs Team (kv-tiimi), City of Espoo" in english
    assert "international@espoo.fi" in english
    assert "07.04.2025" in english
    assert "07.04.2025–" not in english and "04/07/2025" not in english
    finnish = message_to(kv_fi.email).body
    assert finnish.startswith("Hei,\n")
    assert "Kansainvälisten asioiden tiimi (kv-tiimi), Espoon kaupunki" in finnish
    assert "7.4.2025" in finnish and "7.4.2025–" not in finnish
    assert message_to(kv_sv.email).body.startswith("Hej,\n")
    assert len(mail.outbox) == 4  # and the international@ mailbox


def test_a_visit_of_several_days_keeps_both_dates(django_capture_on_commit_callbacks, staff):
    kv_fi = kv_member("kv-fi", "fi")
    with django_capture_on_commit_callbacks(execute=True):
        request_create(actor=staff, **request_data(proposed_end=datetime.date(2025, 4, 9)))

    assert "7.4.2025–9.4.2025" in message_to(kv_fi.email).body


def test_english_dates_are_day_month_year():
    day = datetime.date(2026, 11, 29)
    template = Template('{{ day|date }} {{ day|date:"SHORT_DATE_FORMAT" }}')
    with translation.override("en"):
        assert template.render(Context({"day": day})) == "29 Nov 2026 29.11.2026"
    assert settings.FORMAT_MODULE_PATH
