from django.urls import path

from conference.programme import offline
from conference.programme import views as programme_views
from conference.programme.agenda import views as agenda_views

app_name = "conference"

urlpatterns = [
    # Its own URL, outside the pages: the pages with star buttons stay cacheable.
    path("agenda/star/", agenda_views.star, name="agenda_star"),
    # The header's "My agenda": to the current conference's agenda.
    path("agenda/", programme_views.my_agenda, name="my_agenda"),
    # The offline programme's service worker: at the root, to control every language.
    path("sw.js", offline.service_worker, name="service_worker"),
]
