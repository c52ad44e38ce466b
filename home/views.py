import json

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from home import languages, personal_data, sections, selectors
from home.forms import DeleteAccountForm, LanguageForm
from home.pagination import paginate
from home.routing import render_page

SEARCH_RESULTS_PER_PAGE = 10


# --- Pages (each page type names its view: home.routing.hand_to) --------------------


def home_page(request, *, page):
    return render_page(
        request,
        page,
        sections=sections.home_sections(home_page=page, request=request),
        featured_items=selectors.featured_items(home_page=page),
        latest_news=selectors.latest_news(locale_id=page.locale_id, limit=3),
        news_index=selectors.news_index(locale_id=page.locale_id),
    )


def content_page(request, *, page):
    return render_page(request, page, section_pages=selectors.child_pages(page=page))


def news_index(request, *, index_page):
    topic = selectors.news_topic(slug=request.GET.get("topic", ""))
    articles = selectors.news_articles(index_page=index_page, topic=topic)
    return index_page.render(
        request,
        context_overrides={
            "articles": paginate(request, articles, per_page=index_page.articles_per_page),
            "topic": topic,
            "topics": selectors.news_topics(index_page=index_page),
        },
    )


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


@login_required
def download_my_data(request):
    """Everything the site holds about the person, as one JSON file."""
    data = personal_data.export_for(user=request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, cls=DjangoJSONEncoder, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="my-data-{timezone.now():%Y%m%d}.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@reauthentication_required(allow_get=True)
def delete_account(request):
    """Ask for confirmation (and, through allauth, the password again), then delete."""
    refusals = personal_data.deletion_refusals(user=request.user)
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and not refusals and form.is_valid():
        personal_data.delete_account(user=request.user)
        logout(request)
        messages.success(request, _("Your account has been deleted, with what it held."))
        return redirect("/")
    return render(request, "account/delete.html", {"form": form, "refusals": refusals})


@login_required
def account_language(request):
    """The language we write to the person in (home.languages); the account pages switch
    to it too, through Django's language cookie."""
    current = languages.recipient_language(user=request.user, fallback=translation.get_language())
    form = LanguageForm(request.POST or None, initial={"language": current})
    if request.method == "POST" and form.is_valid():
        language = languages.set_preferred_language(
            user=request.user, language=form.cleaned_data["language"]
        )
        with languages.in_language(language):
            messages.success(request, _("We will write to you in this language."))
        response = redirect("account_overview")
        languages.set_language_cookie(response, language)
        return response
    return render(request, "account/language.html", {"form": form})
