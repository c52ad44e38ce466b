"""Submissions, their uploaded files and their history."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..roles import MANAGE_CALL, REVIEW_SUBMISSION, VIEW_IDENTITY
from ..storage import private_storage
from ..uploads import EXTENSION_MIME, display_name, known_extension
from .hosts import hidden_call_ids


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Not accepted")
    WAITLISTED = "waitlisted", _("Waiting list")


OUTCOME_STATUSES = (
    SubmissionStatus.ACCEPTED,
    SubmissionStatus.REJECTED,
    SubmissionStatus.WAITLISTED,
)
REVIEWABLE_STATUSES = (SubmissionStatus.SUBMITTED, *OUTCOME_STATUSES)
# Question types whose answer is one (or several) of the question's choices.
CHOICE_TYPES = ("dropdown", "multiselect", "radio", "checkboxes")


class SubmissionQuerySet(models.QuerySet):
    def for_call(self, call):
        return self.filter(call_id=call.pk)

    def reviewable(self):
        return self.filter(status__in=REVIEWABLE_STATUSES)

    def owned_by(self, user):
        return self.filter(applicant_id=user.pk)

    def visible_to(self, user):
        """What a person may see: their own, what they review, or everything for the
        Programme team (minus calls restricted to a group they are not in)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_active and user.is_superuser:
            return self
        visible = Q(applicant_id=user.pk)
        if user.has_perm(REVIEW_SUBMISSION):
            visible |= Q(reviews__reviewer_id=user.pk, reviews__conflict_declared=False)
        if user.has_perm(MANAGE_CALL):
            visible |= ~Q(call_id__in=hidden_call_ids(user))
        return self.filter(visible).distinct()

    def managed_by(self, user):
        """What staff screens list for ``user``: the submissions to calls they manage
        (every admin listing, inspect view, export and chooser starts here)."""
        if not user.has_perm(MANAGE_CALL):
            return self.none()
        return self.exclude(call_id__in=hidden_call_ids(user))


class Submission(models.Model):
    call = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.PROTECT,
        related_name="submissions",
        verbose_name=_("call"),
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="submissions",
        null=True,
        blank=True,
        verbose_name=_("applicant"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.DRAFT,
        db_index=True,
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    applicant_name = models.CharField(_("applicant name"), max_length=200, blank=True)
    applicant_email = models.EmailField(_("applicant email"), blank=True)
    # The language the applicant applied in: their emails' language when their account
    # has none (or they have no account).
    language = models.CharField(_("language"), max_length=10, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    questions = models.JSONField(
        _("questions as asked"),
        default=list,
        blank=True,
        help_text=_("A copy of the call's questions when the answers were saved."),
    )
    idempotency_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    # Applicants see a decision only once its outcome email has gone out.
    outcome_sent_at = models.DateTimeField(_("outcome emailed"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    # The emails about it in the site's log: ``EmailLog.objects.filter(submission=...)``.
    email_logs = GenericRelation(
        "home.EmailLog",
        content_type_field="about_type",
        object_id_field="about_id",
        related_query_name="submission",
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["call", "status"])]
        permissions = [
            ("review_submission", _("Can review submissions")),
            ("manage_call", _("Can assign reviewers, decide and export")),
        ]

    def __str__(self):
        return self.title or _("Untitled submission %(id)s") % {"id": self.pk}

    def get_absolute_url(self):
        return reverse("proposals:submission_detail", args=[self.pk])

    @property
    def applicant_status(self):
        """The status as the applicant sees it: "Submitted" until they are told the outcome."""
        if self.status in OUTCOME_STATUSES and self.outcome_sent_at is None:
            return SubmissionStatus.SUBMITTED
        return SubmissionStatus(self.status)

    @property
    def is_draft(self):
        return self.status == SubmissionStatus.DRAFT

    @property
    def is_editable_status(self):
        return self.status in (SubmissionStatus.DRAFT, SubmissionStatus.SUBMITTED)

    def answer_rows(self, files=None, questions=None):
        """(question, answer) pairs as asked when the answers were saved; answers to
        questions no longer in the snapshot are still listed, under their key.

        ``questions`` ({key: CallQuestion}, see selectors.questions_in_language) shows
        the questions, and chosen options, in the reader's language instead."""
        files = {f.question_key: f for f in (files if files is not None else self.files.all())}
        questions = questions or {}
        rows = []
        seen = set()
        for question in self.questions:
            key = question["key"]
            seen.add(key)
            value = self.answers.get(key)
            label = question["label"]
            translated = questions.get(key)
            if translated is not None:
                label = translated.label
                value = _chosen_labels(value, translated, source_choices=question.get("choices"))
            rows.append(
                {
                    "key": key,
                    "label": label,
                    "field_type": question["field_type"],
                    "value": value,
                    "file": files.get(key),
                }
            )
        for key, value in self.answers.items():
            if key not in seen:
                rows.append(
                    {"key": key, "label": key, "field_type": "", "value": value, "file": None}
                )
        return rows


def _chosen_labels(value, question, *, source_choices):
    """An answer to a choice question (stored in the source language's words) in the
    words of ``question``, a translation of it."""
    if not source_choices or question.field_type not in CHOICE_TYPES:
        return value
    labels = dict(question.choice_options(source_choices=source_choices))
    if isinstance(value, list):
        return [labels.get(item, item) for item in value]
    return labels.get(value, value) if isinstance(value, str) else value


def _private_upload_name(instance, filename):
    # The stored name is ours, never the uploader's: a random id and the one allowed
    # extension the upload was checked against (proposals.uploads).
    extension = known_extension(filename)
    name = uuid.uuid4().hex + (f".{extension}" if extension else "")
    return f"submissions/{instance.submission_id}/{name}"


class SubmissionFile(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")
    question_key = models.CharField(max_length=255)
    file = models.FileField(storage=private_storage, upload_to=_private_upload_name, max_length=255)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("submitted file")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "question_key"], name="one_file_per_question"
            )
        ]

    def __str__(self):
        return self.original_name

    def get_absolute_url(self):
        return reverse("proposals:submission_file", args=[self.submission_id, self.pk])

    @property
    def download_name(self):
        """The uploader's name, cleaned, ending in the stored file's checked extension."""
        return display_name(self.original_name, extension=known_extension(self.file.name))

    def download_name_for(self, user):
        """The name a download gets: for someone who may not see who applied (a reviewer
        of an anonymised call), the question's, not the uploader's "Jane-Doe-CV.pdf"."""
        if user.has_perm(VIEW_IDENTITY, self.submission):
            return self.download_name
        return display_name(
            f"application-{self.submission_id}-{self.question_key}",
            extension=known_extension(self.file.name),
        )

    @property
    def served_content_type(self):
        """The type detected from the bytes when it is one we accept, else a download."""
        if any(self.content_type in types for types in EXTENSION_MIME.values()):
            return self.content_type
        return "application/octet-stream"


class SubmissionEvent(models.Model):
    """What happened to a submission, by whom: its audit trail."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=40)
    detail = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.action} {self.created_at:%Y-%m-%d %H:%M}"
