"""Wagtail's moderation workflow: an editor submits, a moderator approves, the page goes live."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Workflow, WorkflowState

from home.factories import ContentPageFactory, heading_block

pytestmark = pytest.mark.django_db


@pytest.fixture
def users(home_page, django_user_model):
    """Staff in Wagtail's Editors and Moderators groups, as the demo content creates them."""

    def staff(email, group):
        user = django_user_model.objects.create_user(username=email, email=email, is_staff=True)
        user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "editor": staff("editor@example.org", "Editors"),
        "moderator": staff("moderator@example.org", "Moderators"),
    }


def test_editor_submits_a_page_and_a_moderator_approves_it_into_the_live_site(
    client, home_page, users
):
    editor, moderator = users["editor"], users["moderator"]
    page = ContentPageFactory(
        parent=home_page,
        title="Opening Up Government: Bristol Workshop",
        slug="bristol",
        live=False,
    )
    page.body = [heading_block("Purpose")]
    revision = page.save_revision(user=editor)

    # Editors may submit but not publish; the site's workflow is Wagtail's "Moderators approval".
    assert page.permissions_for_user(editor).can_submit_for_moderation()
    assert not page.permissions_for_user(editor).can_publish()
    workflow = page.get_workflow()
    assert isinstance(workflow, Workflow)
    workflow.start(page, editor)
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert client.get("/en/bristol/").status_code == 404

    # The moderator approves through the admin's workflow action.
    client.force_login(moderator)
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": "Looks good."},
    )
    assert response.status_code in (200, 302)

    page.refresh_from_db()
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert page.live
    assert page.live_revision_id is not None
    assert page.live_revision.pk >= revision.pk
    client.logout()
    content = client.get("/en/bristol/").content.decode()
    assert "<h1>Opening Up Government: Bristol Workshop</h1>" in content
    assert '<h2 class="block-heading">Purpose</h2>' in content
