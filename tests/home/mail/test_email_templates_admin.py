"""The default email templates listing: search and filters by message and language; a
call's own templates live on its page (not here); a second default of the same message
and language is refused with a message, not a server error; Programme team only."""

import pytest
from django.contrib.auth.models import Permission
from wagtail.models import Locale

from home.factories import EmailTemplateFactory
from home.models import EmailKind, EmailTemplate

pytestmark = pytest.mark.django_db

TEMPLATES = "/admin/email_templates/"


def subjects(response):
    return sorted(template.subject for template in response.context["object_list"])


@pytest.fixture
def templates(call):
    french = Locale.objects.get(language_code="fr")
    EmailTemplateFactory(kind=EmailKind.ACCEPTED, subject="Accepted: {{ title }}")
    EmailTemplateFactory(kind=EmailKind.ACCEPTED, locale=french, subject="Acceptée : {{ title }}")
    EmailTemplateFactory(kind=EmailKind.REJECTED, subject="About {{ title }}")
    EmailTemplateFactory(call=call, kind=EmailKind.ACCEPTED, subject="This call's own")
    return french


def test_defaults_are_listed_searched_and_filtered(client, programme, templates):
    client.force_login(programme)

    assert subjects(client.get(TEMPLATES)) == [
        "About {{ title }}",
        "Accepted: {{ title }}",
        "Acceptée : {{ title }}",
    ]
    assert subjects(client.get(TEMPLATES + "results/", {"q": "about"})) == ["About {{ title }}"]
    assert subjects(client.get(TEMPLATES + "results/", {"kind": "accepted"})) == [
        "Accepted: {{ title }}",
        "Acceptée : {{ title }}",
    ]
    assert subjects(client.get(TEMPLATES + "results/", {"locale": templates.pk})) == [
        "Acceptée : {{ title }}"
    ]


def test_a_second_default_for_the_same_message_and_language_is_refused_with_a_message(
    client, programme, templates
):
    client.force_login(programme)
    response = client.post(
        TEMPLATES + "new/",
        {
            "kind": EmailKind.ACCEPTED,
            "locale": templates.pk,
            "subject": "Encore",
            "body": "Encore",
        },
    )

    assert response.status_code == 200
    assert "already a default template of this kind in this language" in response.content.decode()
    assert EmailTemplate.objects.filter(subject="Encore").exists() is False


def test_a_reviewer_is_refused(client, reviewer, templates):
    client.force_login(reviewer)
    response = client.get(TEMPLATES)

    assert response.status_code == 302
    assert "Accepted" not in response.content.decode()


def test_a_calls_own_message_is_not_reached_here_by_its_address(client, programme, templates):
    """Saved here, it would be undone the next time its page is published: it is edited on
    the call page's Emails tab only."""
    own = EmailTemplate.objects.get(subject="This call's own")
    default = EmailTemplate.objects.get(subject="About {{ title }}")
    client.force_login(programme)

    for view in ("edit", "delete", "history"):
        response = client.get(f"{TEMPLATES}{view}/{own.pk}/", follow=True)
        assert response.status_code == 404, view
    response = client.post(
        f"{TEMPLATES}edit/{own.pk}/",
        {"kind": own.kind, "locale": own.locale_id, "subject": "Changed", "body": "Changed"},
        follow=True,
    )
    assert response.status_code == 404
    own.refresh_from_db()
    assert own.subject == "This call's own"
    assert client.get(f"{TEMPLATES}edit/{default.pk}/").status_code == 200


def offered(response):
    return [value for value, _label in response.context["form"].fields["kind"].choices if value]


def test_every_message_staff_may_rewrite_is_offered_with_its_placeholders(client, programme):
    client.force_login(programme)
    response = client.get(TEMPLATES + "new/")
    html = response.content.decode()

    assert offered(response) == [
        "confirmation",
        "accepted",
        "rejected",
        "waitlisted",
        "review_reminder",
        "ticket_receipt",
        "ticket_cancelled",
        "presenter_link",
    ]
    assert "<summary>Ticket receipt</summary>" in html
    assert "<code>{{ attendee_name }}</code>" in html
    assert "<code>{{ receipt }}</code>" in html
    # A donation's thanks is for who may see donations; a cohort placement is written
    # from its own file templates, not by staff.
    assert "donor_name" not in html


def test_who_may_see_donations_may_write_their_thanks(client, programme):
    programme.user_permissions.add(Permission.objects.get(codename="view_donation"))
    client.force_login(programme)
    response = client.get(TEMPLATES + "new/")

    assert "donation_thanks" in offered(response)
    assert "<code>{{ donor_name }}</code>" in response.content.decode()


def test_a_saved_default_previews_with_made_up_values_for_its_message(client, programme):
    template = EmailTemplateFactory(
        kind=EmailKind.TICKET_RECEIPT,
        subject="See you at {{ conference_title }}",
        body="Dear {{ attendee_name }}, your reference is {{ reference }}.",
    )
    client.force_login(programme)
    html = client.get(f"{TEMPLATES}edit/{template.pk}/").content.decode()

    assert "See you at TICTeC 2025" in html
    assert "Dear Camille Dupont, your reference is TIC-7F3K2Q." in html


def test_a_donation_thanks_template_is_not_reached_without_the_donations_permission(
    client, programme
):
    thanks = EmailTemplateFactory(kind=EmailKind.DONATION_THANKS, subject="Thanks {{ donor_name }}")
    client.force_login(programme)

    assert subjects(client.get(TEMPLATES)) == []
    assert client.get(f"{TEMPLATES}edit/{thanks.pk}/", follow=True).status_code == 404
