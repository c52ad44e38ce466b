import pytest
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home.models import HomePage


@pytest.fixture(autouse=True)
def _default_language():
    """Start and end every test in the default language. A request to /fr/ or /nl/ (or a
    Wagtail admin view) activates its language for the thread and leaves it active, which
    would otherwise leak French or Dutch into the next test's gettext calls."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def home_page(db):
    """The site's home page, as load_demo_content builds it, at the root of the default site."""

    for code in ("en", "fr", "nl"):
        Locale.objects.get_or_create(language_code=code)
    root = Page.get_first_root_node()
    if root is None:
        # An earlier transactional (browser) test flushed the root page migrations create.
        root = Page.add_root(
            instance=Page(title="Root", slug="root", locale=Locale.objects.get(language_code="en"))
        )
    home = root.add_child(instance=HomePage(title="mySociety", slug="home-test"))
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home
