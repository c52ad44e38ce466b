from django.shortcuts import render
from wagtail.models import Page


def search(request):
    query = request.GET.get("q", "").strip()
    results = []
    if query:
        results = Page.objects.live().public().specific().search(query)
    return render(request, "home/search.html", {"search_query": query, "search_results": results})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
