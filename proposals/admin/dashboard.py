"""Panels on the admin's home page (registered with ``construct_homepage_panels``).

A reviewer sees their queue: per call, what is left to do and what is done, each review
linked. The Programme team sees each active call's progress: submitted, reviewed,
decided, outcome emailed. Each panel reads a fixed number of rows' worth of queries,
whatever the number of submissions and reviews.
"""

from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from ..permissions import MANAGE_CALL, REVIEW_SUBMISSION, display_titles
from .calls import call_names, listed_calls, names_of_submission_calls, open_calls_q
from .reviews import queue, queue_progress

#: How many reviews of each kind (to do, done) a call's section lists before linking on.
SHOWN_PER_CALL = 10


def active_calls(user, now=None):
    """The calls ``user`` manages that are open now, or closed with work left: reviews
    to write, submissions to decide, outcome emails to send."""
    now = now or timezone.now()
    work_left = (
        Q(reviews_done__lt=F("reviews_total")) | Q(undecided__gt=0) | Q(emailed__lt=F("decided"))
    )
    return (
        listed_calls(user)
        .filter(Q(live=True) & (Q(opens__isnull=True) | Q(opens__lte=now)))
        .filter(open_calls_q(now) | work_left)
        .order_by("closes", "title")
    )


class ReviewQueuePanel(Component):
    name = "proposals_review_queue"
    template_name = "proposals/admin/dashboard_queue.html"
    order = 60

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        progress = queue_progress(user)
        reviews = list(queue(user).select_related("submission").order_by("assigned_at", "pk"))
        submissions = [review.submission for review in reviews]
        names_of_submission_calls(submissions)
        titles = display_titles(user, submissions)
        by_call = {
            item["call"].pk: {**item, "to_do_list": [], "done_list": []} for item in progress
        }
        for review in reviews:
            section = by_call[review.submission.call_id]
            review.title = titles[review.submission_id]
            review.url = reverse("proposals_admin:review", args=[review.pk])
            section["done_list" if review.submitted_at else "to_do_list"].append(review)
        queue_url = reverse("proposals_reviews:index")
        for section in by_call.values():
            section["more_to_do"] = len(section["to_do_list"]) - SHOWN_PER_CALL
            section["more_done"] = len(section["done_list"]) - SHOWN_PER_CALL
            section["to_do_list"] = section["to_do_list"][:SHOWN_PER_CALL]
            section["done_list"] = section["done_list"][:SHOWN_PER_CALL]
            section["queue_url"] = f"{queue_url}?call={section['call'].pk}"
        return {
            "calls": [by_call[item["call"].pk] for item in progress],
            "queue_url": queue_url,
        }


class CallProgressPanel(Component):
    name = "proposals_call_progress"
    template_name = "proposals/admin/dashboard_calls.html"
    order = 50

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        calls = list(active_calls(user))
        names = call_names(calls)
        for call in calls:
            call.name = names[call.pk]
            call.ranking_url = reverse("proposals_admin:ranking", args=[call.pk])
            call.decidable = call.decided + call.undecided  # withdrawn ones are not
        return {"calls": calls, "calls_url": reverse("proposals_calls:index")}


def add_panels(request, panels):
    """The panels for whoever may use them (the calls' progress above the queue)."""
    if request.user.has_perm(MANAGE_CALL):
        panels.append(CallProgressPanel())
    if request.user.has_perm(REVIEW_SUBMISSION):
        panels.append(ReviewQueuePanel())
