"""The page tree every page type allows, from its own parent_page_types/subpage_types.

Editors can only build the tree that makes sense: each page type is offered only under
the parents it belongs to, sections hold at most one of their index pages, and leaves
hold nothing.
"""

import pytest
from django.contrib.auth.models import Group
from django.utils.html import escape
from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase

from cohorts.factories import OpportunityIndexPageFactory
from cohorts.models import ActionLabPage, CohortProgrammePage, OpportunityIndexPage, VacancyPage
from conference.factories import ConferenceIndexPageFactory
from conference.models import (
    CallForProposalsPage,
    ConferenceIndexPage,
    ConferencePage,
    ProgrammePage,
    SessionPage,
    SpeakerIndexPage,
    SpeakerPage,
    TicketsPage,
)
from home.donations.factories import DonationPageFactory
from home.factories import NewsIndexPageFactory
from home.models import (
    BasePage,
    ContentPage,
    DonationPage,
    HomePage,
    NewsArticlePage,
    NewsIndexPage,
)
from proposals.models import CallPage

# Each page type: the page types it may be created under, and those it may hold.
TREE = {
    HomePage: (
        {Page},
        {
            ContentPage,
            NewsIndexPage,
            DonationPage,
            ConferenceIndexPage,
            OpportunityIndexPage,
            CallPage,
        },
    ),
    ContentPage: ({HomePage, ContentPage}, {ContentPage, CallPage}),
    NewsIndexPage: ({HomePage}, {NewsArticlePage}),
    NewsArticlePage: ({NewsIndexPage}, set()),
    DonationPage: ({HomePage}, set()),
    ConferenceIndexPage: ({HomePage}, {ConferencePage, SpeakerIndexPage}),
    ConferencePage: ({ConferenceIndexPage}, {ProgrammePage, CallForProposalsPage, TicketsPage}),
    ProgrammePage: ({ConferencePage}, {SessionPage}),
    SessionPage: ({ProgrammePage}, set()),
    CallForProposalsPage: ({ConferencePage}, set()),
    TicketsPage: ({ConferencePage}, set()),
    SpeakerIndexPage: ({ConferenceIndexPage}, {SpeakerPage}),
    SpeakerPage: ({SpeakerIndexPage}, set()),
    OpportunityIndexPage: (
        {HomePage},
        {CohortProgrammePage, ActionLabPage, VacancyPage, CallPage},
    ),
    CohortProgrammePage: ({OpportunityIndexPage}, set()),
    ActionLabPage: ({OpportunityIndexPage}, set()),
    VacancyPage: ({OpportunityIndexPage}, set()),
    CallPage: ({HomePage, ContentPage, OpportunityIndexPage}, set()),
}

# Page types a parent holds at most one of (an index, a conference's programme...).
ONE_PER_PARENT = {
    HomePage,
    NewsIndexPage,
    DonationPage,
    ConferenceIndexPage,
    OpportunityIndexPage,
    ProgrammePage,
    CallForProposalsPage,
    TicketsPage,
    SpeakerIndexPage,
}

SITE_PAGE_TYPES = [model for model in get_page_models() if model is not Page]


def test_the_tree_names_every_page_type_of_the_site():
    assert set(SITE_PAGE_TYPES) == set(TREE)


def test_every_page_type_names_its_parents_and_children():
    """Home and content pages are open to any page type that names them as a parent, so
    nothing may slip in undeclared: every page type declares both lists itself."""
    undeclared = [
        model.__name__
        for model in SITE_PAGE_TYPES
        if model.parent_page_types is None
        or (getattr(model, "subpage_types", None) is None and model not in (HomePage, ContentPage))
    ]
    assert undeclared == []


@pytest.mark.parametrize("model", SITE_PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_is_a_base_page_and_says_what_it_is_for(model):
    assert issubclass(model, BasePage)
    description = str(model.page_description)
    # A sentence that names the page type ("Cohort programme: ..."), not a placeholder.
    assert description.split(":")[0].strip() and len(description.split()) >= 8, description


@pytest.mark.parametrize("model", SITE_PAGE_TYPES, ids=lambda model: model.__name__)
def test_a_parent_holds_at_most_one_of_its_index_pages(model):
    assert (model.max_count_per_parent == 1) == (model in ONE_PER_PARENT)


class PageTreeRulesTests(WagtailPageTestCase):
    def test_each_page_type_is_allowed_under_its_parents_only(self):
        for model, (parents, _children) in TREE.items():
            with self.subTest(model=model.__name__):
                self.assertAllowedParentPageTypes(model, parents)

    def test_each_page_type_holds_its_children_only(self):
        for model, (_parents, children) in TREE.items():
            with self.subTest(model=model.__name__):
                self.assertAllowedSubpageTypes(model, children)

    def test_each_page_type_can_be_created_where_it_belongs_and_nowhere_else(self):
        for parent in TREE:
            for child in TREE:
                with self.subTest(parent=parent.__name__, child=child.__name__):
                    if child in TREE[parent][1]:
                        self.assertCanCreateAt(parent, child)
                    else:
                        self.assertCanNotCreateAt(parent, child)

    def test_a_generic_call_can_be_made_on_the_home_page_in_a_section_or_as_an_opportunity(
        self,
    ):
        self.assertCanCreateAt(HomePage, CallPage)
        self.assertCanCreateAt(ContentPage, CallPage)
        self.assertCanCreateAt(OpportunityIndexPage, CallPage)
        self.assertCanNotCreateAt(ConferencePage, CallPage)
        self.assertCanNotCreateAt(NewsIndexPage, CallPage)

    def test_news_articles_live_only_under_a_news_index(self):
        self.assertCanCreateAt(NewsIndexPage, NewsArticlePage)
        self.assertCanNotCreateAt(HomePage, NewsArticlePage)
        self.assertCanNotCreateAt(ContentPage, NewsArticlePage)


@pytest.mark.django_db
def test_an_editor_is_offered_only_what_belongs_there_and_reads_what_each_type_is(
    client, django_user_model, home_page
):
    """Once the site has its news, TICTeC, opportunities and donation page, an editor
    adding a page below the home page is offered a content page or a call, nothing else;
    below the opportunities index, the three kinds of opportunity and a generic call (a
    working group's application), each described."""
    NewsIndexPageFactory(parent=home_page)
    ConferenceIndexPageFactory(parent=home_page)
    DonationPageFactory(parent=home_page)
    index = OpportunityIndexPageFactory(parent=home_page)
    editor = django_user_model.objects.create_user(
        username="editor@example.org", email="editor@example.org", is_staff=True
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    below_home = client.get(f"/admin/pages/{home_page.pk}/add_subpage/")
    below_index = client.get(f"/admin/pages/{index.pk}/add_subpage/")

    assert offered(below_home) == {
        "Content page": str(ContentPage.page_description),
        "Call for applications": str(CallPage.page_description),
    }
    assert offered(below_index) == {
        "Cohort programme": str(CohortProgrammePage.page_description),
        "Action Lab": str(ActionLabPage.page_description),
        "Board vacancy": str(VacancyPage.page_description),
        "Call for applications": str(CallPage.page_description),
    }
    for response, models in (
        (below_home, [CallPage]),
        (below_index, [CohortProgrammePage, ActionLabPage, VacancyPage, CallPage]),
    ):
        for model in models:
            assert escape(str(model.page_description)) in response.content.decode()


def offered(response):
    """The page types the "Add child page" screen offers, with their descriptions."""
    return {
        str(verbose_name): str(description)
        for verbose_name, _app, _model, description in response.context["page_types"]
    }
