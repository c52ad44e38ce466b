import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import ContentPage, HomePage, NewsArticlePage, NewsIndexPage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_holds_content_and_the_news_index(self):
        self.assertCanCreateAt(HomePage, ContentPage)
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        self.assertCanNotCreateAt(HomePage, NewsArticlePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_content_pages_nest_to_make_sections(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
        from proposals.models import CallPage

        self.assertAllowedSubpageTypes(ContentPage, {ContentPage, CallPage})
        self.assertCanNotCreateAt(ContentPage, NewsIndexPage)

    def test_news_articles_live_only_under_a_news_index(self):
        self.assertAllowedParentPageTypes(NewsArticlePage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsArticlePage})
        self.assertAllowedSubpageTypes(NewsArticlePage, set())
        self.assertCanNotCreateAt(ContentPage, NewsArticlePage)


def test_every_page_type_names_its_parents():
    """Home and content pages are open to any page type that names them as a parent, so
    nothing may slip in undeclared: every creatable page type declares its parents."""
    from wagtail.models import get_page_models

    undeclared = [
        model.__name__
        for model in get_page_models()
        if model.is_creatable and getattr(model, "parent_page_types", None) is None
    ]
    assert undeclared == []


class TopLevelSectionsTests(WagtailPageTestCase):
    def test_the_home_page_holds_each_apps_sections_and_generic_calls(self):
        from cohorts.models import OpportunityIndexPage
        from conference.models import ConferenceIndexPage
        from home.models import DonationPage
        from proposals.models import CallPage

        self.assertAllowedSubpageTypes(
            HomePage,
            {
                ContentPage,
                NewsIndexPage,
                DonationPage,
                ConferenceIndexPage,
                OpportunityIndexPage,
                CallPage,
            },
        )

    def test_a_generic_call_can_be_made_on_the_home_page_or_inside_a_section(self):
        from proposals.models import CallPage

        self.assertCanCreateAt(HomePage, CallPage)
        self.assertCanCreateAt(ContentPage, CallPage)
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage, CallPage})
        self.assertAllowedSubpageTypes(CallPage, set())


@pytest.mark.django_db
def test_an_editor_adding_below_the_home_page_is_offered_only_what_belongs_there(client):
    """Once the site has its news, TICTeC, opportunities and donation page, an editor
    adding a page below the home page is offered a content page or a call, nothing else."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("load_demo_content")
    home = HomePage.objects.get(locale__language_code="en")
    client.force_login(get_user_model().objects.get(email="editor@example.org"))

    response = client.get(f"/admin/pages/{home.pk}/add_subpage/", follow=True)

    offered = {verbose_name for verbose_name, *_rest in response.context["page_types"]}
    assert offered == {"Content page", "Call for applications"}
