"""Issue #11's journey in French and in Dutch, on the demo site: a visitor picks the
language on the home page, browses the TICTeC 2025 programme, a session and a speaker,
the opportunities and the FOI cohort, signs up, answers the call's questions in their
language and gets a receipt in it. On every page: `html[lang]` is the visitor's language,
no English is left outside an element marked lang="en", and axe-core finds nothing."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import translation
from playwright.sync_api import expect
from wagtail.models import Locale, Page

from conference.models import SessionPage
from demo.loader import demo_logins
from proposals.models import Submission, SubmissionStatus

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-and-unusual-passphrase"

LANGUAGES = {
    "fr": {
        "name": "Français",
        "programme": "Programme",
        "call": "Appel à propositions de sessions",
        "question": "Preuves d’impact",
        "help_text": "Qu’est-ce que ce travail a changé ?",
        "audience": "Bailleurs de fonds",
        "receipt": "Nous avons reçu votre proposition",
    },
    "nl": {
        "name": "Nederlands",
        "programme": "Programma",
        "call": "Oproep voor sessievoorstellen",
        "question": "Bewijs van impact",
        "help_text": "Wat is er door dit werk veranderd?",
        "audience": "Financiers",
        "receipt": "We hebben je inzending ontvangen",
    },
}

# Visible text outside any lang="en" element: words that only English has.
# Names are not translated (WCAG 3.1.2 leaves proper names out).
PROPER_NAMES = ["The Impacts of Civic Technology Conference"]
ENGLISH_WORDS = re.compile(r"\b(the|and|with|your|you|please|sign in|submit)\b", re.IGNORECASE)
VISIBLE_TEXT_OUTSIDE_ENGLISH = """() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const texts = [];
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const element = node.parentElement;
        if (!node.textContent.trim() || element.closest("script, style, template")) continue;
        if ((element.closest("[lang]").getAttribute("lang") || "").startsWith("en")) continue;
        if (!element.checkVisibility() && !element.closest(".visually-hidden")) continue;
        texts.push(node.textContent.trim());
    }
    return texts;
}"""


def _restore_migrated_data():
    """What the data migrations made and an earlier browser test's flush took away: the
    root page and the demo users' groups, which the demo builds on."""
    if Page.get_first_root_node() is None:
        locale, _created = Locale.objects.get_or_create(language_code="en")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    for user in demo_logins():
        for name in user["groups"]:
            Group.objects.get_or_create(name=name)


def _t(language, message):
    """The catalogue's translation of an interface string, which must have one."""
    with translation.override(language):
        translated = translation.gettext(message)
    assert translated != message, f"no {language} translation for {message!r}"
    return translated


