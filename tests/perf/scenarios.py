"""What `make bench` measures: a small registry of scenarios.

A scenario builds its content with the project's factories in the scratch database and
returns the URL to measure. Register one with the decorator:

    @scenario("programme-day", "Programme, one day of 120 sessions")
    def programme_day(site):
        conference = ConferencePageFactory(parent=site.home)
        ...
        return conference.url

`site.home` is the published home page at the root of the default site. Scenarios run
in order, in one database, so later ones see earlier content (the home page lists the
latest news once the news scenario has run).

Apps add their scenarios in `tests/perf/scenarios_<app>.py` (found automatically), so
nobody has to edit this file to add one.
"""

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

NEWS_ARTICLES = 1_000
TOPICS = ["TICTeC", "Open data", "Democracy"]


@dataclass(frozen=True)
class BenchSite:
    home: object  # home.models.HomePage


@dataclass(frozen=True)
class Scenario:
    name: str
    description: str
    build: Callable[[BenchSite], str]


SCENARIOS: list[Scenario] = []


def scenario(name, description):
    def register(build):
        if any(existing.name == name for existing in SCENARIOS):
            raise ValueError(f"Two benchmark scenarios are called {name!r}")
        SCENARIOS.append(Scenario(name=name, description=description, build=build))
        return build

    return register


def all_scenarios():
    """The scenarios here and in every tests/perf/scenarios_<app>.py module."""
    package = importlib.import_module(__package__)
    for module in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if module.name.startswith("scenarios_"):
            importlib.import_module(f"{__package__}.{module.name}")
    return list(SCENARIOS)


@scenario("content-page", "Content page: workshop notes with headings, text, quote, table")
def content_page(site):
    from home.factories import (
        ContentPageFactory,
        heading_block,
        quote_block,
        table_block,
        text_block,
    )

    page = ContentPageFactory(
        parent=site.home,
        title="Opening Up Government: Leeds Workshop",
        slug="leeds-workshop",
        body=[
            heading_block("Venue, date and time"),
            text_block(
                "<p>Leeds Central Library, 13 March 2019, 10:00 to 16:00. The UK Civil "
                "Society Open Government Network is working with civil society "
                "organisations across the UK to develop commitments for the next "
                "National Action Plan.</p>"
            ),
            quote_block(
                "Open government is about people being able to see, understand and "
                "change the decisions made on their behalf.",
                "Workshop participant",
            ),
            heading_block("Priorities"),
            table_block(
                caption="Priorities voted by participants",
                rows=[
                    ["Priority", "Votes", "Lead"],
                    ["Open contracting in local government", "14", "Open Contracting"],
                    ["Participatory budgeting", "11", "Involve"],
                    ["Freedom of information for contractors", "9", "mySociety"],
                    ["Data on lobbying", "7", "Unlock Democracy"],
                ],
            ),
        ]
        * 3,
    )
    return page.url


@scenario("news-index", f"News index, first page, {NEWS_ARTICLES:,} articles")
def news_index(site):
    from home.factories import NewsArticlePageFactory, NewsIndexPageFactory, TagFactory
    from home.models import NewsArticleTag

    index = NewsIndexPageFactory(parent=site.home, slug="news")
    articles = [NewsArticlePageFactory(parent=index) for _ in range(NEWS_ARTICLES)]
    # Topics in one insert rather than a second save of every page.
    tictec, open_data, democracy = (TagFactory(name=name) for name in TOPICS)
    NewsArticleTag.objects.bulk_create(
        NewsArticleTag(content_object=article, tag=tag)
        for number, article in enumerate(articles)
        for tag in ([tictec, open_data] if number % 3 == 0 else [democracy])
    )
    return index.url


@scenario("news-index-page-50", f"News index, page 50 of {NEWS_ARTICLES // 10}")
def news_index_deep_page(site):
    from home.models import NewsIndexPage

    return NewsIndexPage.objects.descendant_of(site.home).get(slug="news").url + "?page=50"


@scenario("news-article", "News article")
def news_article(site):
    from home.models import NewsArticlePage

    return NewsArticlePage.objects.descendant_of(site.home).live().order_by("-date").first().url


@scenario("home", "Home page with the latest news")
def home(site):
    return site.home.url
