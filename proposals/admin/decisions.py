"""Decisions on a call's submissions, for the Programme team.

- Bulk actions (Wagtail's bulk-action framework, at /admin/bulk/proposals/submission/…):
  accept, put on the waiting list, reject, assign reviewers, a host's own action, and
  sending the outcome emails; each shows the submissions it would change and acts only
  once confirmed.
- A submission's page: answers, reviews, assignments, its decision, history, erasure.
- Outcome emails: staff pick which decided applicants to email now, then confirm on a
  page that counts them and previews one email per outcome.
- Assigning reviewers to a whole call and reminding reviewers, each confirmed first.
"""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from .. import emails, selectors, services
from ..forms import AssignForm
from ..models import (
    OUTCOME_STATUSES,
    REVIEWABLE_STATUSES,
    Review,
    Submission,
)
from .ranking import call_or_404

#: Most submissions one bulk action takes at once (the ranking shows 100 a page).
MAX_SELECTED = 500


class SubmissionBulkAction(BulkAction):
    """A confirmed action on submissions of one call that the user manages: those of
    other calls, or not reviewable, are left out; none left is a 404."""

    models = [Submission]
    template_name = "proposals/admin/bulk_confirm.html"
    statuses = REVIEWABLE_STATUSES
    confirm_label = None
    question = None

    def get_actionable_objects(self):
        if not hasattr(self, "_actionable"):
            ids = [pk for pk in self.request.GET.getlist("id") if pk.isdigit()][:MAX_SELECTED]
            submissions = list(
                Submission.objects.managed_by(self.request.user)
                .filter(pk__in=ids, status__in=self.statuses)
                .select_related("call")
                .order_by("title", "pk")
            )
            if not submissions:
                raise Http404
            self.call = call_or_404(self.request.user, submissions[0].call_id)
            self._actionable = [s for s in submissions if s.call_id == self.call.pk]
        return self._actionable, {"items_with_no_access": []}

    def get_execution_context(self):
        return {"user": self.request.user, "call": self.call}

    def object_context(self, obj):
        return {
            "item": obj,
            "url": reverse("proposals_decisions:submission", args=[obj.call_id, obj.pk]),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "call": self.call,
                "title": self.display_name,
                "question": self.question,
                "confirm_label": self.confirm_label or self.display_name,
            }
        )
        return context


class DecideBulkAction(SubmissionBulkAction):
    """Accept, waitlist or reject the selected submissions (emails are sent separately)."""

    status = None

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return services.decide(submissions=objects, status=cls.status, by=user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d submission marked “%(status)s”. Send the outcome emails when ready.",
            "%(count)d submissions marked “%(status)s”. Send the outcome emails when ready.",
            num_parent_objects,
        ) % {"count": num_parent_objects, "status": self.status.label}


#: The three decisions by action type (``services.DECISIONS`` gives each one's status): the
#: action's name, its accessible name, the confirmation's question and its button.
DECISION_LABELS = {
    "accept": (
        _("Accept"),
        _("Accept the selected submissions"),
        _("Accept these submissions? Nobody is emailed yet."),
        _("Yes, accept them"),
    ),
    "waitlist": (
        _("Put on the waiting list"),
        _("Put the selected submissions on the waiting list"),
        _("Put these submissions on the waiting list? Nobody is emailed yet."),
        _("Yes, put them on the waiting list"),
    ),
    "reject": (
        _("Reject"),
        _("Reject the selected submissions"),
        _("Reject these submissions? Nobody is emailed yet."),
        _("Yes, reject them"),
    ),
}


def decision_action(action_type):
    """The bulk action that gives the selected submissions the decision ``action_type``."""
    display_name, aria_label, question, confirm_label = DECISION_LABELS[action_type]
    return type(
        f"{action_type.capitalize()}BulkAction",
        (DecideBulkAction,),
        {
            "__module__": __name__,
            "action_type": action_type,
            "status": services.DECISIONS[action_type],
            "display_name": display_name,
            "aria_label": aria_label,
            "question": question,
            "confirm_label": confirm_label,
        },
    )


