"""Report versions and reporting periods for the report tests."""

import datetime

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from metrics.models import Provider, ReportingPeriod, Source, Submission, SubmissionState
from reports.models import ReportState, ReportVersion, pdf_name

PDF = b"%PDF-1.7\n% a test file, not a real report\n"


def period(year: int, *, approved: bool, actor=None) -> ReportingPeriod:
    """A reporting period with one submission, approved or still a draft."""
    found = ReportingPeriod.objects.create(
        year=year, deadline=datetime.date(year + 1, 2, 28), is_open=not approved
    )
    provider, _ = Provider.objects.get_or_create(
        source=Source.STATISTICS, defaults={"name_fi": "Tilastokeskus"}
    )
    state = SubmissionState.APPROVED if approved else SubmissionState.DRAFT
    Submission.objects.create(period=found, provider=provider, state=state, created_by=actor)
    return found


class VersionFactory(factory.django.DjangoModelFactory):
    """A finished version with its PDF stored (state and flags as given)."""

    class Meta:
        model = ReportVersion
        skip_postgeneration_save = True

    year = 2025
    language = "fi"
    final = False
    state = ReportState.DONE
    finished_at = factory.LazyFunction(timezone.now)
    input_digest = "0" * 64
    figures = factory.LazyFunction(dict)

    @factory.post_generation
    def with_pdf(obj, create, extracted, **kwargs):
        if create and obj.state == ReportState.DONE:
            obj.pdf.save(pdf_name(obj), ContentFile(PDF), save=True)
