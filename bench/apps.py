from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmarks' Django app: `generate_synthetic` and a bench-only admin of the visits.
    Installed only by bench.settings (the benchmark's settings), never in production."""

    name = "bench"
    verbose_name = "Benchmarks"
    default_auto_field = "django.db.models.BigAutoField"