AcceptBulkAction = decision_action("accept")
WaitlistBulkAction = decision_action("waitlist")
RejectBulkAction = decision_action("reject")


class AssignReviewersBulkAction(SubmissionBulkAction):
    display_name = _("Assign reviewers")
    action_type = "assign-reviewers"
    aria_label = _("Assign reviewers to the selected submissions")
    question = _(
        "Give each of these submissions the call's number of reviewers, choosing the least "
        "busy ones? Reviewers are not emailed."
    )
    confirm_label = _("Yes, assign reviewers")

    @classmethod
    def execute_action(cls, objects, user=None, call=None, **kwargs):
        count = services.auto_assign(call=call, by=user, submission_ids=[s.pk for s in objects])
        return count, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d review assigned.", "%(count)d reviews assigned.", num_parent_objects
        ) % {"count": num_parent_objects}


class CallActionBulkAction(SubmissionBulkAction):
    """One of the host's own actions (``get_admin_actions``), e.g. draft sessions."""

    display_name = _("Run an action")
    action_type = "call-action"
    aria_label = _("Run an action on the selected submissions")

    @cached_property
    def action_name(self):
        self.get_actionable_objects()
        name = self.request.GET.get("name", "")
        if name not in dict(self.call.get_admin_actions()):
            raise Http404
        return name

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        label = dict(self.call.get_admin_actions())[self.action_name]
        context.update({"title": label, "confirm_label": label})
        return context

    def get_execution_context(self):
        return {**super().get_execution_context(), "action": self}

    @classmethod
    def execute_action(cls, objects, user=None, call=None, action=None, **kwargs):
        action.message = call.run_admin_action(
            name=action.action_name, submissions=objects, by=user
        )
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return self.message


class SendOutcomesBulkAction(SubmissionBulkAction):
    """Email the selected decided applicants their outcome, after a preview of one email
    per outcome; those already told are left out."""

    display_name = _("Send outcome emails")
    action_type = "send-outcome-emails"
    aria_label = _("Email the selected applicants their outcome")
    template_name = "proposals/admin/outcomes_confirm.html"
    statuses = OUTCOME_STATUSES

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        pending = {s.pk for s in selectors.outcomes_pending(call=self.call)}
        objects = [s for s in objects if s.pk in pending]
        if not objects:
            raise Http404
        return objects, extra

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        selected = [item["item"] for item in context["items"]]
        context["previews"] = outcome_previews(selected)
        context["next"] = self.request.GET.get("next") or reverse(
            "proposals_decisions:outcomes", args=[self.call.pk]
        )
        return context

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return services.send_outcomes(submissions=objects, by=user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d outcome email queued.",
            "%(count)d outcome emails queued.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


BULK_ACTIONS = [
    AcceptBulkAction,
    WaitlistBulkAction,
    RejectBulkAction,
    AssignReviewersBulkAction,
    CallActionBulkAction,
    SendOutcomesBulkAction,
]


def outcome_previews(submissions):
    """Per outcome among ``submissions``: how many, and one of their emails rendered as it
    would be sent now (subject and body)."""
    previews = []
    for status in OUTCOME_STATUSES:
        group = [s for s in submissions if s.status == status]
        if group:
            subject, body = emails.preview_submission_email(
                submission=group[0], kind=services.OUTCOME_EMAIL[status]
            )
            previews.append(
                {
                    "status": status,
                    "count": len(group),
                    "subject": subject,
                    "body": body,
                    "example": group[0],
                }
            )
    return previews


# --- Pages of one call ----------------------------------------------------------------


class CallAdminView(WagtailAdminTemplateMixin, TemplateView):
    """A page about one call the user manages (a 404 for a call restricted to a group
    they are not in, a refusal without the right to manage calls)."""

    header_icon = "form"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.call = call_or_404(request.user, kwargs["call_id"])

    def get_page_subtitle(self):
        return self.call.admin_display_title

    def ranking_url(self):
        return reverse("proposals_ranking:index", args=[self.call.pk])

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("proposals_calls:index"), "label": gettext("Calls")},
            {"url": self.ranking_url(), "label": self.call.admin_display_title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "call": self.call}


