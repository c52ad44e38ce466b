"""Every kind of public page is valid HTML, as the Nu HTML checker (vnu, from the
vnu-jar npm package that `make test` installs into the virtualenv) judges it."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from conference.models import ProgrammePage, SessionPage, SpeakerPage
from home.models import ContentPage, NewsArticlePage

VNU = Path(sys.prefix) / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.django_db


def _validate(documents, tmp_path):
    files = []
    for number, (url, html) in enumerate(documents.items()):
        path = tmp_path / f"{number:02d}.html"
        path.write_bytes(html)
        files.append((str(path), url))
    result = subprocess.run(  # noqa: S603 - our own files through the checker
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *(f for f, _ in files)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    by_file = dict(files)
    return [
        f"{by_file[m['url'].removeprefix('file:')]} line {m.get('lastLine')}: {m['message']}"
        for m in json.loads(result.stderr)["messages"]
    ]


def test_public_pages_and_forms_are_valid_html(client, tmp_path):
    call_command("load_demo_content")
    programme = ProgrammePage.objects.live().get(
        locale__language_code="en", url_path__contains="/tictec-2025/"
    )
    urls = [
        "/en/",
        programme.url,
        SessionPage.objects.live().filter(locale__language_code="en").first().url,
        SpeakerPage.objects.live().filter(locale__language_code="en").first().url,
        NewsArticlePage.objects.live().filter(locale__language_code="en").first().url,
        ContentPage.objects.live().get(locale__language_code="en", slug="how-to-get-started").url,
        "/en/opportunities/",
        "/en/tictec/tictec-2025/call-for-proposals/",
        "/en/search/?q=civic",
        "/accounts/login/",
        "/accounts/signup/",
    ]
    client.force_login(get_user_model().objects.get(email="applicant@example.org"))
    urls.append("/my-submissions/")
    # Personal pages: the demo applicant's programme with stars, and agenda with its feed.
    urls += [programme.url, programme.url + "agenda/"]
    documents = {}
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        documents[url] = response.content

    assert _validate(documents, tmp_path) == []
