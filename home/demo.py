"""Demo content for the home app: locales, the home page, site settings, demo logins.

Every loader in settings.DEMO_CONTENT_LOADERS is idempotent: it looks content up by
a stable key (slug, email) and creates only what is missing.
"""

import datetime
from html import escape
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, Site

from . import demo_markup
from .factories import (
    ContentPageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    heading_block,
    text_block,
)
from .models import (
    ContentPage,
    HomePage,
    HomePageFeaturedItem,
    NavigationItem,
    NavigationSettings,
    NewsArticlePage,
    SiteSettings,
)

DEMO_PASSWORD = "tictec-demo-2025"

# (email, name, groups, is_superuser)
DEMO_USERS = [
    ("admin@example.org", "Ada Admin", [], True),
    ("editor@example.org", "Eddie Editor", ["Editors"], False),
    ("moderator@example.org", "Mo Moderator", ["Moderators"], False),
    ("reviewer@example.org", "Rae Reviewer", ["Reviewers"], False),
    ("programme@example.org", "Pat Programme", ["Programme team", "Reviewers"], False),
    ("applicant@example.org", "Amani Applicant", [], False),
]


def ensure_locales():
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def ensure_home_page():
    home = HomePage.objects.filter(locale__language_code="en").first()
    if home is None:
        # Wagtail's install leaves a placeholder "Welcome" page; the home page replaces it.
        root = Page.get_first_root_node()
        for placeholder in root.get_children().filter(slug="home"):
            if placeholder.specific_class is Page:
                placeholder.delete()
        home = root.add_child(
            instance=HomePage(
                title="mySociety",
                slug="home",
                introduction=(
                    "<p>We build and share digital tools that help people be active "
                    "citizens, and we run TICTeC, the Impacts of Civic Technology Conference.</p>"
                ),
            )
        )
        home.save_revision().publish()
    # Absolute links (frab exports, feeds, emails) come from the Site: make it the
    # address the site is served on (make run sets BASE_URL from PORT).
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": base.hostname,
            "port": base.port or (443 if base.scheme == "https" else 80),
            "root_page": home,
            "site_name": "mySociety",
        },
    )
    return home


