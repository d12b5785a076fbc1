"""`manage.py generate_synthetic --scale N` (with DJANGO_SETTINGS_MODULE=bench.settings):
ten years of a big city's records in every register, for the benchmarks (bench/synthetic.py)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from bench.synthetic import SCALE_1, generate
from visits.models import Visit


class Command(BaseCommand):
    help = (
        "Build a synthetic data set for the benchmarks into an empty database "
        f"(scale 1: {SCALE_1['visits']} visits, {SCALE_1['requests']} requests, ...)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1 = ten years of a big city")
        parser.add_argument("--seed", type=int, default=2026, help="random seed (2026)")
        parser.add_argument(
            "--no-migrate", action="store_true", help="the database is migrated already"
        )

    def handle(self, *args, scale, seed, no_migrate, **options):
        if not 0 < scale <= 16:
            raise CommandError("--scale must be above 0 and at most 16.")
        if not no_migrate:
            call_command("migrate", verbosity=0, interactive=False)
        if Visit.objects.exists():
            raise CommandError(
                "The database has visits already: generate_synthetic fills an empty database "
                "(the benchmark creates a fresh one)."
            )
        self.stdout.write(f"Generating scale {scale} (seed {seed})…")
        sizes = generate(scale, seed=seed, log=self.stdout.write)
        self.stdout.write(", ".join(f"{n} {name}" for name, n in sizes.items()))
