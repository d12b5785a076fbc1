"""The events register's pages: the generic register views and the event page's actions
(each a small POST view that calls one service; see espoo_intl.views.actions)."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from espoo_intl.permissions import can_change
from espoo_intl.questionnaires import QuestionnaireForm, responses_for
from espoo_intl.views import ObjectDeleteView, ObjectDetailView, ObjectEditView, ObjectListView
from espoo_intl.views import TransitionView as CoreTransitionView
from espoo_intl.views.actions import RecordActionView
from espoo_intl.views.generic import record_page_context

from . import services
from .choices import AWAITING_DECISION, DECIDED_STATES, EventState
from .filtersets import EventFilterSet
from .forms import AgreementForm, BackgroundCheckForm, DecisionForm, EventForm
from .models import IMPACT, Event
from .tables import EventTable

_related = ("owning_unit__parent", "created_by")


class EventListView(ObjectListView):
    model = Event
    table_class = EventTable
    filterset_class = EventFilterSet
    select_related = ("owning_unit__parent",)
    prefetch_related = ("themes",)
    export_name = "tapahtumat"


class EventEditView(ObjectEditView):
    model = Event
    form_class = EventForm
    create_service = services.event_create
    update_service = services.event_update


class EventDeleteView(ObjectDeleteView):
    model = Event
    delete_service = services.event_delete


def _url_name(action: str) -> str:
    return f"events:event_{action}"


def event_page_context(user, event: Event, **forms) -> dict:
    """What the event page shows, limited to what this user may do."""
    editable = can_change(user, event) and not event.is_closed
    assessments = list(responses_for(event, IMPACT))
    ctx = record_page_context(user, event, url_name=_url_name, **forms)
    # The decision is made through its form (who, role, reference, date), not a bare button.
    ctx["transitions"] = [t for t in ctx["transitions"] if t["to"] not in DECIDED_STATES]
    ctx.update(
        {
            "can_change": editable,
            "assessment": assessments[0] if assessments else None,
            "earlier_assessments": assessments[1:],
            "can_assess": editable and event.state in AWAITING_DECISION,
            "assessment_form": forms.get("assessment_form")
            or QuestionnaireForm(IMPACT, response=assessments[0] if assessments else None),
            "can_decide": user.sees_everything and event.state == EventState.ASSESSED,
            "decision_form": forms.get("decision_form") or DecisionForm(),
            "background_checks": list(event.background_checks.all()),
            "can_check": user.sees_everything and not event.is_closed,
            "check_form": forms.get("check_form") or BackgroundCheckForm(),
            "agreements": list(event.agreements.select_related("attachment")),
            "agreement_form": forms.get("agreement_form") or AgreementForm(),
            "checklist": sorted(event.checklist.select_related("done_by"), key=lambda i: i.order),
            "attachments": event.attachments.all(),
        }
    )
    return ctx


class EventDetailView(ObjectDetailView):
    model = Event
    select_related = _related
    prefetch_related = ("themes",)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(event_page_context(self.request.user, self.object))
        return ctx


class TransitionView(CoreTransitionView):
    model = Event
    done_message = gettext_lazy("The event is now: %(state)s.")

    def page_context(self, obj, **forms) -> dict:
        ctx = super().page_context(obj, **forms)
        ctx.update(event_page_context(self.request.user, obj, **forms))
        return ctx


class EventActionView(RecordActionView):
    model = Event

    def closed_message(self, obj) -> str:
        return _("This event is closed: its records are kept as they are.")

    def page_context(self, obj, **forms) -> dict:
        return event_page_context(self.request.user, obj, **forms)


def _kv(user, obj) -> bool:
    return user.sees_everything


class AssessView(EventActionView):
    form_key = "assessment_form"
    success_message = gettext_lazy("The impact assessment was saved.")
    failure_message = gettext_lazy("Check the answers.")
    form_class = QuestionnaireForm

    def get_form(self, obj):
        return QuestionnaireForm(IMPACT, self.request.POST)

    def call_service(self, obj, form):
        services.event_assess(obj, actor=self.request.user, answers=form.answers(), how=form.how())


class DecideView(EventActionView):
    allowed = staticmethod(_kv)
    form_class = DecisionForm
    form_key = "decision_form"
    service = services.event_decide
    success_message = gettext_lazy("The decision was recorded.")
    failure_message = gettext_lazy("The decision was not recorded.")


class BackgroundCheckView(EventActionView):
    allowed = staticmethod(_kv)
    form_class = BackgroundCheckForm
    form_key = "check_form"
    service = services.background_check_add
    success_message = gettext_lazy("The background check was recorded.")
    failure_message = gettext_lazy("The background check was not recorded.")


class AgreementView(EventActionView):
    form_class = AgreementForm
    form_key = "agreement_form"
    success_message = gettext_lazy("The agreement was attached.")
    failure_message = gettext_lazy("The agreement was not attached.")

    def call_service(self, obj, form):
        services.agreement_add(
            obj, actor=self.request.user, file=form.cleaned_data["file"], **form.covers()
        )


class ChecklistItemView(EventActionView):
    """Ticks one checklist point; with htmx only the point is drawn again."""

    success_message = gettext_lazy("Checklist point saved.")

    def call_service(self, obj, form):
        item = get_object_or_404(obj.checklist, pk=self.kwargs["item_pk"])
        self.item = services.checklist_mark(
            item, actor=self.request.user, done=self.request.POST.get("done") == "on"
        )

    def done(self, obj, message):
        if self.request.headers.get("HX-Request"):
            ctx = {"object": obj, "item": self.item, "can_change": True, "saved": True}
            return render(self.request, "events/partials/checklist_item.html", ctx)
        return super().done(obj, message)
