"""Factories for every home model, used by tests, demo content and the benchmark.

Pages need a parent: `NewsArticlePageFactory(parent=news_index)`. Stream bodies are
built with the `*_block` helpers, which return the raw StreamField data of one block.
"""

import datetime

import factory
import wagtail_factories
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from taggit.models import Tag
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from home.models import (
    ContentPage,
    EmailKind,
    EmailLog,
    EmailTemplate,
    HomePage,
    HomePageFeaturedItem,
    NavigationItem,
    NavigationSettings,
    NewsArticlePage,
    NewsArticleTag,
    NewsIndexPage,
    SiteSettings,
)

# Real titles and text from the seed documents, cycled for realistic test content.
NEWS_TITLES = [
    "Could you be the next Chair, Trustee or Director of mySociety?",
    "Civic Tech Compass: navigating new opportunities for collective action",
    "An examination of the aggregation of planning application information",
    "mySociety to affiliate with Code for All",
    "Open Data Day’s coming – let’s help out!",
    "Three new jobs with mySociety’s Democratic Commons project",
]
NEWS_INTRODUCTION = (
    "TICTeC brings together people who build, fund and research civic technology "
    "to share evidence of what works."
)
CONTENT_TITLES = [
    "Opening Up Government: Leeds Workshop",
    "Opening Up Government: Newcastle Workshop",
    "Opening Up Government: Bristol Workshop",
    "Opening Up Government: London Workshop",
    "Advancing civic participation in algorithmic decision-making",
]
TOPICS = ["TICTeC", "Democracy", "Freedom of Information", "Open data", "Climate"]


