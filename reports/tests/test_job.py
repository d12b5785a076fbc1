"""The report job as kv-tiimi and leadership meet it: compiling from the page (the Celery task
runs in-process, CELERY_TASK_ALWAYS_EAGER), the draft/final rule, one job for two requests,
retries, failures with their reason, the sweep, publishing and the figures that changed since."""

import datetime
import threading

import hypothesis
import hypothesis.strategies
import pytest
from django.db import OperationalError, connection, connections
from django.utils import timezone

from espoo_intl import celery_app, outbox
from espoo_intl.testing import assert_constant_queries, hostile_form, post_hostile
from metrics.models import ReportingPeriod, Submission, SubmissionState
from metrics.tests.conftest import finnish
from reports import demo, services
from reports.models import ReportState, ReportVersion
from reports.tests.factories import VersionFactory, period

pytestmark = pytest.mark.django_db


def _compile(client, django_capture_on_commit_callbacks, **data):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post("/reports/compile/", {"language": "fi", "kind": "draft", **data})


def test_kv_compiles_a_draft_and_downloads_its_pdf(
    kv, client_for, django_capture_on_commit_callbacks
):
    period(2025, approved=False, actor=kv)
    client = client_for(kv)
    response = _compile(client, django_capture_on_commit_callbacks, year=2025)
    version = ReportVersion.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/reports/{version.pk}/"
    assert (version.state, version.final, version.started_by) == (ReportState.DONE, False, kv)
    assert version.data is not None and len(version.input_digest) == 64
    assert version.finished_at and version.attempts == 1
    page = client.get(f"/reports/{version.pk}/").content.decode()
    assert f"/reports/{version.pk}/download/" in page and 'hx-get="' not in page
    pdf = client.get(f"/reports/{version.pk}/download/")
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert "luonnos" in pdf["Content-Disposition"]


def test_a_running_job_is_polled_until_it_ends(kv, client_for):
    period(2025, approved=False, actor=kv)
    version, created = services.report_request(
        year=2025, language="sv", final=False, actor=kv, enqueue=False
    )
    client = client_for(kv)
    page = client.get(f"/reports/{version.pk}/").content.decode()
    assert f'hx-get="/reports/{version.pk}/progress/"' in page and 'hx-trigger="every 2s"' in page
    running = client.get(f"/reports/{version.pk}/progress/")
    assert running.status_code == 200 and 'aria-current="step"' in running.content.decode()
    services.report_build(version_id=version.pk)
    ended = client.get(f"/reports/{version.pk}/progress/")
    assert ended.status_code == 286  # htmx stops polling, and shows the download
    assert f"/reports/{version.pk}/download/" in ended.content.decode()


def test_the_final_report_needs_an_approved_period(
    kv, client_for, django_capture_on_commit_callbacks
):
    period(2024, approved=False, actor=kv)
    client = client_for(kv)
    response = _compile(client, django_capture_on_commit_callbacks, year=2024, kind="final")
    assert response.status_code == 400
    assert finnish(services.REASON_NOT_APPROVED) in response.content.decode()
    assert not ReportVersion.objects.exists()
    Submission.objects.filter(period__year=2024).update(state=SubmissionState.APPROVED)
    response = _compile(client, django_capture_on_commit_callbacks, year=2024, kind="final")
    version = ReportVersion.objects.get()
    assert (version.final, version.state) == (True, ReportState.DONE)


def test_a_year_without_a_period_is_refused_with_a_message(
    kv, client_for, django_capture_on_commit_callbacks
):
    period(2025, approved=True, actor=kv)
    for data in ({"year": 1999}, {"year": "x"}, {"year": 2025, "language": "de"}, {"year": 2025, "kind": "?"}):  # fmt: skip
        response = _compile(client_for(kv), django_capture_on_commit_callbacks, **data)
        assert response.status_code == 400
        assert 'role="alert"' in response.content.decode()
    assert not ReportVersion.objects.exists()


def test_a_period_reopened_before_the_job_runs_fails_the_final_with_the_reason(kv, client_for):
    period(2025, approved=True, actor=kv)
    version, _ = services.report_request(year=2025, language="en", final=True, actor=kv, enqueue=False)  # fmt: skip
    Submission.objects.filter(period__year=2025).update(state=SubmissionState.DRAFT)
    services.report_build(version_id=version.pk)
    version.refresh_from_db()
    assert version.state == ReportState.FAILED and not version.pdf
    page = client_for(kv).get(f"/reports/{version.pk}/").content.decode()
    assert finnish("The compilation failed.") in page
    assert finnish(services.REASON_NOT_APPROVED) in page
    assert version.failure_reason.startswith("The final report needs an approved reporting period")


