"""Pages of the yearly round: periods (kv-tiimi opens one), the progress page, the
submissions, saving values and texts, workflow steps and reminders."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Max, Q
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from espoo_intl.permissions import can_change
from espoo_intl.views.generic import record_page_context
from espoo_intl.views.workflow import TransitionView

from .excel import UploadRefused, template_workbook, upload_apply
from .forms import PeriodOpenForm, SubmissionForm, UploadForm
from .models import ReportingPeriod, Submission, SubmissionState
from .rules import accepts_changes
from .services import period_close, period_open, period_reopen, submission_remind, submission_save

_FILLED = Q(values__number__isnull=False) | ~Q(values__text="")


def _kv_only(user) -> None:
    if not user.sees_everything:
        raise PermissionDenied


class PeriodListView(LoginRequiredMixin, View):
    template_name = "metrics/periods.html"

    def render_page(self, form, status=200):
        ctx = {"periods": ReportingPeriod.objects.all(), "form": form}
        return render(self.request, self.template_name, ctx, status=status)

    def get(self, request):
        return self.render_page(PeriodOpenForm() if request.user.sees_everything else None)

    def post(self, request):
        _kv_only(request.user)
        form = PeriodOpenForm(request.POST)
        if form.is_valid():
            try:
                period = period_open(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The reporting period is open."))
                return HttpResponseRedirect(period.get_absolute_url())
        return self.render_page(form, status=400)


def _progress(period):
    rows = (
        period.submissions.select_related("provider__unit")
        .annotate(
            total=Count("values", distinct=True),
            filled=Count("values", filter=_FILLED, distinct=True),
            last_value=Max("values__updated_at"),
        )
        .order_by("provider__order", "provider__name_fi")
    )
    for row in rows:
        row.not_started = (
            row.state == SubmissionState.DRAFT and row.filled == 0 and row.version == 1
        )
        row.last_change = max(filter(None, [row.updated_at, row.last_value]))
        yield row


class PeriodProgressView(LoginRequiredMixin, TemplateView):
    """kv-tiimi's progress page: per provider the state, how many values are filled, the
    last change and a button to remind."""

    template_name = "metrics/progress.html"

    def get_context_data(self, **kwargs):
        _kv_only(self.request.user)
        period = get_object_or_404(ReportingPeriod, pk=self.kwargs["pk"])
        return super().get_context_data(period=period, rows=list(_progress(period)), **kwargs)


class PeriodStateView(LoginRequiredMixin, View):
    """kv-tiimi closes (or reopens) a reporting period: GET asks for confirmation, POST
    does it through the service."""

    template_name = "metrics/period_state.html"
    closing = True

    def get_period(self):
        _kv_only(self.request.user)
        return get_object_or_404(ReportingPeriod, pk=self.kwargs["pk"])

    def get(self, request, pk):
        period = self.get_period()
        pending = period.submissions.filter(
            state__in=(SubmissionState.DRAFT, SubmissionState.RETURNED)
        ).count()
        ctx = {"period": period, "closing": self.closing, "pending": pending}
        return render(request, self.template_name, ctx)

    def post(self, request, pk):
        period = self.get_period()
        service = period_close if self.closing else period_reopen
        try:
            service(period, actor=request.user)
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
        else:
            messages.success(
                request,
                _("The reporting period is closed.")
                if self.closing
                else _("The reporting period is open again."),
            )
        return HttpResponseRedirect(period.get_absolute_url())


class SubmissionListView(LoginRequiredMixin, TemplateView):
    """The user's own submissions (their department's); everything for kv-tiimi and leadership."""

    template_name = "metrics/submissions.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        qs = Submission.objects.select_related("period", "provider")
        qs = (
            qs.for_user(user)
            if user.sees_everything or user.has_role("leadership")
            else qs.editable_by(user)
        )
        return super().get_context_data(submissions=qs, **kwargs)


def submission_page(request, submission, *, form=None, status=200, upload_errors=(), **forms):
    user = request.user
    editable = (
        can_change(user, submission)
        and submission.state in (SubmissionState.DRAFT, SubmissionState.RETURNED)
        and accepts_changes(user, submission)
    )
    if editable and form is None:
        form = SubmissionForm(submission=submission)
    ctx = {
        "object": submission,
        "submission": submission,
        "form": form if editable else None,
        "values": submission.values.select_related("indicator").order_by("indicator__order"),
        "kv": user.sees_everything,
        "upload_form": forms.pop("upload_form", None) or (UploadForm() if editable else None),
        "upload_errors": upload_errors,
        **record_page_context(
            user, submission, url_name=lambda action: f"metrics:submission_{action}", **forms
        ),
    }
    return render(request, "metrics/submission_detail.html", ctx, status=status)


class SubmissionView(LoginRequiredMixin, View):
    def get_object(self):
        qs = Submission.objects.for_user(self.request.user).select_related(
            "period", "provider__unit"
        )
        return get_object_or_404(qs, pk=self.kwargs["pk"])

    def get(self, request, pk):
        return submission_page(request, self.get_object())

    def post(self, request, pk):
        submission = self.get_object()
        if not can_change(request.user, submission):
            raise PermissionDenied
        if submission.state not in (SubmissionState.DRAFT, SubmissionState.RETURNED):
            messages.error(request, _("Only a draft or a returned submission can be edited."))
            return submission_page(request, submission, status=400)
        form = SubmissionForm(request.POST, submission=submission)
        if form.is_valid():
            try:
                submission_save(
                    submission, actor=request.user, values=form.value_data(),
                    texts=form.text_data(), version=form.cleaned_data["version"],
                )  # fmt: skip
            except ValidationError as error:
                for text in error.messages:
                    messages.error(request, text)
                return submission_page(request, submission, form=form, status=400)
            messages.success(request, _("Saved."))
            return HttpResponseRedirect(submission.get_absolute_url())
        messages.error(request, _("Nothing was saved. Please correct the errors below."))
        return submission_page(request, submission, form=form, status=400)


class SubmissionTransitionView(TransitionView):
    model = Submission
    url_prefix = "submission"

    def refused(self, obj, error, **forms):
        for text in error.messages:
            messages.error(self.request, text)
        return submission_page(self.request, obj, status=400, **forms)


class SubmissionRemindView(LoginRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        _kv_only(request.user)
        submission = get_object_or_404(Submission, pk=pk)
        try:
            sent = submission_remind(submission, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Reminder sent to %(n)s people.") % {"n": sent})
        return HttpResponseRedirect(reverse("metrics:period", args=[submission.period_id]))


class SubmissionTemplateView(SubmissionView):
    """The submission as an .xlsx template to fill in."""

    http_method_names = ["get"]

    def get(self, request, pk):
        submission = self.get_object()
        response = HttpResponse(
            template_workbook(submission),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        name = f"{submission.period.year}-{submission.provider.pk}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="metrics-{name}"'
        return response


class SubmissionUploadView(SubmissionView):
    """The filled-in template back: every row checked, saved all or nothing."""

    http_method_names = ["post"]

    def post(self, request, pk):
        submission = self.get_object()
        if not can_change(request.user, submission):
            raise PermissionDenied
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return submission_page(request, submission, status=400, upload_form=form)
        try:
            saved = upload_apply(submission, actor=request.user, upload=form.cleaned_data["file"])
        except UploadRefused as refused:
            messages.error(
                request, _("Nothing was saved from the file. Please correct the errors below.")
            )
            return submission_page(request, submission, status=400, upload_errors=refused.errors)
        except ValidationError as error:
            for text in error.messages:
                messages.error(request, text)
            return submission_page(request, submission, status=400)
        messages.success(request, _("Saved %(n)s values from the file.") % {"n": saved})
        return HttpResponseRedirect(submission.get_absolute_url())
