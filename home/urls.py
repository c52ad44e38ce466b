from django.urls import path

from home import views
from home.payments.webhooks import stripe_webhook

urlpatterns = [
    path("accounts/my-data.json", views.download_my_data, name="account_my_data"),
    path("accounts/delete/", views.delete_account, name="account_delete"),
    path("accounts/language/", views.account_language, name="account_language"),
    path("payments/stripe/webhook/", stripe_webhook, name="stripe_webhook"),
]