class ConfirmedCallActionView(CallAdminView):
    """GET: what would happen, and a button; POST: do it, back to the ranking."""

    template_name = "proposals/admin/call_action_confirm.html"

    def post(self, request, *args, **kwargs):
        messages.success(request, self.perform())
        return redirect(self.ranking_url())


class AutoAssignView(ConfirmedCallActionView):
    page_title = _("Assign reviewers")

    def get_context_data(self, **kwargs):
        reviewers = services.reviewer_candidates(self.call).count()
        return {
            **super().get_context_data(**kwargs),
            "explanation": ngettext(
                "Every submission still short of reviewers gets up to %(needed)d, chosen "
                "among %(count)d reviewer by who has the fewest reviews (never their own "
                "submission or one they declared a conflict on). Reviewers are not emailed.",
                "Every submission still short of reviewers gets up to %(needed)d, chosen "
                "among %(count)d reviewers by who has the fewest reviews (never their own "
                "submission or one they declared a conflict on). Reviewers are not emailed.",
                reviewers,
            )
            % {"needed": self.call.reviews_per_submission, "count": reviewers},
            "confirm_label": gettext("Assign reviewers"),
        }

    def perform(self):
        count = services.auto_assign(call=self.call, by=self.request.user)
        return ngettext("%(count)d review assigned.", "%(count)d reviews assigned.", count) % {
            "count": count
        }


class RemindView(ConfirmedCallActionView):
    page_title = _("Remind reviewers")

    def get_context_data(self, **kwargs):
        count = (
            Review.objects.pending()
            .filter(submission__call_id=self.call.pk, submission__status__in=REVIEWABLE_STATUSES)
            .values("reviewer_id")
            .distinct()
            .count()
        )
        return {
            **super().get_context_data(**kwargs),
            "explanation": ngettext(
                "%(count)d reviewer has unfinished reviews on this call and will be emailed "
                "a reminder.",
                "%(count)d reviewers have unfinished reviews on this call and will each be "
                "emailed a reminder.",
                count,
            )
            % {"count": count},
            "confirm_label": gettext("Send the reminders") if count else None,
        }

    def perform(self):
        count = services.remind_reviewers(call=self.call, by=self.request.user)
        return ngettext(
            "Reminder emailed to %(count)d reviewer.",
            "Reminder emailed to %(count)d reviewers.",
            count,
        ) % {"count": count}


class OutcomesView(CallAdminView):
    """The decided applicants not emailed yet, to pick from; the next page previews and
    confirms (SendOutcomesBulkAction)."""

    page_title = _("Outcome emails")
    template_name = "proposals/admin/outcomes.html"

    def get_context_data(self, **kwargs):
        pending = selectors.outcomes_pending(call=self.call)
        groups = [
            {"status": status, "submissions": [s for s in pending if s.status == status]}
            for status in OUTCOME_STATUSES
        ]
        return {
            **super().get_context_data(**kwargs),
            "groups": [group for group in groups if group["submissions"]],
            "pending_count": len(pending),
            "select_all": self.request.GET.get("select") == "all",
            "confirm_url": reverse(
                "wagtail_bulk_action",
                args=["proposals", "submission", SendOutcomesBulkAction.action_type],
            ),
        }


class EraseForm(forms.Form):
    understood = forms.BooleanField(
        label=_("I understand that this cannot be undone"),
        required=True,
    )


