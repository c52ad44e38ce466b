"""Demo content for the home app: locales, the home page, site settings, demo logins.

Every loader in settings.DEMO_CONTENT_LOADERS is idempotent: it looks content up by
a stable key (slug, email) and creates only what is missing.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, Site

from .models import HomePage, SiteSettings

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
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "mySociety"},
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


def load(stdout=None):
    ensure_locales()
    home = ensure_home_page()
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    site_settings.organisation_name = "mySociety"
    site_settings.contact_email = site_settings.contact_email or "hello@example.org"
    site_settings.footer_text = site_settings.footer_text or (
        "mySociety is a registered charity in England and Wales (1076346) "
        "and a limited company (03277032)."
    )
    site_settings.save()
    ensure_users()
    return home
