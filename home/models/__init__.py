from .base import BasePage, synchronised, translated
from .donations import Donation, DonationAmount, DonationPage
from .emails import EmailKind, EmailLog, EmailStatus, EmailTemplate
from .news import NewsArticlePage, NewsArticleTag, NewsIndexPage
from .pages import ContentPage, HomePage, HomePageFeaturedItem
from .payments import ProcessedStripeEvent
from .retention import RetentionRun
from .settings import NavigationItem, NavigationSettings, SiteSettings

__all__ = [
    "BasePage",
    "ContentPage",
    "Donation",
    "DonationAmount",
    "DonationPage",
    "EmailKind",
    "EmailLog",
    "EmailStatus",
    "EmailTemplate",
    "HomePage",
    "HomePageFeaturedItem",
    "NavigationItem",
    "NavigationSettings",
    "NewsArticlePage",
    "NewsArticleTag",
    "NewsIndexPage",
    "ProcessedStripeEvent",
    "RetentionRun",
    "SiteSettings",
    "synchronised",
    "translated",
]
