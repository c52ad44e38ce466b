from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template.loader import get_template
from wagtail.models import Locale

from home import selectors
from home.pagination import paginate

SEARCH_RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()[:255]
    results = None
    if query:
        results = paginate(
            request,
            selectors.search_pages(query=query, locale=Locale.get_active()),
            per_page=SEARCH_RESULTS_PER_PAGE,
        )
    return render(request, "home/search.html", {"search_query": query, "search_results": results})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """The 500 page is static HTML: it must render when the database is down."""
    return HttpResponseServerError(get_template("500.html").render())