def ensure_users():
    User = get_user_model()
    from allauth.account.models import EmailAddress

    users = {}
    for email, name, group_names, is_superuser in DEMO_USERS:
        first, last = name.split(" ", 1)
        user, created = User.objects.get_or_create(
            username=email,
            defaults={
                "email": email,
                "first_name": first,
                "last_name": last,
                "is_staff": is_superuser or bool(group_names),
                "is_superuser": is_superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        for group_name in group_names:
            user.groups.add(Group.objects.get(name=group_name))
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        users[email] = user
    return users


NEWS_FILES = sorted(path.name for path in (demo_markup.CONTENT_DIR / "news").glob("*.txt"))
WORKSHOP_FILES = ["01-leeds.txt", "02-newcastle.txt", "03-bristol.txt", "04-london.txt"]
GUIDEBOOK_SECTIONS = [
    "01-who-is-this-guide-for.txt",
    "02-why-involve-the-public.txt",
    "03-what-could-civic-participation-look-like.txt",
    "04-how-to-get-started.txt",
]


def _publish(page):
    page.save_revision().publish()
    return page


def _child(parent, slug):
    return parent.get_children().filter(slug=slug).specific().first()


def ensure_site_settings(site):
    site_settings = SiteSettings.for_site(site)
    site_settings.organisation_name = "mySociety"
    site_settings.contact_email = site_settings.contact_email or "hello@example.org"
    site_settings.footer_text = site_settings.footer_text or (
        "mySociety is a registered charity in England and Wales (1076346) "
        "and a limited company (03277032)."
    )
    site_settings.mastodon_url = site_settings.mastodon_url or "https://mastodon.social/@mysociety"
    site_settings.bluesky_url = (
        site_settings.bluesky_url or "https://bsky.app/profile/mysociety.org"
    )
    site_settings.linkedin_url = (
        site_settings.linkedin_url or "https://www.linkedin.com/company/mysociety"
    )
    site_settings.save()


def ensure_news(home):
    index = _child(home, "news")
    if index is None:
        index = _publish(
            NewsIndexPageFactory(
                parent=home,
                title="News",
                slug="news",
                introduction="News from mySociety: our democracy and Freedom of Information "
                "work, TICTeC, jobs and governance.",
            )
        )
    for filename in NEWS_FILES:
        meta, body = demo_markup.read(f"news/{filename}")
        slug = filename.removesuffix(".txt")
        if _child(index, slug) is not None:
            continue
        first_paragraph = f"<p>{escape(meta['introduction'])}</p>"
        if (
            body
            and body[0]["type"] == "text"
            and body[0]["value"]["text"].startswith(first_paragraph)
        ):
            # The introduction is shown above the body: do not repeat it.
            rest = body[0]["value"]["text"][len(first_paragraph) :]
            body = ([text_block(rest)] if rest else []) + body[1:]
        _publish(
            NewsArticlePageFactory(
                parent=index,
                title=meta["title"],
                slug=slug,
                date=datetime.date.fromisoformat(meta["date"]),
                author=meta["author"],
                introduction=meta["introduction"],
                body=body,
                topics=[topic.strip() for topic in meta["topics"].split(",") if topic.strip()],
            )
        )
    return index


def _ensure_content_page(parent, relative_path, extra_blocks=()):
    meta, body = demo_markup.read(relative_path)
    page = _child(parent, meta["slug"])
    if page is None:
        page = _publish(
            ContentPageFactory(
                parent=parent,
                title=meta["title"],
                slug=meta["slug"],
                introduction=meta["introduction"],
                body=[*extra_blocks, *body],
            )
        )
    return page, meta


def ensure_workshops(home):
    series, _meta = _ensure_content_page(home, "workshops/00-series.txt")
    for filename in WORKSHOP_FILES:
        meta, _body = demo_markup.read(f"workshops/{filename}")
        date = datetime.date.fromisoformat(meta["date"])
        details = [
            heading_block("Details"),
            text_block(
                f"<p><strong>Venue:</strong> {escape(meta['venue'])}<br>"
                f"<strong>Date and time:</strong> {escape(meta['time'])}</p>"
            ),
        ]
        page, _meta = _ensure_content_page(series, f"workshops/{filename}", details)
        if not page.search_description:
            page.search_description = f"Meeting note, {date:%-d %B %Y}."
            _publish(page)
    return series


def ensure_guidebook(home):
    guide, _meta = _ensure_content_page(home, "guidebook/00-guidebook.txt")
    for filename in GUIDEBOOK_SECTIONS:
        _ensure_content_page(guide, f"guidebook/{filename}")
    return guide


def ensure_navigation(site, pages):
    navigation = NavigationSettings.for_site(site)
    existing = set(navigation.items.values_list("page_id", flat=True))
    order = navigation.items.count()
    for page, label in pages:
        if page.pk not in existing:
            NavigationItem.objects.create(
                navigation=navigation, page=page, label=label, sort_order=order
            )
            order += 1


def ensure_featured(home, pages, *, first=False):
    """Add featured items to the home page through a published revision, so that
    editors see them in the admin (which edits the latest revision)."""
    home = HomePage.objects.get(pk=home.pk)
    items = list(home.featured_items.all())
    existing = {item.page_id for item in items}
    new_items = [
        HomePageFeaturedItem(page=page, label=label, description=description)
        for page, label, description in pages
        if page.pk not in existing
    ]
    if not new_items:
        return
    ordered = new_items + items if first else items + new_items
    for order, item in enumerate(ordered):
        item.sort_order = order
    home.featured_items = ordered
    _publish(home)


def load(stdout=None):
    ensure_locales()
    home = ensure_home_page()
    site = Site.objects.get(is_default_site=True)
    ensure_site_settings(site)
    ensure_users()
    news = ensure_news(home)
    workshops = ensure_workshops(home)
    guide = ensure_guidebook(home)
    ensure_navigation(site, [(news, ""), (guide, "Guidebook"), (workshops, "Workshop notes")])
    ensure_featured(
        home,
        [
            (
                guide,
                "Guidebook",
                "How the public sector can involve citizens in algorithmic decision-making.",
            ),
            (workshops, "Meeting notes", "Four workshops on open government reforms, March 2015."),
        ],
    )
    if stdout:
        stdout.write(
            f"home: {NewsArticlePage.objects.child_of(news).count()} news articles, "
            f"{ContentPage.objects.descendant_of(home).count()} content pages"
        )
    return home


# The pages other apps build (the current conference, open calls) are featured once
# every loader has run; home imports no other app, so they are found by app label.
# The main navigation's top-level sections from other apps, by app and page model.
NAVIGATION_SECTIONS = [
    ("conference", "conferenceindexpage", "TICTeC"),
    ("cohorts", "opportunityindexpage", "Opportunities"),
    ("home", "donationpage", "Donate"),
]


def link_other_apps(stdout=None):
    """Put the conference, the opportunities and the donation page in the main
    navigation; the home page shows the next conference and open calls by itself."""
    home = HomePage.objects.filter(locale__language_code="en").first()
    if home is None:
        return
    sections = []
    for app_label, model, label in NAVIGATION_SECTIONS:
        page = (
            Page.objects.child_of(home)
            .live()
            .filter(content_type__app_label=app_label, content_type__model=model)
            .first()
        )
        if page is not None:
            sections.append((page, label))
    ensure_navigation(Site.objects.get(is_default_site=True), sections)
