"""Reviewer and Programme team screens inside the Wagtail admin.

Reviewers: their queue and the review form. Programme team: calls overview, ranking
(sort, filter, export, bulk decisions), assignments, outcome emails, reminders.
Each view parses input, checks a permission predicate, calls one service, renders.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from . import emails, exports, selectors, services
from .forms import AssignForm, ConflictForm, ReviewForm
from .models import OUTCOME_STATUSES, EmailKind, Review, Submission, SubmissionStatus
from .permissions import (
    MANAGE_CALL,
    REVIEW_SUBMISSION,
    VIEW_IDENTITY,
    display_title,
)


def _call_or_404(call_id):
    from .models import CallPageMixin

    page = get_object_or_404(Page, pk=call_id).specific
    if not isinstance(page, CallPageMixin):
        raise Http404
    return page


class RankingPaginator(WagtailPaginator):
    verbose_name = gettext_lazy("submission")
    verbose_name_plural = gettext_lazy("submissions")


class ProposalsAdminView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "form"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("proposals_admin:calls")
                if self.request.user.has_perm(MANAGE_CALL)
                else "",
                "label": _("Calls"),
            },
        ]


class ManagerMixin:
    """Only the Programme team (and the call's restricted group) may manage a call."""

    def dispatch(self, request, *args, **kwargs):
        self.call = _call_or_404(kwargs["call_id"])
        if not request.user.has_perm(MANAGE_CALL, self.call):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ReviewView(ProposalsAdminView):
    template_name = "proposals/admin/review.html"

    def dispatch(self, request, *args, **kwargs):
        self.review = get_object_or_404(selectors.reviews_with_context(), pk=kwargs["review_id"])
        if not request.user.has_perm(REVIEW_SUBMISSION, self.review):
            raise Http404
        self.submission = self.review.submission
        self.call = self.submission.call.specific
        self.submission.call = self.call
        self.submission_title = display_title(request.user, self.submission)
        categories = self.call.get_submission_categories(self.submission)
        # In the reviewer's language where the call is translated; scored by the same rows.
        self.criteria = [
            c
            for c in selectors.criteria_in_language(
                call=self.call, language=translation.get_language()
            )
            if c.applies(categories)
        ]
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Review: %(title)s") % {"title": self.submission_title}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("proposals_admin:queue"), "label": _("My reviews")},
            {"url": "", "label": self.submission_title},
        ]

    def get_context_data(self, form=None, conflict_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.submission
        show_identity = self.request.user.has_perm(VIEW_IDENTITY, submission)
        rows = submission.answer_rows(
            files=list(submission.files.all()),
            questions=selectors.questions_in_language(
                call=self.call, language=translation.get_language()
            ),
        )
        if not show_identity:
            personal = {
                q["key"]
                for q in submission.questions
                if q.get("personal_data") or q["field_type"] == "email"
            }
            rows = [row for row in rows if row["key"] not in personal]
        others = selectors.other_reviews(review=self.review) if self.review.is_done else None
        if others and self.review.others_seen_at is None:
            services.note_others_seen(by=self.request.user, submission=submission)
            self.review.refresh_from_db(fields=["others_seen_at"])
        context.update(
            {
                "review": self.review,
                "submission": submission,
                "call": self.call,
                "rows": rows,
                "summary": self.call.summary_rows(submission, anonymised=not show_identity),
                "show_identity": show_identity,
                # An uploaded file's name is often the applicant's ("Jane-Doe-CV.pdf").
                "hide_file_names": not show_identity,
                "form": form or ReviewForm(criteria=self.criteria, review=self.review),
                "conflict_form": conflict_form or ConflictForm(),
                "other_reviews": others,
                "criteria_by_id": {str(c.pk): c for c in self.criteria},
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        if self.review.is_locked:
            messages.error(request, _("This submission has been decided: your review is locked."))
            return redirect("proposals_admin:review", review_id=self.review.pk)
        if "declare_conflict" in request.POST:
            conflict_form = ConflictForm(request.POST)
            if conflict_form.is_valid():
                services.declare_conflict(
                    review=self.review, reason=conflict_form.cleaned_data["reason"], by=request.user
                )
                messages.success(
                    request,
                    _("Conflict of interest recorded: this submission has left your queue."),
                )
                return redirect("proposals_admin:queue")
            return self.render_to_response(self.get_context_data(conflict_form=conflict_form))
        form = ReviewForm(request.POST, criteria=self.criteria, review=self.review)
        if not form.is_valid():
            messages.error(request, _("The review could not be saved: please check the scores."))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        services.record_review(
            review=self.review,
            scores=form.scores(),
            comment=form.cleaned_data["comment"],
            recommendation=form.cleaned_data["recommendation"],
            by=request.user,
        )
        messages.success(request, _("Review saved. Other reviewers' scores are now visible below."))
        return redirect("proposals_admin:review", review_id=self.review.pk)


class RankingView(ManagerMixin, ProposalsAdminView):
    """Every listed submission is scored and sorted; a page of them is shown (the CSV and
    XLSX exports have them all)."""

    template_name = "proposals/admin/ranking.html"
    paginate_by = 100
    page_kwarg = "p"  # as Wagtail's listings

    def get_page_title(self):
        return _("Ranking: %(title)s") % {"title": self.call.title}

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [{"url": "", "label": self.call.title}]

    def get(self, request, *args, **kwargs):
        services.note_others_seen(by=request.user, call=self.call)
        file_format = request.GET.get("export")
        if file_format in ("csv", "xlsx"):
            rows, count, criteria = selectors.ranking_export(call=self.call, params=request.GET)
            return exports.export_response(
                call=self.call,
                rows=rows,
                count=count,
                criteria=criteria,
                file_format=file_format,
                user=request.user,
            )
        ordering = selectors.ranking_ordering(request.GET.get("ordering"))
        page, criteria = selectors.ranking_page(
            call=self.call,
            params=request.GET,
            ordering=ordering,
            page_number=request.GET.get(self.page_kwarg, 1),
            per_page=self.paginate_by,
            paginator_class=RankingPaginator,
        )
        base_query = request.GET.copy()
        for name in ("ordering", "export", self.page_kwarg):
            base_query.pop(name, None)
        context = self.get_context_data(
            base_query=base_query.urlencode(),
            page_obj=page,
            paginator=page.paginator,
            elided_page_range=page.paginator.get_elided_page_range(page.number),
            rows=page.object_list,
            criteria=criteria,
            ordering=ordering,
            statuses=[
                (s.value, s.label)
                for s in SubmissionStatus
                if s not in (SubmissionStatus.DRAFT, SubmissionStatus.WITHDRAWN)
            ],
            filters=self.call.get_ranking_filters(),
            params=request.GET,
            decisions=services.DECISIONS,
            host_actions=self.call.get_admin_actions(),
            call=self.call,
            sort_columns=[
                ("title", _("Title")),
                ("reviews", _("Reviews")),
                ("mean", _("Weighted mean")),
                ("spread", _("Spread")),
                ("calibrated", _("Calibrated")),
            ],
        )
        return self.render_to_response(context)

    def post(self, request, *args, **kwargs):
        ids = request.POST.getlist("submission")
        host_action = request.POST.get("host_action")
        if host_action:
            return self._run_host_action(request, host_action, ids)
        status = services.DECISIONS.get(request.POST.get("decision"))
        if status is None or not ids:
            messages.error(request, _("Choose a decision and at least one submission."))
        else:
            submissions = Submission.objects.filter(call_id=self.call.pk, pk__in=ids)
            changed = services.decide(submissions=submissions, status=status, by=request.user)
            messages.success(
                request,
                _(
                    "%(count)d submission(s) marked “%(status)s”. Preview and send the outcome emails when ready."
                )
                % {"count": changed, "status": status.label},
            )
        return redirect(request.get_full_path())

    def _run_host_action(self, request, name, ids):
        if name not in dict(self.call.get_admin_actions()) or not ids:
            messages.error(request, _("Choose an action and at least one submission."))
        else:
            submissions = list(Submission.objects.filter(call_id=self.call.pk, pk__in=ids))
            messages.success(
                request,
                self.call.run_admin_action(name=name, submissions=submissions, by=request.user),
            )
        return redirect(request.get_full_path())


class SubmissionAdminView(ManagerMixin, ProposalsAdminView):
    """A submission as the Programme team sees it: answers, reviews, assignments."""

    template_name = "proposals/admin/submission.html"

    def dispatch(self, request, *args, **kwargs):
        self.submission = get_object_or_404(
            Submission.objects.select_related("applicant", "call"),
            pk=kwargs["pk"],
            call_id=kwargs["call_id"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.submission.title

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {
                "url": reverse("proposals_admin:ranking", args=[self.call.pk]),
                "label": self.call.title,
            },
            {"url": "", "label": self.submission.title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        reviews = list(self.submission.reviews.select_related("reviewer"))
        assigned = {r.reviewer_id for r in reviews}
        candidates = services.reviewer_candidates(self.call).exclude(pk__in=assigned)
        criteria_by_id = {str(c.pk): c for c in self.call.get_criteria()}
        if any(r.reviewer_id == self.request.user.pk and not r.others_seen_at for r in reviews):
            services.note_others_seen(by=self.request.user, submission=self.submission)
        if self.submission.applicant_id:
            candidates = candidates.exclude(pk=self.submission.applicant_id)
        context.update(
            {
                "submission": self.submission,
                "call": self.call,
                "rows": self.submission.answer_rows(files=list(self.submission.files.all())),
                "summary": self.call.summary_rows(self.submission),
                "reviews": reviews,
                "criteria_by_id": criteria_by_id,
                "review_changes": selectors.review_changes(
                    submission=self.submission, criteria_by_id=criteria_by_id
                ),
                "assign_form": AssignForm(reviewers=candidates),
                "decisions": services.DECISIONS,
                "host_actions": self.call.get_admin_actions(),
                "events": list(self.submission.events.select_related("actor")),
                "emails": list(self.submission.email_logs.all()),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "assign":
            form = AssignForm(request.POST, reviewers=services.reviewer_candidates(self.call))
            if form.is_valid():
                try:
                    services.assign(
                        submission=self.submission,
                        reviewer=form.cleaned_data["reviewer"],
                        by=request.user,
                    )
                    messages.success(request, _("Reviewer assigned."))
                except services.AssignmentRefused as error:
                    messages.error(request, str(error))
        elif action == "unassign":
            review = get_object_or_404(
                Review, pk=request.POST.get("review"), submission=self.submission
            )
            try:
                services.unassign(review=review, by=request.user)
                messages.success(request, _("Assignment removed."))
            except services.AssignmentRefused as error:
                messages.error(request, str(error))
        elif action in services.DECISIONS:
            services.decide(
                submissions=[self.submission], status=services.DECISIONS[action], by=request.user
            )
            messages.success(request, _("Decision recorded."))
        elif action == "host_action" and request.POST.get("host_action") in dict(
            self.call.get_admin_actions()
        ):
            messages.success(
                request,
                self.call.run_admin_action(
                    name=request.POST["host_action"], submissions=[self.submission], by=request.user
                ),
            )
        elif action == "erase":
            services.erase_personal_data(submission=self.submission, by=request.user)
            messages.success(request, _("Personal data erased; anonymised scores are kept."))
        return redirect(request.path)


class AutoAssignView(ManagerMixin, View):
    def post(self, request, *args, **kwargs):
        count = services.auto_assign(call=self.call, by=request.user)
        messages.success(request, _("%(count)d review(s) assigned.") % {"count": count})
        return redirect("proposals_admin:ranking", call_id=self.call.pk)


class RemindView(ManagerMixin, View):
    def post(self, request, *args, **kwargs):
        count = services.remind_reviewers(call=self.call, by=request.user)
        messages.success(
            request, _("Reminder emailed to %(count)d reviewer(s).") % {"count": count}
        )
        return redirect("proposals_admin:ranking", call_id=self.call.pk)


class OutcomesView(ManagerMixin, ProposalsAdminView):
    """Preview each outcome email on a real submission, then send them all."""

    template_name = "proposals/admin/outcomes.html"

    def get_page_title(self):
        return _("Outcome emails: %(title)s") % {"title": self.call.title}

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [
            {
                "url": reverse("proposals_admin:ranking", args=[self.call.pk]),
                "label": self.call.title,
            },
            {"url": "", "label": _("Outcome emails")},
        ]

    def _pending(self):
        return selectors.outcomes_pending(call=self.call)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pending = self._pending()
        previews = []
        for status in OUTCOME_STATUSES:
            group = [s for s in pending if s.status == status]
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
        context.update(
            {
                "previews": previews,
                "pending_count": len(pending),
                "call": self.call,
                "kinds": EmailKind,
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        count = services.send_outcomes(submissions=self._pending(), by=request.user)
        messages.success(request, _("%(count)d outcome email(s) queued.") % {"count": count})
        return redirect("proposals_admin:ranking", call_id=self.call.pk)
