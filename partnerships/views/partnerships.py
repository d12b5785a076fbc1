from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views import View

from espoo_intl.permissions import can_change, can_delete
from espoo_intl.questionnaires import responses_for
from espoo_intl.views import (
    ObjectDeleteView,
    ObjectDetailView,
    ObjectEditView,
    ObjectListView,
)
from espoo_intl.views import TransitionView as CoreTransitionView
from espoo_intl.views.actions import RecordActionView
from espoo_intl.views.generic import RegisterMixin, record_page_context

from .. import selectors, services
from ..choices import ASSESSMENT
from ..filtersets import PartnershipFilterSet
from ..forms import AssessmentForm, AttachmentForm, PartnershipForm
from ..models import Partnership
from ..tables import PartnershipTable

__all__ = [
    "PartnershipListView", "PartnershipDetailView", "PartnershipEditView", "PartnershipDeleteView",
    "TransitionView", "AssessView", "AttachmentAddView", "AssessmentsCompareView",
]  # fmt: skip


def partnership_page_context(user, obj, **forms) -> dict:
    """What the partnership page shows besides the core's record context."""
    editable = can_change(user, obj) and not obj.is_closed
    responses = list(responses_for(obj, ASSESSMENT))
    return {
        "assessments": [selectors.assessment_result(r) for r in responses],
        "assessment_form": forms.get("assessment_form")
        or AssessmentForm(response=responses[0] if responses else None),
        "can_assess": editable,
        "attachments": obj.attachments.all(),
        "attachment_form": forms.get("attachment_form") or AttachmentForm(),
        "can_attach": editable,
        "linked": selectors.linked_records(obj, user=user),
        "compare_url": reverse("partnerships:partnership_assessments", args=[obj.pk]),
    }


class PartnershipListView(ObjectListView):
    model = Partnership
    table_class = PartnershipTable
    filterset_class = PartnershipFilterSet
    select_related = ("owning_unit__parent",)
    prefetch_related = ("partners", "themes")
    export_name = "kumppanuudet"


class PartnershipDetailView(ObjectDetailView):
    model = Partnership
    select_related = ("owning_unit__parent", "created_by")
    prefetch_related = ("partners", "themes")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(partnership_page_context(self.request.user, self.object))
        return ctx


class PartnershipEditView(ObjectEditView):
    model = Partnership
    form_class = PartnershipForm
    create_service = services.partnership_create
    update_service = services.partnership_update


class PartnershipDeleteView(ObjectDeleteView):
    model = Partnership
    delete_service = services.partnership_delete


class TransitionView(CoreTransitionView):
    """Move a partnership along (the core's view, with the partnership page's context)."""

    model = Partnership
    done_message = gettext_lazy("The partnership is now: %(state)s.")

    def page_context(self, obj, **forms) -> dict:
        ctx = super().page_context(obj, **forms)
        ctx.update(partnership_page_context(self.request.user, obj, **forms))
        return ctx


class _PartnershipAction(RecordActionView):
    model = Partnership

    def closed_message(self, obj) -> str:
        return gettext_lazy("This partnership has ended: its records are kept as they are.")

    def page_context(self, obj, **forms) -> dict:
        user = self.request.user
        ctx = record_page_context(user, obj, url_name=lambda a: f"partnerships:partnership_{a}")
        ctx["can_change"] = can_change(user, obj) and not obj.is_closed
        ctx["can_delete"] = can_delete(user, obj)
        ctx["list_url"] = reverse("partnerships:partnership_list")
        ctx.update(partnership_page_context(user, obj, **forms))
        return ctx


class AssessView(_PartnershipAction):
    form_class = AssessmentForm
    form_key = "assessment_form"
    success_message = gettext_lazy("The assessment was saved.")
    failure_message = gettext_lazy("Check the answers.")

    def call_service(self, obj, form):
        services.partnership_assess(
            obj, actor=self.request.user, answers=form.answers(), how=form.how()
        )


class AttachmentAddView(_PartnershipAction):
    form_class = AttachmentForm
    form_key = "attachment_form"
    service = services.partnership_attachment_add
    success_message = gettext_lazy("Attachment saved.")
    failure_message = gettext_lazy("The attachment was not saved.")


class AssessmentsCompareView(RegisterMixin, View):
    """Every assessment of one partnership side by side, oldest first."""

    model = Partnership

    def get(self, request, pk):
        obj = get_object_or_404(self.get_queryset(), pk=pk)
        assessments, rows = selectors.assessments_compared(obj)
        ctx = {"object": obj, "assessments": assessments, "rows": rows, "meta": obj._meta}
        ctx["list_url"] = reverse("partnerships:partnership_list")
        return render(request, "partnerships/assessments_compare.html", ctx)
