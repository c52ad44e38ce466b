"""The review form: a reviewer reads a submission assigned to them (without who sent it
when the review is anonymised), scores it against the call's rubric, each score's ends
named as staff named them ("1 (weak)", "5 (excellent)"), recommends, comments or declares
a conflict of interest; after that they see the other reviewers' scores."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import selectors, services
from ..forms import ConflictForm, ReviewForm
from ..permissions import REVIEW_SUBMISSION, VIEW_IDENTITY, display_title


class ReviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "proposals/admin/review.html"
    header_icon = "form"

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