def test_a_second_request_for_the_same_report_joins_the_running_job(kv, administrator, client_for):
    period(2025, approved=False, actor=kv)
    first, created = services.report_request(year=2025, language="fi", final=False, actor=kv, enqueue=False)  # fmt: skip
    assert created
    response = client_for(administrator).post(
        "/reports/compile/", {"year": 2025, "language": "fi", "kind": "draft"}
    )
    assert response.status_code == 302 and response["Location"] == f"/reports/{first.pk}/"
    assert ReportVersion.objects.count() == 1
    other, created = services.report_request(year=2025, language="sv", final=False, actor=kv, enqueue=False)  # fmt: skip
    assert created and ReportVersion.objects.count() == 2  # another language: its own job


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite's shared in-memory test database refuses a second writer at once ('table is "
    "locked') instead of waiting as the portal's file database does; runs on PostgreSQL (CI)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_requests_at_once_make_one_job(kv):
    period(2025, approved=False, actor=kv)
    start, found, errors = threading.Barrier(2), [], []

    def ask():
        start.wait()
        try:
            version, _ = services.report_request(
                year=2025, language="fi", final=False, actor=kv, enqueue=False
            )
            found.append(version.pk)
        except Exception as error:  # asserted below, in the test's own thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert ReportVersion.objects.count() == 1
    assert found == [ReportVersion.objects.get().pk] * 2


@pytest.fixture
def eager_retries():
    """In-process tasks that retry as a worker would (an eager task whose errors propagate
    raises its Retry instead of running again)."""
    conf = celery_app.conf
    saved, conf.task_eager_propagates = conf.task_eager_propagates, False
    yield
    conf.task_eager_propagates = saved


def test_a_transient_database_error_is_retried(
    kv, django_capture_on_commit_callbacks, eager_retries
):
    """The first write of the job meets a dropped connection: the task retries and finishes."""
    period(2025, approved=False, actor=kv)
    failed = []

    def drop_once(execute, sql, params, many, context):
        if not failed and sql.startswith('UPDATE "reports_reportversion"'):
            failed.append(sql)
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(drop_once), django_capture_on_commit_callbacks(execute=True):
        version, _ = services.report_request(year=2025, language="fi", final=False, actor=kv)
    version.refresh_from_db()
    assert failed and version.state == ReportState.DONE and version.pdf


def _stale(version, attempts):
    long_ago = timezone.now() - services.stale_after() - datetime.timedelta(minutes=1)
    ReportVersion.objects.filter(pk=version.pk).update(
        state=ReportState.RENDERING, attempts=attempts, heartbeat_at=long_ago
    )


def test_the_sweep_requeues_a_lost_job_and_fails_it_after_the_last_attempt(
    kv, django_capture_on_commit_callbacks
):
    period(2025, approved=False, actor=kv)
    lost, _ = services.report_request(year=2025, language="fi", final=False, actor=kv, enqueue=False)  # fmt: skip
    dead, _ = services.report_request(year=2025, language="sv", final=False, actor=kv, enqueue=False)  # fmt: skip
    fresh, _ = services.report_request(year=2025, language="en", final=False, actor=kv, enqueue=False)  # fmt: skip
    _stale(lost, attempts=1)
    _stale(dead, attempts=services.MAX_ATTEMPTS)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reports_sweep() == {"requeued": 1, "failed": 1}
    for version in (lost, dead, fresh):
        version.refresh_from_db()
    assert lost.state == ReportState.DONE and lost.pdf  # run again, to the end
    assert dead.state == ReportState.FAILED and "stopped without finishing" in dead.failure_reason
    assert fresh.state == ReportState.QUEUED  # not silent for long: left alone
    assert services.reports_sweep() == {"requeued": 0, "failed": 0}


def test_a_job_ended_already_is_not_run_again(kv):
    version = VersionFactory(state=ReportState.FAILED, failure_reason="x")
    assert services.report_build(version_id=version.pk) is None
    version.refresh_from_db()
    assert version.state == ReportState.FAILED and not version.pdf


