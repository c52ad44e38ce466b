from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(max_length=120, default="mySociety")
    contact_email = models.EmailField(blank=True)
    footer_text = models.TextField(blank=True)
    mastodon_url = models.URLField(blank=True)
    bluesky_url = models.URLField(blank=True)
    linkedin_url = models.URLField(blank=True)

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("contact_email"),
        FieldPanel("footer_text"),
        FieldPanel("mastodon_url"),
        FieldPanel("bluesky_url"),
        FieldPanel("linkedin_url"),
    ]

    class Meta:
        verbose_name = _("site settings")


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting, ClusterableModel):
    panels = [InlinePanel("items", label=_("Main navigation"))]

    class Meta:
        verbose_name = _("main navigation")


class NavigationItem(Orderable):
    navigation = ParentalKey(NavigationSettings, related_name="items", on_delete=models.CASCADE)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    label = models.CharField(max_length=60, blank=True, help_text=_("Defaults to the page title."))

    panels = [PageChooserPanel("page"), FieldPanel("label")]

    def __str__(self):
        return self.display_label

    @property
    def display_label(self):
        return self.label or self.page.title
