"""Public views: the call page's apply form, "My submissions", private files.

Views parse input, ask permissions, call one service and render.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.uploads import refused_uploads

from . import selectors, services
from .forms import ApplicationForm, sent_rows
from .models import Submission, SubmissionFile, SubmissionStatus
from .ratelimit import hit, submission_posts_per_minute


def _call_state(call):
    if call.has_closed():
        return "closed"
    if not call.has_opened():
        return "not_open"
    return "open"


def _posted_key(request):
    try:
        return uuid.UUID(request.POST.get("idempotency_key", ""))
    except ValueError:
        return None


def _current_submission(call, request, submission_id):
    """The person's own submission being edited, if any: the one the form names, else
    the one this very form already created (a double click, a second tab, back and
    resubmit), else their only one when the call takes one per person."""
    user = request.user
    if not user.is_authenticated:
        return None
    mine = Submission.objects.filter(call_id=call.call_for_submissions().pk, applicant_id=user.pk)
    if submission_id:
        try:
            return mine.get(pk=int(submission_id))
        except (ValueError, Submission.DoesNotExist):
            raise Http404 from None
    key = _posted_key(request) if request.method == "POST" else None
    if key is not None:
        same_form = mine.filter(idempotency_key=key).first()
        if same_form is not None:
            return same_form
    if not call.allow_multiple_submissions:
        return mine.exclude(status=SubmissionStatus.WITHDRAWN).first()
    return None


def _build_forms(call, request, submission, *, draft=False):
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    anonymous = not call.account_required and not request.user.is_authenticated
    form = ApplicationForm(
        data,
        files,
        call=call,
        submission=submission,
        draft=draft,
        anonymous=anonymous,
        refused_uploads=refused_uploads(request),
    )
    details_form = None
    details_form_class = call.get_submission_details_form_class()
    if details_form_class is not None:
        # Typed fields point at the one call's rows (its conference's formats, themes...).
        original = call.call_for_submissions()
        details_form = details_form_class(
            data,
            files,
            call=original,
            draft=draft,
            instance=original.get_details_instance(submission),
        )
    return form, details_form


def serve_call(call, request):
    state = _call_state(call)
    submission_id = (
        request.POST.get("submission")
        if request.method == "POST"
        else request.GET.get("submission")
    )
    submission = _current_submission(call, request, submission_id)
    if request.method == "POST":
        if not hit(request, scope="submit", limit=submission_posts_per_minute()):
            return HttpResponse(
                _("Too many attempts. Please wait a minute and try again."), status=429
            )
        if call.account_required and not request.user.is_authenticated:
            return redirect_to_login(call.url)
        if state != "open":
            return _keep_late_post(call, request, submission, state=state)
        return _handle_post(call, request, submission)
    if submission is not None and not submission.is_editable_status:
        if submission_id:
            return redirect("proposals:submission_detail", pk=submission.pk)
        submission = None  # decided or withdrawn: nothing to edit here
    form, details_form = _build_forms(call, request, submission)
    return _render(
        call, request, state=state, submission=submission, form=form, details_form=details_form
    )


def _keep_late_post(call, request, submission, *, state):
    """The call cannot take this post (it has closed, or is not open yet): keep what was
    sent as the person's draft where there is one to keep, and show it back either way."""
    form, details_form = _build_forms(call, request, submission, draft=True)
    form.is_valid()
    details_ok = details_form is None or details_form.is_valid()
    kept = services.keep_as_draft(
        call=call.call_for_submissions(),
        by=request.user,
        submission=submission,
        idempotency_key=_posted_key(request),
        answers=form.partial_answers(),
        title=form.cleaned_data.get("title") if call.submission_title_label else None,
        uploads=form.uploaded_files(),
        details_form=details_form if details_ok else None,
    )
    if state == "closed":
        opening = _("This call has closed, so what you sent could not be submitted.")
    else:
        opening = _("This call is not open yet, so what you sent could not be submitted.")
    if kept is not None:
        ending = _("We have kept it as a draft: you will find it under My submissions.")
    else:
        ending = _("What you sent is shown below so that you can keep a copy.")
    messages.error(request, f"{opening} {ending}")
    return _render(
        call,
        request,
        state=state,
        submission=kept or submission,
        sent=sent_rows(form, details_form),
        status=403,
    )


