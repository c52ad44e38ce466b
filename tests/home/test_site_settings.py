import pytest
from wagtail.models import Site

from home.factories import (
    ContentPageFactory,
    NavigationItemFactory,
    NavigationSettingsFactory,
    SiteSettingsFactory,
)
from home.localization import synchronise_locales

pytestmark = pytest.mark.django_db


def nav_html(content):
    return content.split('<nav class="main-nav"', 1)[1].split("</nav>", 1)[0]


def test_footer_shows_the_organisation_contact_and_social_links(client, home_page):
    SiteSettingsFactory(
        site=Site.objects.get(is_default_site=True),
        organisation_name="mySociety",
        contact_email="hello@mysociety.org",
        footer_text="mySociety is a registered charity in England and Wales (1076346).",
    )

    content = client.get("/en/").content.decode()
    footer = content.split('<footer class="site-footer">', 1)[1]

    assert '<p class="site-footer__name">mySociety</p>' in footer
    assert "<p>mySociety is a registered charity in England and Wales (1076346).</p>" in footer
    assert '<a href="mailto:hello@mysociety.org">hello@mysociety.org</a>' in footer
    assert '<a href="https://mastodon.social/@mysociety" rel="me">Mastodon</a>' in footer
    assert '<a href="https://bsky.app/profile/mysociety.org">Bluesky</a>' in footer


def test_main_navigation_marks_the_current_page_and_skips_unpublished_pages(client, home_page):
    navigation = NavigationSettingsFactory(site=Site.objects.get(is_default_site=True))
    about = ContentPageFactory(parent=home_page, title="About", slug="about")
    resources = ContentPageFactory(parent=about, title="Resources", slug="resources")
    draft = ContentPageFactory(parent=home_page, title="Draft", slug="draft", live=False)
    NavigationItemFactory(navigation=navigation, page=about, label="About us", sort_order=0)
    NavigationItemFactory(navigation=navigation, page=draft, sort_order=1)
    NavigationItemFactory(navigation=navigation, page=resources, sort_order=2)

    about_nav = nav_html(client.get("/en/about/").content.decode())
    resources_nav = nav_html(client.get("/en/about/resources/").content.decode())

    assert '<a href="/en/about/" aria-current="page">About us</a>' in about_nav
    assert '<a href="/en/about/resources/">Resources</a>' in about_nav
    assert "Draft" not in about_nav
    assert '<a href="/en/about/" aria-current="true">About us</a>' in resources_nav
    assert '<a href="/en/about/resources/" aria-current="page">Resources</a>' in resources_nav


def test_main_navigation_links_to_the_translation_in_the_current_language(
    client, home_page, translate
):
    navigation = NavigationSettingsFactory(site=Site.objects.get(is_default_site=True))
    guide = ContentPageFactory(parent=home_page, title="Guidebook", slug="guidebook")
    workshops = ContentPageFactory(parent=home_page, title="Workshops", slug="workshops")
    NavigationItemFactory(navigation=navigation, page=guide, label="The guidebook", sort_order=0)
    NavigationItemFactory(navigation=navigation, page=workshops, sort_order=1)
    translate(guide, "fr", "FR")

    french_nav = nav_html(client.get("/fr/guidebook/").content.decode())
    english_nav = nav_html(client.get("/en/").content.decode())

    # The translated page under its French title; the untranslated one stays in English.
    assert '<a href="/fr/guidebook/" aria-current="page">FR Guidebook</a>' in french_nav
    assert '<a href="/en/workshops/">Workshops</a>' in french_nav
    assert '<a href="/en/guidebook/">The guidebook</a>' in english_nav


def test_the_footer_text_is_marked_as_english_on_french_pages(client, home_page):
    # Site settings are not translated: the footer text stays in the editors' English.

    synchronise_locales(source_language_code="en", language_codes=["fr"])
    SiteSettingsFactory(
        site=Site.objects.get(is_default_site=True),
        footer_text="mySociety is a registered charity in England and Wales (1076346).",
    )

    french = client.get("/fr/", follow=True).content.decode()
    english = client.get("/en/").content.decode()

    assert (
        '<div class="site-footer__text" lang="en"><p>mySociety is a registered charity'
        in french.split('<footer class="site-footer">', 1)[1]
    )
    assert '<div class="site-footer__text"><p>mySociety is a registered charity' in english
