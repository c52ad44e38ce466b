"""The site's interface strings in French and Dutch, and the health of every catalogue.

The project catalogue (locale/) holds the base layout, components, account pages and the
home app; proposals/ and cohorts/ (and conference/) have their own. Compiled .mo files are
committed, so the site runs without GNU gettext: these tests check they match the .po files.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, ngettext

BASE_DIR = Path(settings.BASE_DIR)
SKIPPED_DIRS = {".venv", "node_modules", "staticfiles", ".git"}
PO_FILES = sorted(
    path
    for path in BASE_DIR.glob("**/LC_MESSAGES/django.po")
    if not SKIPPED_DIRS & set(path.relative_to(BASE_DIR).parts)
)
# Catalogues whose every msgid is translated.
COMPLETE_CATALOGUES = ("locale", "proposals/locale", "cohorts/locale", "conference/locale")
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
TAG = re.compile(r"</?[a-z][^>]*>")

INTERFACE = {
    "fr": {
        "skip_link": "Aller au contenu principal",
        "search": "Rechercher",
        "search_label": "Rechercher sur le site",
        "no_results": "0 résultat pour « x »",
        "try_again": "Essayez d’autres mots, ou moins de mots.",
        "not_found": "Page introuvable",
        "home_link": "Aller à la page d’accueil",
    },
    "nl": {
        "skip_link": "Naar de hoofdinhoud",
        "search": "Zoeken",
        "search_label": "Doorzoek de website",
        "no_results": "0 resultaten voor ‘x’",
        "try_again": "Probeer andere of minder woorden.",
        "not_found": "Pagina niet gevonden",
        "home_link": "Naar de homepagina",
    },
}


def test_the_project_has_french_and_dutch_catalogues():
    names = {str(path.relative_to(BASE_DIR)) for path in PO_FILES}
    for catalogue in COMPLETE_CATALOGUES:
        for language in ("fr", "nl"):
            assert f"{catalogue}/{language}/LC_MESSAGES/django.po" in names


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "nl"])
def test_the_search_page_interface_is_in_the_visitors_language(client, home_page, language):
    response = client.get(f"/{language}/search/", {"q": "x"})

    content = response.content.decode()
    strings = INTERFACE[language]
    assert response.status_code == 200
    assert f'<html lang="{language}">' in content
    assert f'<a class="skip-link" href="#main-content">{strings["skip_link"]}</a>' in content
    assert f'<button type="submit">{strings["search"]}</button>' in content
    assert f"<h1>{strings['search']}</h1>" in content
    assert (
        f'<label for="site-search-q" class="visually-hidden">{strings["search_label"]}</label>'
        in content
    )
    assert strings["no_results"] in content
    assert strings["try_again"] in content
    for english in ("Skip to main content", "Search the site", "Try different or fewer words."):
        assert english not in content


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "nl"])
def test_the_404_page_is_in_the_visitors_language(client, home_page, language):
    response = client.get(f"/{language}/no-such-page/")

    content = response.content.decode()
    strings = INTERFACE[language]
    assert response.status_code == 404
    assert f"<h1>{strings['not_found']}</h1>" in content
    assert f'<a href="/{language}/">{strings["home_link"]}</a>' in content
    assert "Page not found" not in content


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", ["Se connecter", "Candidater", "Soumettre", "Cohortes", "2 articles"]),
        ("nl", ["Inloggen", "Aanmelden", "Indienen", "Cohorten", "2 artikelen"]),
    ],
)
def test_project_and_app_catalogues_are_all_loaded(language, expected):
    with translation.override(language):
        found = [
            gettext("Sign in"),  # locale/ (account links)
            gettext("Apply"),  # proposals/ and cohorts/
            gettext("Submit"),  # proposals/
            gettext("Cohorts"),  # cohorts/
            ngettext("%(counter)s article", "%(counter)s articles", 2) % {"counter": 2},
        ]
    assert found == expected


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_catalogue_has_no_fuzzy_entries_and_keeps_placeholders(po_path):
    po = polib.pofile(str(po_path))

    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    for entry in po.translated_entries():
        allowed = set(PLACEHOLDER.findall(entry.msgid + entry.msgid_plural))
        translations = [entry.msgstr] if not entry.msgid_plural else entry.msgstr_plural.values()
        for msgstr in translations:
            assert set(PLACEHOLDER.findall(msgstr)) <= allowed, entry.msgid
            if not entry.msgid_plural:
                # Every placeholder given is used, and links and markup are kept.
                assert set(PLACEHOLDER.findall(msgstr)) == allowed, entry.msgid
                assert sorted(TAG.findall(msgstr)) == sorted(TAG.findall(entry.msgid)), entry.msgid


@pytest.mark.parametrize("catalogue", COMPLETE_CATALOGUES)
@pytest.mark.parametrize("language", ["fr", "nl"])
def test_catalogue_is_fully_translated(catalogue, language):
    po = polib.pofile(str(BASE_DIR / catalogue / language / "LC_MESSAGES" / "django.po"))

    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.obsolete_entries()] == []
    assert po.metadata["Language"] == language


def _messages(entries):
    messages = {}
    for entry in entries:
        if entry.msgid == "" or entry.obsolete or "fuzzy" in entry.flags:
            continue
        if entry.msgid_plural:
            forms = tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural))
            if not all(forms):
                continue
            messages[(entry.msgctxt, entry.msgid, entry.msgid_plural)] = forms
        elif entry.msgstr:
            messages[(entry.msgctxt, entry.msgid, "")] = (entry.msgstr,)
    return messages


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: str(p.relative_to(BASE_DIR)))
def test_compiled_catalogue_is_up_to_date(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: compile it with msgfmt or polib"

    expected = _messages(polib.pofile(str(po_path)))
    compiled = _messages(polib.mofile(str(mo_path)))

    assert len(compiled) == len(expected)
    assert compiled == expected
