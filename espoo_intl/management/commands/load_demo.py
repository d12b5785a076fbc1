"""Demo data that looks like the real city: one account per role, then each app's demo
data (its declared demo loader). Deterministic and idempotent; refuses to run with DEBUG off."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from espoo_intl import registry
from espoo_intl.models import OrgUnit, User
from espoo_intl.roles import Role

PASSWORD = "espoo-demo"
KOT = "Kasvun ja oppimisen toimiala"

# username, first name, last name (role mailboxes, no personal names), role, unit (fi), language
ACCOUNTS = [
    ("staff", "Asiantuntija", "KOT", Role.STAFF, "Suomenkielinen opetus", "fi"),
    ("contact", "Kv-vastuuhenkilö", "KOT", Role.CONTACT, KOT, "fi"),
    ("kv", "Kv-tiimi", "International", Role.KV_TEAM, "Kansainvälisten asioiden tiimi", "fi"),
    ("lead", "Johtoryhmä", "Espoo", Role.LEADERSHIP, "Konsernihallinto", "fi"),
    ("admin", "Pääkäyttäjä", "Espoo", Role.ADMINISTRATOR, "Konsernihallinto", "en"),
    ("staff-sote", "Asiantuntija", "STO", Role.STAFF, "Terveyspalvelut", "fi"),
    ("contact-sote", "Kv-vastuuhenkilö", "STO", Role.CONTACT, "Sosiaali- ja terveystoimiala", "fi"),
    ("staff-kym", "Asiantuntija", "KYT", Role.STAFF, "Kaupunkisuunnittelukeskus", "sv"),
]


class Command(BaseCommand):
    help = "Load demo accounts and each app's demo data (development only; safe to run twice)."

    def add_arguments(self, parser):
        for loader in registry.demo_loaders():
            for flag, kwargs in loader.arguments:
                parser.add_argument(flag, **kwargs)

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "load_demo refuses to run with DEBUG off: no demo accounts in production."
            )
        with transaction.atomic():
            users = self._accounts()
            done = [loader.load(users=users, options=options) for loader in registry.demo_loaders()]
        self.stdout.write(self.style.SUCCESS(f"Demo data ready ({', '.join(filter(None, done))})."))
        self.stdout.write(f"Demo accounts (password '{PASSWORD}'):")
        for username, _first, _last, role, unit, _lang in ACCOUNTS:
            self.stdout.write(f"  {username:<13} {Role(role).label} – {unit}")

    def _unit(self, name_fi: str) -> OrgUnit:
        return OrgUnit.objects.get(name_fi=name_fi)

    def _accounts(self) -> dict:
        users = {}
        for username, first, last, role, unit, lang in ACCOUNTS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@example.espoo.fi",
                    "unit": self._unit(unit),
                    "language": lang,
                },
            )
            if created:
                user.set_password(PASSWORD)
            if role == Role.ADMINISTRATOR:
                user.is_staff = user.is_superuser = True
            user.save()
            user.groups.set([Group.objects.get(name=role.value)])
            users[username] = user
        return users