class SubmissionAdminView(CallAdminView):
    """A submission as the Programme team sees it: answers, reviews, assignments, its
    decision (the current one marked as chosen), emails, history."""

    template_name = "proposals/admin/submission.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.submission = get_object_or_404(
            Submission.objects.managed_by(request.user).select_related("applicant", "call"),
            pk=kwargs["pk"],
            call_id=self.call.pk,
        )

    def get_page_title(self):
        return self.submission.title or str(self.submission)

    def get_context_data(self, erase_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.submission
        reviews = list(submission.reviews.select_related("reviewer"))
        assigned = {r.reviewer_id for r in reviews}
        candidates = services.reviewer_candidates(self.call).exclude(pk__in=assigned)
        criteria_by_id = {str(c.pk): c for c in self.call.get_criteria()}
        if any(r.reviewer_id == self.request.user.pk and not r.others_seen_at for r in reviews):
            services.note_others_seen(by=self.request.user, submission=submission)
        if submission.applicant_id:
            candidates = candidates.exclude(pk=submission.applicant_id)
        context.update(
            {
                "submission": submission,
                "rows": submission.answer_rows(files=list(submission.files.all())),
                "summary": self.call.summary_rows(submission),
                "reviews": reviews,
                "criteria_by_id": criteria_by_id,
                "review_changes": selectors.review_changes(
                    submission=submission, criteria_by_id=criteria_by_id
                ),
                "assign_form": AssignForm(reviewers=candidates),
                "decisions": [
                    (key, status, submission.status == status)
                    for key, status in services.DECISIONS.items()
                ],
                "host_actions": self.call.get_admin_actions(),
                "events": list(submission.events.select_related("actor")),
                "emails": list(submission.email_logs.all()),
                "erase_form": erase_form or EraseForm(),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        submission = self.submission
        if action == "assign":
            form = AssignForm(request.POST, reviewers=services.reviewer_candidates(self.call))
            if form.is_valid():
                try:
                    services.assign(
                        submission=submission,
                        reviewer=form.cleaned_data["reviewer"],
                        by=request.user,
                    )
                    messages.success(request, gettext("Reviewer assigned."))
                except services.AssignmentRefused as error:
                    messages.error(request, str(error))
        elif action == "unassign":
            review = get_object_or_404(Review, pk=request.POST.get("review"), submission=submission)
            try:
                services.unassign(review=review, by=request.user)
                messages.success(request, gettext("Assignment removed."))
            except services.AssignmentRefused as error:
                messages.error(request, str(error))
        elif action in services.DECISIONS:
            services.decide(
                submissions=[submission], status=services.DECISIONS[action], by=request.user
            )
            messages.success(request, gettext("Decision recorded."))
        elif action == "host_action" and request.POST.get("host_action") in dict(
            self.call.get_admin_actions()
        ):
            messages.success(
                request,
                self.call.run_admin_action(
                    name=request.POST["host_action"], submissions=[submission], by=request.user
                ),
            )
        elif action == "erase":
            form = EraseForm(request.POST)
            if not form.is_valid():
                messages.error(request, gettext("Nothing was erased: tick the box to confirm."))
                return self.render_to_response(self.get_context_data(erase_form=form), status=400)
            services.erase_personal_data(submission=submission, by=request.user)
            messages.success(request, gettext("Personal data erased; anonymised scores are kept."))
        return redirect(request.path)


class DecisionsViewSet(ViewSet):
    """A call's outcome emails, assignment, reminders and submission pages, at
    /admin/calls/<call id>/…"""

    name = "proposals_decisions"
    url_prefix = "calls"
    icon = "form"

    def get_urlpatterns(self):
        return [
            path("<int:call_id>/outcomes/", OutcomesView.as_view(), name="outcomes"),
            path("<int:call_id>/assign/", AutoAssignView.as_view(), name="auto_assign"),
            path("<int:call_id>/remind/", RemindView.as_view(), name="remind"),
            path(
                "<int:call_id>/submissions/<int:pk>/",
                SubmissionAdminView.as_view(),
                name="submission",
            ),
        ]


decisions_viewset = DecisionsViewSet()
