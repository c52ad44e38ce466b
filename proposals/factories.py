"""Factories for every proposals model (tests, demo content and the benchmark).

Pages need a parent: ``CallPageFactory(parent=home_page)``. Submissions default to a
fresh call under the first page found at depth 2 only when given ``call=``; pass one.
"""

import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from factory.django import DjangoModelFactory

from .models import (
    CallPage,
    CallQuestion,
    Review,
    RubricCriterion,
    Submission,
    SubmissionFile,
    SubmissionStatus,
)

# Real wording from the TICTeC 2025 call (seeds/000): questions and a rubric.
SEED_GUIDANCE = (
    "<p>TICTeC is a practical and reflective conference. We encourage submissions to focus on "
    "specific impacts or usage, rather than showcase new tools that are as yet untested.</p>"
)
SEED_TITLES = [
    "Using FOI data to track political donations",
    "Citizens' assemblies on climate: what the data says",
    "Monitoring fossil-fuel narratives in parliament",
    "Ten years of a parliamentary monitoring platform",
    "Participatory budgeting with a city council",
    "Open data for home retrofit decisions",
]
SEED_ANSWER = (
    "We will share what happened when we put access to information requests at the heart of an "
    "anti-corruption project: what changed, what did not, and what we would do differently."
)

MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    username = factory.LazyAttribute(lambda u: u.email)
    first_name = factory.Sequence(lambda n: ["Amani", "Rae", "Jo", "Sam", "Kit"][n % 5])
    last_name = factory.Sequence(lambda n: f"Tester{n}")
    password = factory.django.Password("tictec-demo-2025")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            for name in extracted:
                self.groups.add(Group.objects.get_or_create(name=name)[0])


class CallPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CallPage

    title = "TICTeC 2025: call for session proposals"
    slug = factory.Sequence(lambda n: f"call-{n}")
    introduction = "Pitch a session for TICTeC 2025, 10 and 11 June in Mechelen and online."
    call_guidance = SEED_GUIDANCE
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    decisions_by = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=45))
    reviews_per_submission = 2
    allow_multiple_submissions = True


class CallQuestionFactory(DjangoModelFactory):
    class Meta:
        model = CallQuestion

    page = None
    label = factory.Sequence(lambda n: f"Question {n}")
    field_type = "singleline"
    required = True
    sort_order = factory.Sequence(int)


class RubricCriterionFactory(DjangoModelFactory):
    class Meta:
        model = RubricCriterion

    page = None
    name = "Alignment with the conference themes"
    guidance = "Does the proposal speak to access to information, democracy or climate change?"
    scale_min = 1
    scale_max = 5
    weight = 1
    sort_order = factory.Sequence(int)


class SubmissionFactory(DjangoModelFactory):
    class Meta:
        model = Submission

    call = None
    applicant = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: SEED_TITLES[n % len(SEED_TITLES)])
    status = SubmissionStatus.SUBMITTED
    submitted_at = factory.LazyFunction(timezone.now)
    applicant_name = factory.LazyAttribute(
        lambda s: s.applicant.get_full_name() if s.applicant else ""
    )
    applicant_email = factory.LazyAttribute(lambda s: s.applicant.email if s.applicant else "")
    answers = factory.LazyFunction(lambda: {"summary": SEED_ANSWER})
    questions = factory.LazyFunction(
        lambda: [
            {
                "key": "summary",
                "label": "Summary",
                "field_type": "multiline",
                "help_text": "",
                "choices": "",
            }
        ]
    )


class SubmissionFileFactory(DjangoModelFactory):
    class Meta:
        model = SubmissionFile

    submission = factory.SubFactory(SubmissionFactory)
    question_key = "supporting_document"
    file = factory.LazyFunction(lambda: ContentFile(MINIMAL_PDF, name="upload"))
    original_name = "evidence-of-impact.pdf"
    content_type = "application/pdf"
    size = len(MINIMAL_PDF)


class ReviewFactory(DjangoModelFactory):
    class Meta:
        model = Review

    submission = factory.SubFactory(SubmissionFactory)
    reviewer = factory.SubFactory(UserFactory, groups=["Reviewers"])
    scores = factory.LazyFunction(dict)