def _handle_post(call, request, submission):
    action = request.POST.get("action", "submit")
    draft = action == "draft" and request.user.is_authenticated
    if submission is not None and not submission.is_editable_status:
        # Withdrawn or decided: keep what was typed, in a form that starts a new one.
        messages.error(
            request,
            _(
                "That submission was withdrawn or has been decided, so it can no longer be "
                "changed. What you typed is kept below: you can send it as a new submission."
            ),
        )
        form, details_form = _build_forms(call, request, None)
        return _render(
            call,
            request,
            state="open",
            form=form,
            details_form=details_form,
            idempotency_key=uuid.uuid4(),
            status=409,
        )
    form, details_form = _build_forms(call, request, submission, draft=draft)
    form_ok = form.is_valid()
    details_ok = details_form is None or details_form.is_valid()
    key = _posted_key(request)
    common = {
        "call": call.call_for_submissions(),  # a language's version submits to the one call
        "by": request.user,
        "submission": submission,
        "idempotency_key": key,
    }
    try:
        if form_ok and details_ok:
            title = form.cleaned_data.get("title") if call.submission_title_label else None
            kwargs = {
                **common,
                "answers": form.answers(),
                "title": title,
                "uploads": form.uploaded_files(),
                "details_form": details_form,
            }
            if draft:
                submission = services.save_draft(**kwargs)
                if submission.is_draft:
                    saved = _("Draft saved. You can come back to it until the call closes.")
                else:  # a stale tab's "Save draft" on what has since been submitted
                    saved = _("Changes saved. Your submission stays submitted.")
                messages.success(request, saved)
                return HttpResponseRedirect(f"{call.url}?submission={submission.pk}#apply")
            was_submitted = submission is not None and not submission.is_draft
            submission = services.submit(
                **kwargs,
                applicant_name=form.cleaned_data.get("applicant_name", ""),
                applicant_email=form.cleaned_data.get("applicant_email", ""),
            )
            if not was_submitted:
                received = _(
                    "Thank you: your submission has been received. We have emailed you a copy."
                )
            elif request.POST.get("submission"):
                received = _("Your changes are saved.")
            else:  # the same form sent again: a double click, a second tab, back and resubmit
                received = _(
                    "Your submission had already been received: we have saved your latest changes."
                )
            messages.success(request, received)
            if request.user.is_authenticated:
                return redirect("proposals:submission_detail", pk=submission.pk)
            return HttpResponseRedirect(f"{call.url}?received=1")
        # Invalid: keep what passed validation (typed answers and files) on the draft,
        # so nothing is lost even if the person leaves now.
        if request.user.is_authenticated and (submission is None or submission.is_draft):
            partial = {**(submission.answers if submission else {}), **form.partial_answers()}
            uploads = form.uploaded_files()
            if uploads or form.partial_answers() or submission is not None:
                submission = services.save_draft(
                    **common,
                    answers=partial,
                    title=form.cleaned_data.get("title") if call.submission_title_label else None,
                    uploads=uploads,
                )
                stored = {f.question_key: f for f in submission.files.all()}
                for file_key in form.file_keys:
                    form.fields[file_key].stored_file = stored.get(file_key)
                    if (
                        file_key in stored
                        and file_key in form.errors
                        and "required" in [e.code for e in form.errors.as_data()[file_key]]
                    ):
                        del form.errors[file_key]
    except services.CallClosed:
        # It closed between the page's check and the save.
        return _keep_late_post(call, request, submission, state="closed")
    except services.NotEditable as error:
        messages.error(request, str(error))
        return _render(
            call,
            request,
            state="open",
            submission=submission,
            form=form,
            details_form=details_form,
            status=403,
        )
    return _render(
        call,
        request,
        state="open",
        submission=submission,
        form=form,
        details_form=details_form,
        status=400,
    )


def _render(
    call,
    request,
    *,
    state,
    submission=None,
    form=None,
    details_form=None,
    sent=None,
    idempotency_key=None,
    status=200,
):
    context = call.get_context(request)
    context.update(
        {
            "state": state,
            "submission": submission,
            "form": form,
            "details_form": details_form,
            "sent_rows": sent or [],
            "idempotency_key": idempotency_key
            or (submission.idempotency_key if submission else _posted_key(request))
            or uuid.uuid4(),
            "my_submissions": selectors.my_submissions_for_call(
                user=request.user, call=call.call_for_submissions()
            ),
            "received": request.GET.get("received") == "1",
        }
    )
    return TemplateResponse(request, call.get_template(request), context, status=status)


@login_required
def my_submissions(request):
    return TemplateResponse(
        request,
        "proposals/my_submissions.html",
        {"submissions": selectors.my_submissions(user=request.user)},
    )


@login_required
def submission_detail(request, pk):
    submission = get_object_or_404(selectors.submission_with_answers(), pk=pk)
    if submission.applicant_id != request.user.pk:
        raise Http404
    call = submission.call.specific
    return TemplateResponse(
        request,
        "proposals/submission_detail.html",
        {
            "submission": submission,
            "call": call,
            "rows": submission.answer_rows(
                files=list(submission.files.all()),
                questions=selectors.questions_in_language(
                    call=call, language=translation.get_language()
                ),
            ),
            "summary": call.summary_rows(submission),
            "can_edit": request.user.has_perm("proposals.change_submission", submission),
        },
    )


@login_required
@require_POST
def withdraw(request, pk):
    submission = get_object_or_404(
        Submission.objects.select_related("call"), pk=pk, applicant_id=request.user.pk
    )
    try:
        services.withdraw(submission=submission, by=request.user)
    except PermissionDenied as error:
        messages.error(request, str(error) or _("This submission can no longer be withdrawn."))
        return redirect("proposals:submission_detail", pk=pk)
    messages.success(request, _("Your submission has been withdrawn."))
    return redirect("proposals:my_submissions")


@login_required
def submission_file(request, pk, file_pk):
    stored = get_object_or_404(
        SubmissionFile.objects.select_related("submission__call"), pk=file_pk, submission_id=pk
    )
    if not request.user.has_perm("proposals.view_submission", stored.submission):
        raise Http404
    response = FileResponse(
        stored.file.open("rb"),
        as_attachment=True,
        filename=stored.download_name_for(request.user),
        content_type=stored.served_content_type,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
