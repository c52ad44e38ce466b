"""Routing a request to its page with one query for the whole path.

Wagtail's ``Page.route`` walks the tree one level at a time with two queries a level (the
child by slug, then its specific page): eight for a session four levels down. The site's
root page routes instead with :class:`PathRoutingMixin`: one query loads every page on the
path by ``url_path`` (which Wagtail keeps up to date on moves and slug changes), and the
walk goes on through those rows for as long as each page type routes like ``Page`` does.
The first page whose type routes its own way (a RoutablePageMixin page: the programme,
a session, the news index) and the last page are loaded as specific pages and route as
usual, so what is served, and every 404, is what Wagtail's own routing gives.
"""

from django.template.response import TemplateResponse
from django.utils.module_loading import import_string
from wagtail.models import Page


class PathRoutingMixin:
    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "".join(f"{component}/" for component in path_components[:length])
            for length in range(1, len(path_components) + 1)
        ]
        on_path = {
            page.url_path: page
            for page in Page.objects.filter(url_path__in=prefixes).descendant_of(self)
        }
        page, remaining = self, list(path_components)
        while remaining:
            child = on_path.get(f"{page.url_path}{remaining[0]}/")
            if child is None or child.depth != page.depth + 1:
                break
            child._cached_parent_obj = page
            page, remaining = child, remaining[1:]
            if _routes_its_own_way(page):
                break
        if page is self:
            return super().route(request, path_components)
        specific = page.specific
        specific._cached_parent_obj = page._cached_parent_obj
        return specific.route(request, remaining)


def _routes_its_own_way(page):
    return page.specific_class is None or page.specific_class.route is not Page.route


def hand_to(view, request, /, **kwargs):
    """Serve ``request`` with the view function at the dotted path ``view``.

    A page names the view that serves it rather than importing it: the view module imports
    the models (views → services/selectors → models), so a model importing its view would
    tie the whole app into one import cycle. Django's URLconfs name views the same way.
    """
    return import_string(view)(request, **kwargs)


class ServedByView:
    """A page served by the view named, by dotted path, in ``page_view`` (called with
    ``page=``), which adds what its template lists: on the site and in the editor's
    preview, which Wagtail otherwise renders from ``get_context`` without calling
    ``serve``."""

    page_view = None

    def serve(self, request, *args, **kwargs):
        return hand_to(self.page_view, request, page=self)

    def serve_preview(self, request, mode_name):
        return self.serve(request)


def render_page(request, page, /, **context):
    """What ``Page.serve`` renders, with ``context`` added: for views that serve a page."""
    return TemplateResponse(
        request, page.get_template(request), {**page.get_context(request), **context}
    )
