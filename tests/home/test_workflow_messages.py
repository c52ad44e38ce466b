"""After "Approve and Publish" the moderator reads that the page was approved and
published, not that it "has been updated" (home/workflow_messages.py)."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import GroupApprovalTask, WorkflowState, WorkflowTask

from proposals.factories import CallPageFactory
from tests.proposals.test_call_editor import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted_round(home_page, django_user_model):
    editor = django_user_model.objects.create_user(
        username="editor@example.org", email="editor@example.org", is_staff=True
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    page = CallPageFactory(parent=home_page, title="Working group: spring 2027", live=False)
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    return page


@pytest.fixture
def moderator(client, django_user_model):
    user = django_user_model.objects.create_user(
        username="moderator@example.org", email="moderator@example.org", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    return client


def edit(client, page, **extra):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = {**form_data(client.get(url).content.decode()), **extra}
    response = client.post(url, data)
    return response, [str(message.message) for message in get_messages(response.wsgi_request)]


def test_approve_and_publish_says_the_page_was_approved_and_published(moderator, submitted_round):
    response, said = edit(
        moderator,
        submitted_round,
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )

    assert response.status_code == 302
    submitted_round.refresh_from_db()
    assert submitted_round.live
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_APPROVED
    assert len(said) == 1
    assert "Page &#x27;Working group: spring 2027&#x27; has been approved and published." in said[0]
    assert "has been updated" not in said[0]


def test_a_plain_save_still_says_the_page_has_been_updated(moderator, submitted_round):
    response, said = edit(moderator, submitted_round)

    assert response.status_code == 302
    assert len(said) == 1
    assert "Page &#x27;Working group: spring 2027&#x27; has been updated." in said[0]


def test_approving_the_first_of_two_steps_says_what_it_now_awaits(moderator, submitted_round):
    workflow = submitted_round.get_workflow()
    legal = GroupApprovalTask.objects.create(name="Legal check")
    legal.groups.set([Group.objects.get(name="Moderators")])
    WorkflowTask.objects.create(workflow=workflow, task=legal, sort_order=99)

    response, said = edit(
        moderator,
        submitted_round,
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )

    assert response.status_code == 302
    submitted_round.refresh_from_db()
    assert not submitted_round.live
    assert len(said) == 1
    assert (
        "Page &#x27;Working group: spring 2027&#x27; has been approved and now awaits "
        "“Legal check”." in said[0]
    )
