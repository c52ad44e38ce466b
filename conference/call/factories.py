"""Factories for the conference call models: ``CallForProposalsPageFactory(parent=conference)``,
``SessionProposalFactory(submission=..., session_format=...)``."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from conference.models import CallForProposalsPage, SessionProposal


class CallForProposalsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CallForProposalsPage

    title = "Call for session proposals"
    slug = factory.Sequence(lambda n: f"call-for-proposals-{n}")
    introduction = (
        "This year we are framing our call for session proposals around ‘pro-democracy technology’."
    )
    call_guidance = (
        "<p>We score proposals according to their alignment to the conference themes.</p>"
    )
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    decisions_by = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=45))
    allow_multiple_submissions = True
    reviews_per_submission = 3


class SessionProposalFactory(DjangoModelFactory):
    class Meta:
        model = SessionProposal
        skip_postgeneration_save = True

    abstract = "How data from access to information requests has been used in anti-corruption work."
    speaker_name = factory.LazyAttribute(lambda p: p.submission.applicant_name)
    speaker_organisation = "mySociety"

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