def heading_block(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def text_block(html):
    return {"type": "text", "value": {"text": html}}


def quote_block(quote, attribution=""):
    return {"type": "quote", "value": {"quote": quote, "attribution": attribution}}


def table_block(*, caption, rows, header_row=True, header_column=False):
    """A table from a list of rows (lists of cell text); the first row is the header."""
    return {
        "type": "table",
        "value": {
            "table": {
                "table_caption": caption,
                "first_row_is_table_header": header_row,
                "first_col_is_header": header_column,
                "data": [list(row) for row in rows],
                "cell": [],
                "mergedCells": [],
            }
        },
    }


def image_block(image, *, alt_text, caption="", decorative=False):
    return {
        "type": "image",
        "value": {
            "image": {"image": image.pk, "alt_text": alt_text, "decorative": decorative},
            "caption": caption,
        },
    }


def embed_block(url, *, title, caption=""):
    return {"type": "embed", "value": {"embed": url, "title": title, "caption": caption}}


def call_to_action_block(*, heading, button_label, text="", page=None, url=""):
    return {
        "type": "call_to_action",
        "value": {
            "heading": heading,
            "text": text,
            "page": page.pk if page else None,
            "url": url,
            "button_label": button_label,
        },
    }


def document_block(document, *, label=""):
    return {"type": "document", "value": {"document": document.pk, "label": label}}


def default_body():
    return [
        heading_block("What does an “open government” look like?"),
        text_block(
            "<p>Attendees were asked to discuss what an open government looks like "
            "and what the benefits are.</p><ul><li>Increase trust</li>"
            "<li>Increase inclusion</li><li>Co-creation processes</li></ul>"
        ),
    ]


class HomePageFactory(wagtail_factories.PageFactory):
    title = "mySociety"
    slug = factory.Sequence(lambda n: f"home-{n}")
    introduction = (
        "<p>We build and share digital tools that help people be active citizens, "
        "and we run TICTeC, the Impacts of Civic Technology Conference.</p>"
    )

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Iterator(CONTENT_TITLES)
    slug = factory.Sequence(lambda n: f"content-{n}")
    introduction = (
        "The UK Civil Society Open Government Network is working with civil society "
        "organisations across the UK to develop commitments for the next National Action Plan."
    )
    body = factory.LazyFunction(default_body)

    class Meta:
        model = ContentPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News"
    slug = factory.Sequence(lambda n: "news" if n == 0 else f"news-{n}")
    introduction = "News from mySociety and the TICTeC community."

    class Meta:
        model = NewsIndexPage


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    """An article; `topics=["TICTeC", ...]` sets its topics."""

    title = factory.Iterator(NEWS_TITLES)
    slug = factory.Sequence(lambda n: f"article-{n}")
    date = factory.Sequence(lambda n: datetime.date(2025, 6, 11) - datetime.timedelta(days=n))
    author = "Gemma Moulder"
    introduction = NEWS_INTRODUCTION
    body = factory.LazyFunction(default_body)

    class Meta:
        model = NewsArticlePage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        if extracted:
            obj.topics.add(*extracted)
            if create:
                obj.save()


class TagFactory(DjangoModelFactory):
    name = factory.Iterator(TOPICS)
    slug = factory.LazyAttribute(lambda tag: slugify(tag.name))

    class Meta:
        model = Tag
        django_get_or_create = ("name",)


class NewsArticleTagFactory(DjangoModelFactory):
    """Tags an article with a topic; give `content_object=article`."""

    content_object = factory.SubFactory(NewsArticlePageFactory, parent=None)
    tag = factory.SubFactory(TagFactory)

    class Meta:
        model = NewsArticleTag


class HomePageFeaturedItemFactory(DjangoModelFactory):
    home_page = factory.SubFactory(HomePageFactory, parent=None)
    page = factory.LazyAttribute(lambda item: ContentPageFactory(parent=item.home_page))
    label = "Conference"
    description = ""

    class Meta:
        model = HomePageFeaturedItem


class SiteSettingsFactory(DjangoModelFactory):
    site = factory.SubFactory(wagtail_factories.SiteFactory)
    organisation_name = "mySociety"
    contact_email = "hello@example.org"
    footer_text = "mySociety is a registered charity in England and Wales (1076346)."
    mastodon_url = "https://mastodon.social/@mysociety"
    bluesky_url = "https://bsky.app/profile/mysociety.org"
    linkedin_url = "https://www.linkedin.com/company/mysociety"

    class Meta:
        model = SiteSettings
        django_get_or_create = ("site",)


class NavigationSettingsFactory(DjangoModelFactory):
    site = factory.SubFactory(wagtail_factories.SiteFactory)

    class Meta:
        model = NavigationSettings
        django_get_or_create = ("site",)


class NavigationItemFactory(DjangoModelFactory):
    navigation = factory.SubFactory(NavigationSettingsFactory)
    page = factory.SubFactory(ContentPageFactory, parent=None)
    label = ""

    class Meta:
        model = NavigationItem


class EmbedFactory(DjangoModelFactory):
    """A cached oEmbed result, so tests and benchmarks render embed blocks offline."""

    url = "https://www.youtube.com/watch?v=tictec2025"
    max_width = 800
    hash = factory.LazyAttribute(lambda embed: get_embed_hash(embed.url, embed.max_width))
    type = "video"
    title = "TICTeC 2025 highlights"
    html = factory.LazyAttribute(
        lambda embed: f'<iframe title="{embed.title}" src="/embed-test/"></iframe>'
    )
    provider_name = "YouTube"

    class Meta:
        model = Embed
        django_get_or_create = ("hash",)


class EmailLogFactory(DjangoModelFactory):
    """A logged message, written when queued (a cohort placement: its kind has no
    renderer); ``submission=`` (or any ``about=``) says what it was about, and its call
    is then the page it belongs to."""

    class Meta:
        model = EmailLog

    class Params:
        submission = None

    kind = EmailKind.GROUP_PLACEMENT
    to = factory.Sequence(lambda n: f"person{n}@example.org")
    subject = "We received your submission"
    body = "Thank you."
    about = factory.LazyAttribute(lambda log: log.submission)
    page = factory.LazyAttribute(
        lambda log: log.submission.call if log.submission is not None else None
    )


class EmailTemplateFactory(DjangoModelFactory):
    """A text staff wrote instead of the built-in one (``call=`` a call's own)."""

    class Meta:
        model = EmailTemplate

    call = None
    kind = EmailKind.ACCEPTED
    subject = "Your TICTeC 2025 session has been accepted: {{ title }}"
    body = 'Dear {{ applicant_name }},\n\nWe are delighted to accept "{{ title }}".\n'
