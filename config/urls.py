from allauth.account import views as account_views
from allauth.account.decorators import reauthentication_required
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib.auth.decorators import login_required
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import RedirectView, TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import email_webhooks
from home import views as home_views

urlpatterns = [
    # The Wagtail admin signs in and resets passwords through allauth, so its rate
    # limits and email verification apply to staff too; Wagtail's own forms are closed.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path(
        "admin/password_reset/",
        RedirectView.as_view(pattern_name="account_reset_password", query_string=True),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "accounts/",
        login_required(TemplateView.as_view(template_name="account/overview.html")),
        name="account_overview",
    ),
    # Changing the password first asks for it again (allauth's reauthentication), like
    # changing email addresses does; the form then asks only for the new one.
    path(
        "accounts/password/change/",
        reauthentication_required(account_views.password_change),
        name="account_change_password",
    ),
    path("accounts/", include("allauth.urls")),
    path(
        "anymail/<slug:esp>/tracking/",
        email_webhooks.tracking_webhook,
        name="anymail_tracking_webhook",
    ),
    path("sitemap.xml", sitemap),
    # The language switcher posts here where an address has no language in it
    # (/accounts/..., My submissions): the choice is kept in the language cookie.
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("home.urls")),
    path("", include("proposals.urls")),
    path("", include("conference.urls")),
]

urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    # Private pages send people to allauth's sign-in (WAGTAIL_FRONTEND_LOGIN_URL); Wagtail's
    # own login form, which skips verification and the lockout, is closed.
    path("_util/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("", include(wagtail_urls)),
)

if settings.DEBUG:
    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
