from django.urls import path

from home.payments.webhooks import stripe_webhook

urlpatterns = [
    path("payments/stripe/webhook/", stripe_webhook, name="stripe_webhook"),
]
