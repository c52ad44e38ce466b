"""The offline programme's service worker, as the server gives it to a browser."""

import json

import pytest

from conference.call.factories import CallForProposalsPageFactory

pytestmark = pytest.mark.django_db


def worker_config(response):
    """The OFFLINE object the server puts in front of static/js/offline.js."""
    first_line, _rest = response.content.decode().split("\n", 1)
    assert first_line.startswith("const OFFLINE = ") and first_line.endswith(";")
    return json.loads(first_line.removeprefix("const OFFLINE = ").removesuffix(";"))


def test_the_worker_is_served_from_the_root_with_the_pages_to_keep_and_no_cache(
    client, tictec, speaker_index, translate
):
    translate(tictec.conference.get_parent(), "fr")
    translate(tictec.conference, "fr")
    translate(tictec.programme, "fr")
    tictec.programme.copy(
        to=tictec.conference,
        update_attrs={"title": "Draft programme", "slug": "draft-programme", "live": False},
    )
    CallForProposalsPageFactory(parent=tictec.conference, slug="call")

    response = client.get("/sw.js")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    config = worker_config(response)
    # The programmes (with their sessions, now and next, the agenda) and the speakers; not
    # the call, the tickets, drafts, accounts or the admin.
    assert config["pages"] == [
        "/en/tictec/speakers/",
        "/en/tictec/tictec-2025/programme/",
        "/fr/tictec/tictec-2025/programme/",
    ]
    assert config["assets"] == ["/static/css/", "/static/js/", "/static/images/"]
    assert config["language"] == "en"
    assert config["signOut"] == "/accounts/logout/"
    assert config["messages"] == {
        "en": "Offline copy from %(time)s. You are offline, so it may have changed since.",
        "fr": "Copie hors ligne du %(time)s. Vous êtes hors ligne : la page a pu changer depuis.",
        "nl": "Offline kopie van %(time)s. Je bent offline, dus de pagina kan intussen "
        "veranderd zijn.",
    }
    script = response.content.decode()
    assert 'self.addEventListener("fetch"' in script
    assert 'if (request.method !== "GET") return;' in script