def _check(page, language, assert_accessible, leaks):
    """What every page of the journey must be: in the visitor's language and accessible;
    English outside lang="en" is gathered in ``leaks`` (so that one run lists them all)."""
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == language, page.url
    assert f"/{language}/" in page.url or "/accounts/" in page.url or "/my-" in page.url, page.url
    texts = page.evaluate(VISIBLE_TEXT_OUTSIDE_ENGLISH)
    english = [
        text
        for text in texts
        if ENGLISH_WORDS.search(re.sub("|".join(map(re.escape, PROPER_NAMES)), "", text))
    ]
    if english:
        leaks[page.url.split("/", 3)[3]] = english
    assert_accessible(page)


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_a_visitor_browses_signs_up_and_applies_in_their_language(
    language, browser_page, assert_accessible
):
    words = LANGUAGES[language]
    _restore_migrated_data()
    call_command("load_demo_content")
    mail.outbox.clear()  # the demo's applicants were written to
    page = browser_page
    leaks = {}

    # The home page in English; the visitor picks their language in the switcher.
    page.goto("/en/")
    switcher = page.get_by_role("navigation", name="Language")
    switcher.get_by_role("link", name=words["name"]).focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/{language}/$"))
    _check(page, language, assert_accessible, leaks)
    expect(page.get_by_role("navigation", name=_t(language, "Language"))).to_be_visible()

    # TICTeC, TICTeC 2025 and its programme of 42 sessions, through the main navigation.
    main_nav = page.get_by_role("navigation", name=_t(language, "Main"))
    main_nav.get_by_role("link", name="TICTeC", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/{language}/tictec/$"))
    _check(page, language, assert_accessible, leaks)
    page.get_by_role("main").get_by_role("link", name="TICTeC 2025").first.click()
    expect(page).to_have_url(re.compile(rf"/{language}/tictec/tictec-2025/$"))
    _check(page, language, assert_accessible, leaks)
    page.locator("section[aria-labelledby=programme-heading] a").click()
    expect(page).to_have_url(re.compile(rf"/{language}/tictec/tictec-2025/programme/$"))
    expect(page.locator(".programme-session__title")).to_have_count(42)
    _check(page, language, assert_accessible, leaks)

    # A session, then one of its speakers.
    with_speakers = (
        SessionPage.objects.filter(locale__language_code="en", speaker_links__isnull=False)
        .order_by("path")
        .first()
    )
    page.locator(".programme-session__title", has_text=with_speakers.title).first.click()
    expect(page).to_have_url(re.compile(rf"/{language}/tictec/tictec-2025/programme/[\w-]+/$"))
    _check(page, language, assert_accessible, leaks)
    page.locator(".speaker-list a").first.click()
    expect(page).to_have_url(re.compile(rf"/{language}/[\w/-]+/$"))
    expect(page.locator("body")).to_have_class(re.compile("speaker"))
    _check(page, language, assert_accessible, leaks)

    # The opportunities and the FOI campaign support cohort.
    page.goto(f"/{language}/")
    main_nav.locator("a[href$='/opportunities/']").click()
    expect(page).to_have_url(re.compile(rf"/{language}/opportunities/$"))
    _check(page, language, assert_accessible, leaks)
    page.get_by_role("main").locator("a[href*='/foi-campaign-support/']").first.click()
    expect(page).to_have_url(re.compile(rf"/{language}/opportunities/foi-campaign-support/$"))
    _check(page, language, assert_accessible, leaks)

    # The call, from the home page's open calls; the visitor creates an account there.
    page.goto(f"/{language}/")
    page.locator("#open-calls-heading").locator("xpath=..").get_by_role(
        "link", name=words["call"]
    ).click()
    call_url = f"/{language}/tictec/tictec-2027/call-for-proposals/"
    expect(page).to_have_url(re.compile(rf"{call_url}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(words["call"])
    _check(page, language, assert_accessible, leaks)
    page.get_by_role("main").get_by_role("link", name=_t(language, "Create an account")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(_t(language, "Create an account"))
    _check(page, language, assert_accessible, leaks)
    email = f"lea-{language}@example.org"
    page.get_by_label(_t(language, "Your name")).fill("Léa")
    page.get_by_label(_t(language, "Email")).fill(email)
    page.get_by_label(_t(language, "Password"), exact=True).fill(PASSWORD)
    page.get_by_label(_t(language, "Password (again)")).fill(PASSWORD)
    page.get_by_role("button", name=_t(language, "Create account")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(_t(language, "Check your email"))
    _check(page, language, assert_accessible, leaks)

    # The confirmation email is in the visitor's language; its link brings them back.
    assert [message.to for message in mail.outbox] == [[email]]
    confirmation = mail.outbox[0]
    assert _t(language, "Please Confirm Your Email Address") in confirmation.subject
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", confirmation.body).group(0)
    page.goto("/accounts/" + link.split("/accounts/", 1)[1])
    _check(page, language, assert_accessible, leaks)
    page.get_by_role("button", name=_t(language, "Confirm")).click()
    expect(page).to_have_url(re.compile(rf"{call_url}$"))
    _check(page, language, assert_accessible, leaks)

    # The call's questions are in the visitor's language; they apply.
    form = page.locator("form").filter(has=page.locator("#id_title"))
    expect(form.get_by_label(words["question"])).to_be_visible()
    expect(form).to_contain_text(words["help_text"])
    form.locator("#id_title").fill("Des cliniques FOI de quartier")
    form.locator("[name$='speaker_name']").fill("Léa Martin")
    form.locator("[name$='abstract']").fill(
        "Des permanences pour écrire ses demandes d’accès ensemble."
    )
    form.get_by_label(words["question"]).fill("Cent demandes d’accès en un an, trois enquêtes.")
    form.locator("select").filter(
        has=page.locator("option", has_text=words["audience"])
    ).select_option(label=words["audience"])
    for group in form.locator("fieldset").all():
        radios = group.locator("input[type=radio]")
        if radios.count():
            radios.first.check()
        checkboxes = group.locator("input[type=checkbox]")
        if checkboxes.count():
            checkboxes.first.check()
    mail.outbox.clear()
    form.get_by_role("button", name=_t(language, "Submit")).click()
    page.wait_for_load_state()
    assert page.locator("#error-summary").count() == 0, page.locator("#error-summary").inner_text()
    expect(page.get_by_role("heading", level=1)).to_have_text("Des cliniques FOI de quartier")
    _check(page, language, assert_accessible, leaks)

    # The receipt is in the visitor's language, and the answer is stored in the call's.
    assert [message.to for message in mail.outbox] == [[email]]
    receipt = mail.outbox[0]
    assert receipt.subject.startswith(words["receipt"]), receipt.subject
    submission = Submission.objects.get(applicant__email=email)
    assert submission.status == SubmissionStatus.SUBMITTED
    assert "Funders" in submission.answers.values()

    # Nowhere on the way was there English not marked as English.
    assert leaks == {}, "\n".join(f"{url}: {texts}" for url, texts in leaks.items())
