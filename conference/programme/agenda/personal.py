"""What makes a response personal: the agenda of the person asking, and the headers that
keep a page showing it out of every shared cache."""

from django.contrib import messages
from django.utils.cache import add_never_cache_headers

from conference.programme.agenda import selectors


def agenda_for_request(request):
    return selectors.agenda_for(
        user=request.user,
        session=request.session,
        # Loading the pending messages does not consume them.
        has_messages=bool(len(messages.get_messages(request))),
    )


def mark_personal(response):
    """A page that shows this person's stars, feed address or messages: never cached
    (``Cache-Control: private, no-store``)."""
    add_never_cache_headers(response)
    return response