def test_publishing_freezes_and_lists_the_figures_that_differ_now(kv, lead, client_for):
    """The published version keeps its figures; the page names those the portal now gives
    otherwise (here one that the data no longer gives at all)."""
    frozen = {"visits.total": {"label": "Vierailut yhteensä (testi)", "value": 321}}
    version = VersionFactory(final=True, figures=frozen)
    kv_client = client_for(kv)
    assert client_for(lead).get(f"/reports/{version.pk}/").status_code == 404
    response = kv_client.post(f"/reports/{version.pk}/publish/")
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.published and version.published_by == kv and version.figures == frozen
    page = client_for(lead).get(f"/reports/{version.pk}/").content.decode()
    assert "Vierailut yhteensä (testi)" in page and "321" in page
    assert "/publish/" not in page  # leadership reads, does not publish
    again = kv_client.post(f"/reports/{version.pk}/publish/")
    assert again.status_code == 400 and ReportVersion.objects.get().published


def test_a_visit_logged_after_publishing_shows_as_a_changed_figure(kv, lead, client_for):
    """The frozen figures are today's when published; a visit logged later in that year makes
    the published report's visit total differ, and the page says so with both numbers."""
    from reports.gather import gather_report_data, report_figures
    from visits.tests.factories import VisitFactory

    year = timezone.localdate().year - 1
    VisitFactory(start_date=datetime.date(year, 5, 4), end_date=datetime.date(year, 5, 4))
    published = report_figures(gather_report_data(year))
    version = VersionFactory(year=year, final=True, published=True, figures=published)
    before = client_for(lead).get(f"/reports/{version.pk}/").content.decode()
    assert "Vierailut yhteensä" not in before  # nothing differs yet
    VisitFactory(start_date=datetime.date(year, 9, 1), end_date=datetime.date(year, 9, 2))
    page = client_for(lead).get(f"/reports/{version.pk}/").content.decode()
    assert published["visits.total"]["value"] == 1
    row = "".join(page.split("<td>Vierailut yhteensä</td>", 1)[1].split("</tr>", 1)[0].split())
    assert row == "<td>1</td><td>2</td>"  # published, now


def test_leadership_lists_only_published_reports(kv, lead, client_for):
    VersionFactory(year=2023, final=True, published=True)
    VersionFactory(year=2024, final=False)
    VersionFactory(year=2022, final=True)
    lead_page = client_for(lead).get("/reports/").content.decode()
    assert "2023" in lead_page and "2024" not in lead_page and "2022" not in lead_page
    assert "/reports/compile/" not in lead_page
    kv_page = client_for(kv).get("/reports/").content.decode()
    assert all(str(y) in kv_page for y in (2022, 2023, 2024)) and "/reports/compile/" in kv_page
    published = ReportVersion.objects.get(published=True)
    home = client_for(lead).get("/").content.decode()  # the start page's tile links to it
    assert f"/reports/{published.pk}/download/" in home


def test_the_list_costs_the_same_queries_with_more_versions(kv, client_for):
    assert_constant_queries(
        client_for(kv),
        "/reports/",
        grow=lambda n: [VersionFactory(started_by=kv, year=2000 + i % 20) for i in range(n)],
    )


def test_the_demo_leaves_a_published_report_of_the_last_complete_year(kv, lead, client_for):
    from metrics import demo as metrics_demo

    metrics_demo.load(users={"kv": kv}, options={})
    assert "2025" in demo.load(users={"kv": kv}, options={})
    version = ReportVersion.objects.get()
    assert (version.year, version.final, version.published) == (2025, True, True)
    response = client_for(lead).get(f"/reports/{version.pk}/download/")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert demo.load(users={"kv": kv}, options={}).startswith("0")


@hypothesis.settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture],
)
@hypothesis.given(data=hypothesis.strategies.data())
def test_hostile_values_in_the_compile_form_never_break_the_page(kv, client_for, data):
    if not ReportingPeriod.objects.filter(year=2025).exists():
        period(2025, approved=False, actor=kv)
    base = {"year": "2025", "language": "fi", "kind": "final"}
    response = post_hostile(
        client_for(kv), "/reports/compile/", data.draw(hostile_form(base)), model=ReportVersion
    )
    assert response.status_code in (302, 400)
    assert not ReportVersion.objects.filter(final=True).exists()  # the period is not approved


def test_the_report_job_goes_to_the_configured_queue(settings):
    """Production may serve REPORT_QUEUE with a low-priority worker; by default it is the one
    queue every worker reads."""
    route = celery_app.amqp.router.route({}, services.COMPILE_TASK)
    assert route["queue"].name == settings.REPORT_QUEUE == "celery"
    assert celery_app.amqp.router.route({}, outbox.DELIVER_TASK)["queue"].name == "celery"
