"""The one pagination helper every listing uses (news, search, other apps' indexes)."""

from django.core.paginator import Paginator

DEFAULT_PER_PAGE = 10


def paginate(request, object_list, *, per_page=DEFAULT_PER_PAGE, param="page"):
    """The requested page of object_list; a missing, malformed or out-of-range number
    gives the nearest valid page rather than an error.

    The returned Page has `query_string_for(number)`, which keeps the other query
    parameters (filters, search terms) in the page links.
    """
    paginator = Paginator(object_list, per_page)
    page_obj = paginator.get_page(request.GET.get(param))
    params = request.GET.copy()

    def query_string_for(number):
        params[param] = number
        return "?" + params.urlencode()

    page_obj.query_string_for = query_string_for
    page_obj.page_links = [
        {"number": number, "url": query_string_for(number), "is_current": number == page_obj.number}
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
        if number != Paginator.ELLIPSIS
    ]
    if page_obj.has_previous():
        page_obj.previous_url = query_string_for(page_obj.previous_page_number())
    if page_obj.has_next():
        page_obj.next_url = query_string_for(page_obj.next_page_number())
    return page_obj
