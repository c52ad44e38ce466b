"""Each organisation hears of its cohort in its contact's language."""

import pytest
from django.core import mail

from cohorts import services
from cohorts.factories import CohortApplicationFactory, CohortProgrammePageFactory
from home.languages import set_preferred_language
from home.models import EmailLog
from proposals.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_each_member_is_told_their_cohort_in_their_own_language(
    index_page, django_capture_on_commit_callbacks
):
    programme = CohortProgrammePageFactory(parent=index_page)
    people = {"en": "ann@example.org", "fr": "chloe@example.org", "nl": "daan@example.org"}
    submissions = []
    for language, email in people.items():
        user = UserFactory(email=email)
        set_preferred_language(user=user, language=language)
        submissions.append(
            CohortApplicationFactory(
                submission__call=programme, submission__applicant=user
            ).submission
        )
    cohort = services.create_cohort(programme=programme, name="Cohort A", submissions=submissions)

    with django_capture_on_commit_callbacks(execute=True):
        services.notify_cohort(cohort=cohort)

    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects["ann@example.org"] == f"Your cohort for {programme.title}: Cohort A"
    assert subjects["chloe@example.org"] == f"Votre cohorte pour {programme.title} : Cohort A"
    assert subjects["daan@example.org"] == f"Je cohort voor {programme.title}: Cohort A"
    french = next(m for m in mail.outbox if m.to == ["chloe@example.org"])
    assert "janvier 2025" in french.body and "juillet 2025" in french.body
    assert dict(EmailLog.objects.values_list("to", "language")) == {
        "ann@example.org": "en",
        "chloe@example.org": "fr",
        "daan@example.org": "nl",
    }
