from django.urls import path

from conference import offline

urlpatterns = [
    # The offline programme's service worker: at the root, to control every language.
    path("sw.js", offline.service_worker, name="service_worker"),
]
