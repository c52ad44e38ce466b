"""The header's "My agenda" link: the same on every page (so pages stay cacheable), it
leads to the agenda of the conference on now or next, in the language of the page."""

import datetime

from conference.factories import ConferencePageFactory, ProgrammePageFactory


def agenda_link(html):
    header = html.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]
    return header.split('<nav class="account-links"', 1)[1].split("</li>", 1)[0]


def test_every_page_has_my_agenda_in_its_header(client, home_page):
    html = client.get("/en/").content.decode()

    assert agenda_link(html).endswith('<a href="/agenda/?language=en">My agenda</a>')


def test_my_agenda_leads_to_the_next_conference_s_agenda(client, conference_index):
    today = datetime.date.today()
    past = ConferencePageFactory(
        parent=conference_index,
        slug="tictec-past",
        start_date=today - datetime.timedelta(days=400),
        end_date=today - datetime.timedelta(days=399),
    )
    ProgrammePageFactory(parent=past, slug="programme")
    later = ConferencePageFactory(
        parent=conference_index,
        slug="tictec-later",
        start_date=today + datetime.timedelta(days=400),
        end_date=today + datetime.timedelta(days=401),
    )
    ProgrammePageFactory(parent=later, slug="programme")
    next_one = ConferencePageFactory(
        parent=conference_index,
        slug="tictec-next",
        start_date=today + datetime.timedelta(days=30),
        end_date=today + datetime.timedelta(days=31),
    )
    programme = ProgrammePageFactory(parent=next_one, slug="programme")

    response = client.get("/agenda/?language=en")

    assert response.status_code == 302
    assert response["Location"] == programme.url + "agenda/"
    followed = client.get(response["Location"])
    assert "<h1>My agenda</h1>" in followed.content.decode()


def test_my_agenda_in_a_language_not_translated_yet_leads_to_the_english_agenda(
    client, conference_index
):
    conference = ConferencePageFactory(parent=conference_index, slug="tictec-next")
    programme = ProgrammePageFactory(parent=conference, slug="programme")

    response = client.get("/agenda/?language=fr")

    assert response["Location"] == programme.url + "agenda/"


def test_my_agenda_without_any_conference_is_not_found(client, home_page):
    # Django's LocaleMiddleware tries the address in the language first: a 404 there too.
    assert client.get("/agenda/?language=en", follow=True).status_code == 404
