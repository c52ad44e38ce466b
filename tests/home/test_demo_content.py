import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from home.models import HomePage


@pytest.mark.django_db
def test_load_demo_content_twice_builds_the_site_once():
    call_command("load_demo_content")
    counts = (Page.objects.count(), get_user_model().objects.count())

    call_command("load_demo_content")

    assert (Page.objects.count(), get_user_model().objects.count()) == counts
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert HomePage.objects.count() == 1
    assert set(get_user_model().objects.values_list("email", flat=True)) >= {
        "admin@example.org",
        "editor@example.org",
        "moderator@example.org",
        "reviewer@example.org",
        "applicant@example.org",
    }


@pytest.mark.django_db
def test_demo_users_have_their_roles():
    call_command("load_demo_content")
    User = get_user_model()
    assert list(
        User.objects.get(email="editor@example.org").groups.values_list("name", flat=True)
    ) == ["Editors"]
    assert User.objects.get(email="admin@example.org").is_superuser
    assert list(
        User.objects.get(email="reviewer@example.org").groups.values_list("name", flat=True)
    ) == ["Reviewers"]
