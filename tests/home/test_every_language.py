"""Every page in every language (issue #11): French and Dutch mirror the English tree as
aliases until translated, a translation is a draft until published, and the language
switcher works everywhere, account pages included."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page, Workflow, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from home.factories import ContentPageFactory, text_block
from home.localization import synchronise_locales
from home.models import ContentPage

pytestmark = pytest.mark.django_db

NOTE = {
    "fr": "Cette page n’a pas encore été traduite ; elle est affichée en anglais.",
    "nl": "Deze pagina is nog niet vertaald; ze wordt in het Engels getoond.",
}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def locale(code):
    return Locale.objects.get(language_code=code)


@pytest.fixture
def synchronised(home_page):
    """French and Dutch synchronised from English, as the demo and staff set them up."""
    synchronise_locales(source_language_code="en", language_codes=["fr", "nl"])
    return home_page


@pytest.fixture
def workshop(home_page):
    page = ContentPageFactory(
        parent=home_page,
        title="Opening Up Government: Leeds Workshop",
        slug="leeds-workshop",
        introduction="Meeting note of the Leeds workshop.",
        body=[text_block("<p>Build the community of reformers.</p>")],
    )
    page.save_revision().publish()
    return page


def test_the_demo_has_every_page_in_french_and_dutch_the_programme_with_its_sessions():
    call_command("load_demo_content")

    english = soup(Client().get("/en/tictec/tictec-2025/programme/"))
    sessions = [a.get_text() for a in english.select(".programme-session__title")]
    assert len(sessions) == 42
    for language in ("fr", "nl"):
        response = Client().get(f"/{language}/tictec/tictec-2025/programme/")
        page = soup(response)
        # The programme is translated by hand; its sessions are aliases of the English ones.
        assert response.status_code == 200
        assert page.html["lang"] == language
        assert [a.get_text() for a in page.select(".programme-session__title")] == sessions
        assert all(
            a["href"].startswith(f"/{language}/tictec/tictec-2025/programme/")
            for a in page.select(".programme-session__title")
        )
        assert page.select_one(".untranslated-notice") is None

        response = Client().get(f"/{language}/opportunities/")
        page = soup(response)
        assert response.status_code == 200
        assert page.html["lang"] == language
        assert page.select_one(".untranslated-notice").get_text() == NOTE[language]
        english_content = page.select_one("main div[lang=en]")
        assert english_content.h1.get_text() == "Opportunities"
        assert english_content.select("a[href]")  # the opportunities, listed in English


def test_every_english_page_gets_an_alias_in_french_and_dutch_showing_the_english_content(
    client, workshop, synchronised
):
    for language in ("fr", "nl"):
        alias = workshop.get_translation(locale(language))
        assert alias.alias_of_id == workshop.pk
        assert alias.live

        response = client.get(f"/{language}/leeds-workshop/")
        page = soup(response)
        assert response.status_code == 200
        assert page.html["lang"] == language
        assert page.select_one(".untranslated-notice").get_text() == NOTE[language]
        content = page.select_one("main div[lang=en]")
        assert content.h1.get_text() == "Opening Up Government: Leeds Workshop"
        assert "Build the community of reformers." in content.get_text()
    # The English page has no note.
    assert soup(client.get("/en/leeds-workshop/")).select_one(".untranslated-notice") is None


def test_a_page_published_in_english_in_the_admin_appears_in_french_and_dutch(
    client, synchronised, admin_user
):
    client.force_login(admin_user)
    data = nested_form_data(
        {
            "title": "Open Government and Participation: London Workshop",
            "slug": "london-workshop",
            "introduction": rich_text("<p>Meeting note of the London workshop.</p>"),
            "body": streamfield([("text", {"text": rich_text("<p>Four tables.</p>")})]),
            "comments": {
                "TOTAL_FORMS": 0,
                "INITIAL_FORMS": 0,
                "MIN_NUM_FORMS": 0,
                "MAX_NUM_FORMS": 1000,
            },
            "action-publish": "Publish",
        }
    )

    response = client.post(
        reverse("wagtailadmin_pages:add", args=["home", "contentpage", synchronised.pk]), data
    )

    assert response.status_code == 302
    english = ContentPage.objects.get(locale=locale("en"), slug="london-workshop")
    assert english.live
    client.logout()
    for language in ("fr", "nl"):
        alias = english.get_translation(locale(language))
        assert (alias.alias_of_id, alias.live) == (english.pk, True)
        page = soup(client.get(f"/{language}/london-workshop/"))
        assert page.select_one("main div[lang=en] h1").get_text() == english.title


def test_a_page_published_by_code_gets_its_aliases_too(client, synchronised):
    draft = ContentPageFactory(parent=synchronised, title="Guidebook", slug="guidebook", live=False)
    assert draft.get_translations().count() == 0

    draft.save_revision().publish()

    assert {page.locale.language_code for page in draft.get_translations()} == {"fr", "nl"}
    assert client.get("/nl/guidebook/").status_code == 200


def test_translating_a_page_leaves_the_french_address_showing_the_english_page_until_published(
    client, workshop, synchronised, django_capture_on_commit_callbacks
):
    french_locale = locale("fr")

    # The editor clicks "Translate this page" (wagtail-localize's translate_object).
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(workshop, [french_locale])

    french = workshop.get_translation(french_locale)
    assert french.alias_of_id is None  # a translation now, not yet published
    assert french.live_revision.object_id == str(workshop.pk)  # what it showed as an alias
    page = soup(client.get("/fr/leeds-workshop/"))
    assert page.select_one(".untranslated-notice").get_text() == NOTE["fr"]
    assert page.select_one("main div[lang=en] h1").get_text() == workshop.title

    # The translator translates every string and publishes.
    translation = translate_every_string(workshop, "fr", "FR")
    # Translated strings are not shown before the translation is published.
    assert "FR " not in soup(client.get("/fr/leeds-workshop/")).select_one("main").get_text()
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    page = soup(client.get("/fr/leeds-workshop/"))
    assert page.select_one(".untranslated-notice") is None
    assert page.select_one("main div[lang]") is None
    assert page.h1.get_text() == "FR Opening Up Government: Leeds Workshop"


def test_without_synchronisation_a_new_translation_is_a_draft_and_not_served(
    client, workshop, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(workshop, [locale("fr")])

    french = workshop.get_translation(locale("fr"))
    assert not french.live
    assert client.get("/fr/leeds-workshop/").status_code == 404
    # The switcher on the English page leads to the nearest French page instead (the home
    # page, made an alias when the translation was started), never to a 404.
    english = soup(client.get("/en/leeds-workshop/"))
    links = {a["lang"]: a["href"] for a in english.select(".language-switcher a")}
    assert links == {"fr": "/fr/", "nl": "/nl/"}
    assert client.get("/fr/").status_code == 200
    assert client.get("/nl/").status_code == 200


def translate_every_string(page, language_code, prefix):
    translation = Translation.objects.get(
        source=TranslationSource.objects.get(object_id=page.translation_key),
        target_locale=locale(language_code),
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = f"{prefix} {entry.msgid}"
    translation.import_po(po)
    return translation


def test_an_editor_submits_a_translation_and_a_moderator_approves_it_into_the_live_site(
    client, workshop, synchronised, django_user_model, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(workshop, [locale("fr")])
    french = workshop.get_translation(locale("fr")).specific
    translate_every_string(workshop, "fr", "FR")
    editor = django_user_model.objects.create_user(
        username="editor@example.org", email="editor@example.org", is_staff=True
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    moderator = django_user_model.objects.create_user(
        username="moderator@example.org", email="moderator@example.org", is_staff=True
    )
    moderator.groups.add(Group.objects.get(name="Moderators"))
    # The French tree is under the same workflow as the English one.
    workflow = french.get_workflow()
    assert isinstance(workflow, Workflow)
    assert workflow == workshop.get_workflow()

    # The editor may not publish from wagtail-localize's editor...
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[french.pk])
    refused = client.post(edit_url, {"action": "publish"})
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert Page.objects.get(pk=french.pk).live_revision.object_id == str(workshop.pk)
    # ...but submits the translation from the page's menu in the explorer.
    explorer = client.get(reverse("wagtailadmin_explore", args=[french.get_parent().pk]))
    submit_url = reverse("home_submit_translation", args=[french.pk])
    assert f'href="{submit_url}"' in explorer.content.decode()
    assert "Submit for moderation" in client.get(submit_url).content.decode()
    response = client.post(submit_url)
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(french.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert client.post(submit_url)["Location"] == "/admin/"  # already in moderation
    assert WorkflowState.objects.count() == 1
    client.logout()

    # Until approved, the French address shows the English page, not the draft.
    page = soup(client.get("/fr/leeds-workshop/"))
    assert page.select_one(".untranslated-notice").get_text() == NOTE["fr"]
    assert page.select_one("main div[lang=en] h1").get_text() == workshop.title
    assert "FR " not in page.select_one("main").get_text()

    client.force_login(moderator)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[french.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )
    client.logout()

    page = soup(client.get("/fr/leeds-workshop/"))
    assert page.h1.get_text() == "FR Opening Up Government: Leeds Workshop"
    assert "FR Build the community of reformers." in page.select_one("main").get_text()
    assert page.select_one(".untranslated-notice") is None


def test_nobody_else_submits_a_translation_for_moderation(client, workshop, synchronised):
    alias = workshop.get_translation(locale("fr"))
    url = reverse("home_submit_translation", args=[alias.pk])
    # An alias has nothing to submit, and an anonymous visitor is sent to sign in.
    assert client.get(url).status_code == 302
    reviewer = get_user_model().objects.create_user(username="rae@example.org", is_staff=True)
    reviewer.groups.add(Group.objects.get(name="Reviewers"))
    client.force_login(reviewer)
    refused = client.post(url)
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert not WorkflowState.objects.exists()


def test_the_switcher_links_each_page_to_its_version_in_each_language(
    client, workshop, synchronised
):
    page = soup(client.get("/en/leeds-workshop/"))

    links = {a["lang"]: a["href"] for a in page.select(".language-switcher a")}
    assert links == {"fr": "/fr/leeds-workshop/", "nl": "/nl/leeds-workshop/"}
    assert page.select(".language-switcher form") == []  # pages stay cacheable
    for href in links.values():
        assert client.get(href).status_code == 200


@pytest.mark.parametrize(("language", "heading"), [("fr", "Se connecter"), ("nl", "Inloggen")])
def test_the_switcher_on_the_sign_in_page_changes_its_language(
    client, home_page, language, heading
):
    page = soup(client.get("/accounts/login/"))
    assert page.html["lang"] == "en"
    button = page.select_one(f'.language-switcher button[lang="{language}"]')
    form = button.find_parent("form")
    assert form["action"] == "/i18n/setlang/"
    assert form["method"] == "post"
    fields = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    assert fields["language"] == language
    assert fields["next"] == "/accounts/login/"

    response = client.post(form["action"], fields)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    page = soup(client.get(response["Location"]))
    assert page.html["lang"] == language
    assert page.h1.get_text() == heading
    assert page.select_one('.language-switcher span[aria-current="true"]')["lang"] == language


def test_the_switcher_on_my_submissions_changes_its_language(client, home_page, admin_user):
    client.force_login(admin_user)
    page = soup(client.get("/my-submissions/"))
    form = page.select_one('.language-switcher button[lang="nl"]').find_parent("form")
    fields = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}

    response = client.post(form["action"], fields, follow=True)

    assert soup(response).html["lang"] == "nl"


def test_synchronising_twice_adds_nothing(workshop, synchronised):
    count = Page.objects.count()

    synchronise_locales(source_language_code="en", language_codes=["fr", "nl"])

    assert Page.objects.count() == count
    assert LocaleSynchronization.objects.count() == 2
