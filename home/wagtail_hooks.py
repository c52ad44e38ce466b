from wagtail import hooks

from home import page_cache


@hooks.register("before_serve_page")
def note_page_for_the_page_cache(page, request, serve_args, serve_kwargs):
    page_cache.mark_page(page, request, serve_args)
