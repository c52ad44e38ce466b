"""After the conference: staff add slides, a video link and notes to a session; the session
page shows them as links (a video player only when asked for), and a past conference's
programme becomes its archive."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from conference.models import SessionPage
from conference.programme.materials import VideoPlayer, video_player

pytestmark = pytest.mark.django_db

YOUTUBE = "https://www.youtube.com/watch?v=M7lc1UVf-VE"


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def texts(elements):
    return [" ".join(element.get_text(" ", strip=True).split()) for element in elements]


@pytest.mark.parametrize(
    ("url", "player"),
    [
        (YOUTUBE, VideoPlayer("YouTube", "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE")),
        (
            "https://youtu.be/M7lc1UVf-VE?t=30",
            VideoPlayer("YouTube", "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"),
        ),
        (
            "https://m.youtube.com/live/M7lc1UVf-VE",
            VideoPlayer("YouTube", "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"),
        ),
        (
            "https://vimeo.com/76979871",
            VideoPlayer("Vimeo", "https://player.vimeo.com/video/76979871"),
        ),
        (
            "https://vimeo.com/channels/staffpicks/76979871",
            VideoPlayer("Vimeo", "https://player.vimeo.com/video/76979871"),
        ),
        # Anything else is a link only.
        ("https://www.youtube.com/watch?v=<script>", None),
        ("https://www.youtube.com/@mySocietyorg", None),
        ("https://youtube.com.example.org/watch?v=M7lc1UVf-VE", None),
        ("javascript:alert(1)//youtube.com/watch?v=M7lc1UVf-VE", None),
        ("https://media.ccc.de/v/tictec-2025-session", None),
        ("", None),
    ],
)
def test_a_player_is_offered_only_for_youtube_and_vimeo_links(url, player):
    assert video_player(url) == player


def test_the_session_page_links_the_slides_and_video_and_shows_the_notes(client, tictec):
    session = tictec.session(
        "Following the money",
        start="11:00",
        slides_url="https://example.org/slides/following-the-money.pdf",
        video_url=YOUTUBE,
        notes="<p>Three registers were compared; the panel agreed on a shared schema.</p>",
    )

    page = soup(client.get(session.url))

    materials = page.select_one("#materials")
    assert texts(materials.select("h2, h3")) == ["After the session", "Notes"]
    assert [(a.get_text(" ", strip=True), a["href"]) for a in materials.select("ul a")] == [
        ("Slides : Following the money", "https://example.org/slides/following-the-money.pdf"),
        ("Video : Following the money", YOUTUBE),
    ]
    assert texts(materials.select(".prose")) == [
        "Three registers were compared; the panel agreed on a shared schema."
    ]
    # No third-party player in the page: a placeholder the script turns into one on request.
    assert page.select("iframe") == []
    placeholder = materials.select_one(".video-placeholder")
    assert placeholder.has_attr("hidden")
    assert placeholder["data-video-src"] == "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"
    assert placeholder["data-video-title"] == "Video: Following the money"
    assert texts(placeholder.select("button")) == ["Load the video player"]
    assert texts(placeholder.select("p")) == [
        "The player comes from YouTube, which may set cookies and learn what you watch, so it "
        "loads only when you ask."
    ]


def test_a_video_elsewhere_is_a_link_and_a_session_without_materials_has_no_section(client, tictec):
    elsewhere = tictec.session(
        "Elsewhere", start="11:00", video_url="https://media.ccc.de/v/tictec-2025-session"
    )
    bare = tictec.session("Nothing shared", start="11:30")

    with_link = soup(client.get(elsewhere.url))
    without = soup(client.get(bare.url))

    assert [a["href"] for a in with_link.select("#materials a")] == [
        "https://media.ccc.de/v/tictec-2025-session"
    ]
    assert with_link.select(".video-placeholder") == []
    assert without.select("#materials") == []


def test_a_past_conferences_programme_is_its_archive_with_each_sessions_materials(client, tictec):
    tictec.session(
        "With slides and notes",
        start="09:00",
        slides_url="https://example.org/slides.pdf",
        notes="<p>Notes</p>",
    )
    tictec.session("Without", start="09:30")

    page = soup(client.get(tictec.programme.url))

    assert texts(page.select(".programme-archive")) == [
        "TICTeC 2025 has taken place: this programme is its archive, with the slides, videos "
        "and notes of the sessions that shared them."
    ]
    materials = page.select(".programme-session__materials")
    assert len(materials) == 1
    assert [(a.get_text(" ", strip=True), a["href"]) for a in materials[0].select("a")] == [
        ("Slides : With slides and notes", "https://example.org/slides.pdf"),
        (
            "Notes : With slides and notes",
            f"{tictec.programme.url}with-slides-and-notes/#materials",
        ),
    ]


def test_before_and_during_the_conference_the_programme_is_not_an_archive(
    client, tictec, monkeypatch
):
    tictec.session("With slides", start="09:00", slides_url="https://example.org/slides.pdf")
    on_the_last_day = datetime.datetime(2025, 6, 11, 20, 0, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: on_the_last_day)

    page = soup(client.get(tictec.programme.url))

    assert page.select(".programme-archive") == []
    assert page.select(".programme-session__materials") == []


def test_the_programme_team_adds_materials_in_the_admin(client, tictec, django_user_model):
    user = django_user_model.objects.create_user(
        username="programme@example.org", email="programme@example.org", password="x", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Programme team"))
    client.force_login(user)
    session = tictec.session("Open contracting data", start="11:00")
    edit_url = reverse("wagtailadmin_pages:edit", args=(session.pk,))

    form = soup(client.get(edit_url))
    assert {"slides_url", "video_url", "notes"} <= {
        field["name"] for field in form.select("[name]")
    }

    data = nested_form_data(
        {
            "title": session.title,
            "slug": session.slug,
            "abstract": rich_text("<p>Open contracting.</p>"),
            "session_format": tictec.talk.pk,
            "approach": "",
            "attendance": "in_person",
            "day": tictec.day_one.pk,
            "start_time": "11:00",
            "room": tictec.main_hall.pk,
            "duration_minutes": "",
            "slides_url": "https://example.org/open-contracting.pdf",
            "video_url": "https://vimeo.com/76979871",
            "notes": rich_text("<p>Questions about beneficial ownership.</p>"),
            "speaker_links": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "1",
        }
    )
    response = client.post(edit_url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    session = SessionPage.objects.get(pk=session.pk)
    assert (session.slides_url, session.video_url) == (
        "https://example.org/open-contracting.pdf",
        "https://vimeo.com/76979871",
    )
    assert "beneficial ownership" in session.notes
    data = json.loads(client.get(tictec.programme.url + "schedule/json/").content)
    [event] = data["schedule"]["conference"]["days"][0]["rooms"]["Main hall"]
    assert event["links"] == [
        {"type": "slides", "url": "https://example.org/open-contracting.pdf", "title": "Slides"},
        {"type": "media", "url": "https://vimeo.com/76979871", "title": "Video"},
    ]
