"""Public: the eligibility screen in front of the engine's apply form.
Admin (staff only): cohort formation suggestion, a cohort's members, notifying them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home.routing import render_page
from proposals.models import Submission
from proposals.permissions import MANAGE_CALL
from proposals.views import serve_call

from . import selectors, services
from .forms import EligibilityForm
from .models import Cohort, CohortProgrammePage
from .permissions import NOTIFY_COHORT, VIEW_COHORT

ELIGIBLE_SESSION_KEY = "cohorts_eligible_for"
ELIGIBILITY_STEP_FIELD = "eligibility-step"


def never_stale(response):
    """Opportunity pages say open or closed from the clock: no cache may keep them."""
    add_never_cache_headers(response)
    return response


def has_passed_eligibility(request, page):
    if page.pk in request.session.get(ELIGIBLE_SESSION_KEY, []):
        return True
    user = request.user
    # Someone who already has an application here was screened in before.
    return user.is_authenticated and Submission.objects.for_call(page).owned_by(user).exists()


def mark_eligible(request, page):
    passed = request.session.get(ELIGIBLE_SESSION_KEY, [])
    if page.pk not in passed:
        request.session[ELIGIBLE_SESSION_KEY] = [*passed, page.pk]


def serve_opportunity(page, request):
    """An opportunity page (its call_view): the eligibility screen first where there is
    one, then the engine's call flow; never from a cache."""
    response = pre_step(page, request)
    if response is None:
        response = serve_call(page, request)
    return never_stale(response)


def opportunity_index(request, *, page):
    listing = selectors.opportunity_listing(index_page=page, kind=request.GET.get("kind", ""))
    return render_page(request, page, listing=listing)


def pre_step(page, request):
    """A response of our own before the engine's apply flow, or None to hand over to it.

    The eligibility questions are a first step of the form that works without JavaScript:
    a plain POST back to the page. Someone screened out is told why, kindly, and their
    answers stay selected; someone screened in goes on to the engine's form.
    """
    if getattr(page, "applies_externally", False):
        if request.method == "POST":
            return HttpResponseNotAllowed(["GET"])
        return None
    if not page.screens_eligibility or not page.is_open() or has_passed_eligibility(request, page):
        return None
    is_step = request.method == "POST" and ELIGIBILITY_STEP_FIELD in request.POST
    form = EligibilityForm(request.POST if is_step else None, page=page)
    screened_out = []
    if form.is_bound and form.is_valid():
        screened_out = form.screened_out_messages()
        if not screened_out:
            mark_eligible(request, page)
            return redirect(page.get_url(request) + "#apply", permanent=False)
    context = page.get_context(request)
    context.update(
        state="open",
        eligibility_form=form,
        eligibility_step_field=ELIGIBILITY_STEP_FIELD,
        screened_out=screened_out,
    )
    return TemplateResponse(request, page.call_template, context)


# --- Admin views (registered in wagtail_hooks.py) ----------------------------------


def programme_cohorts(request, programme_id):
    """A programme's cohorts, its accepted organisations not yet placed, and a suggestion."""
    programme = get_object_or_404(CohortProgrammePage, pk=programme_id)
    if not request.user.has_perm(MANAGE_CALL, programme):
        raise PermissionDenied
    if request.method == "POST":
        try:
            created = services.form_suggested_cohorts(programme=programme)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                ngettext("%(count)d cohort formed.", "%(count)d cohorts formed.", len(created))
                % {"count": len(created)},
            )
        return redirect("cohorts_admin:programme", programme_id=programme.pk)
    suggestion = services.suggest_for_programme(programme=programme)
    return TemplateResponse(
        request,
        "cohorts/admin/programme_cohorts.html",
        {
            "programme": programme,
            "cohorts": selectors.cohorts_for_programme(programme=programme),
            "suggestion": suggestion,
            "accepted_count": selectors.accepted_applications(programme=programme).count(),
        },
    )


def cohort_members(request, cohort_id):
    """Staff-only: a cohort's organisations and their contacts; notify them from here."""
    cohort = get_object_or_404(Cohort.objects.with_members(), pk=cohort_id)
    if not request.user.has_perm(VIEW_COHORT, cohort):
        raise PermissionDenied
    if request.method == "POST":
        if not request.user.has_perm(NOTIFY_COHORT, cohort):
            raise PermissionDenied
        logs = services.notify_cohort(cohort=cohort)
        if logs:
            messages.success(
                request,
                ngettext(
                    "%(count)d organisation emailed.", "%(count)d organisations emailed.", len(logs)
                )
                % {"count": len(logs)},
            )
        else:
            messages.info(request, _("Every organisation in this cohort has already been told."))
        return redirect("cohorts_admin:cohort", cohort_id=cohort.pk)
    return TemplateResponse(
        request,
        "cohorts/admin/cohort_members.html",
        {"cohort": cohort, "programme": cohort.programme.specific},
    )
