"""The review form names what the ends of each criterion's scale mean, as staff set them
on the Rubric tab, in the reviewer's language (proposals/admin/review.py)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from proposals.factories import ReviewFactory, SubmissionFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_each_score_is_labelled_and_the_ends_say_what_they_mean(client, call):
    criterion = call.get_criteria()[0]
    criterion.scale_min_label, criterion.scale_max_label = "weak", "excellent"
    criterion.save()
    reviewer = UserFactory(email="rae@example.org", groups=["Reviewers"])
    review = ReviewFactory(submission=SubmissionFactory(call=call), reviewer=reviewer)
    client.force_login(reviewer)

    html = client.get(reverse("proposals_admin:review", args=[review.pk])).content.decode()

    scores = BeautifulSoup(html, "html.parser").find("input", value="1").find_parent("fieldset")
    labels = [label.get_text(strip=True) for label in scores.find_all("label")]
    assert labels == ["1 (weak)", "2", "3", "4", "5 (excellent)", "Not applicable"]
    # Criteria with no labels set read as plain numbers.
    other = call.get_criteria()[1]
    plain = BeautifulSoup(html, "html.parser").find(
        "input", attrs={"name": f"criterion_{other.pk}", "value": "5"}
    )
    assert plain.find_next("label").get_text(strip=True) == "5"


def test_a_reviewer_scores_by_the_labelled_values(client, call):
    reviewer = UserFactory(email="rae@example.org", groups=["Reviewers"])
    review = ReviewFactory(submission=SubmissionFactory(call=call), reviewer=reviewer)
    first, second = call.get_criteria()[:2]
    first.scale_max_label = "excellent"
    first.save()
    client.force_login(reviewer)

    client.post(
        reverse("proposals_admin:review", args=[review.pk]),
        {
            f"criterion_{first.pk}": "5",
            f"criterion_{second.pk}": "3",
            "recommendation": "accept",
            "comment": "",
        },
    )

    review.refresh_from_db()
    assert review.scores == {str(first.pk): 5, str(second.pk): 3}
