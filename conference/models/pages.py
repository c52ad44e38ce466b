"""Conference page tree.

HomePage
└── ConferenceIndexPage            lists current and past conferences
    ├── ConferencePage             one edition (TICTeC 2025); owns its taxonomies
    │   ├── ProgrammePage          the schedule table, filters and exports
    │   │   └── SessionPage
    │   ├── CallForProposalsPage   the call for sessions on the proposals engine (call.py)
    │   └── TicketsPage            ticket types, registration and receipts (tickets.py)
    └── SpeakerIndexPage
        └── SpeakerPage            one person, across conferences

Each holds at most one programme, call, tickets page and speaker index.
"""

import datetime
import zoneinfo

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from conference.programme.forms import SessionPageForm
from conference.programme.materials import video_player
from home import page_cache
from home.models import BasePage, synchronised, translated
from home.routing import ServedByView, hand_to
from home.time_zones import TIME_ZONE_CHOICES

PROSE_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class ConferenceIndexPage(ServedByView, BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["conference.ConferencePage", "conference.SpeakerIndexPage"]
    max_count_per_parent = 1
    page_description = _(
        "Conferences: lists the TICTeC conferences, current and past, and holds the "
        "speakers. One per language."
    )
    cache_public = True  # home/page_cache.py

    class Meta:
        verbose_name = _("conference index page")

    page_view = "conference.programme.views.conference_index"


class ConferencePage(BasePage):
    class Status(models.TextChoices):
        ANNOUNCED = "announced", _("Announced")
        CALL_OPEN = "call_open", _("Call for proposals open")
        PROGRAMME_PUBLISHED = "programme_published", _("Programme published")
        PAST = "past", _("Past")

    edition_year = models.PositiveSmallIntegerField(_("edition year"))
    acronym = models.CharField(
        _("short name"),
        max_length=40,
        help_text=_(
            "Lower-case letters, digits and underscores, at least four (e.g. tictec2025): used in exports."
        ),
        validators=[RegexValidator(r"^[a-z0-9_-][a-z0-9_]{3,}$")],
    )
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=120, blank=True)
    online_participation = models.BooleanField(
        _("online participation"), default=False, help_text=_("People can attend online.")
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=TIME_ZONE_CHOICES,
        default="Europe/Brussels",
        help_text=_("All session times are entered and shown in this time zone."),
    )
    status = models.CharField(
        _("status"), max_length=32, choices=Status.choices, default=Status.ANNOUNCED
    )
    registration_text = models.CharField(
        _("registration call to action"),
        max_length=255,
        blank=True,
        help_text=_("For example “Early-bird tickets are available until 3 March”."),
    )
    registration_link_text = models.CharField(
        _("registration button label"), max_length=80, blank=True
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    sponsorship = RichTextField(_("sponsorship information"), blank=True, features=PROSE_FEATURES)

    content_panels = BasePage.content_panels_with(
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("edition_year"), FieldPanel("acronym")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("city"), FieldPanel("country")]),
                FieldRowPanel([FieldPanel("online_participation"), FieldPanel("time_zone")]),
                FieldPanel("status"),
            ],
            heading=_("When and where"),
        ),
        after_introduction=False,
    ) + [
        MultiFieldPanel(
            [
                FieldPanel("registration_text"),
                FieldRowPanel(
                    [FieldPanel("registration_link_text"), FieldPanel("registration_url")]
                ),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("sponsorship"),
    ]
    programme_panels = [
        InlinePanel("days", heading=_("Days"), label=_("Day"), min_num=1),
        InlinePanel("rooms", heading=_("Rooms"), label=_("Room")),
        InlinePanel("formats", heading=_("Session formats"), label=_("Format")),
        InlinePanel("themes", heading=_("Themes"), label=_("Theme")),
        InlinePanel("approaches", heading=_("Approaches"), label=_("Approach")),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(programme_panels, heading=_("Programme set-up")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = BasePage.search_fields + [index.FilterField("status")]

    translatable_fields = [
        *BasePage.translatable_fields,
        *synchronised("edition_year", "acronym", "start_date", "end_date"),
        *translated("venue", "city", "country"),
        *synchronised("online_participation", "time_zone", "status"),
        *translated("registration_text", "registration_link_text"),
        *synchronised("registration_url"),
        *translated("sponsorship", "days", "rooms", "formats", "themes", "approaches"),
    ]

    parent_page_types = ["conference.ConferenceIndexPage"]
    subpage_types = [
        "conference.ProgrammePage",
        "conference.CallForProposalsPage",
        "conference.TicketsPage",
    ]
    cache_public = True  # home/page_cache.py
    page_description = _(
        "Conference: one edition (e.g. TICTeC 2025) with its dates and venue, and the days, "
        "rooms, formats and themes its programme uses."
    )

    class Meta:
        verbose_name = _("conference page")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first day.")})

    @property
    def tz(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    def local_today(self, now=None):
        """Today's date where the conference happens."""
        return (now or timezone.now()).astimezone(self.tz).date()

    def has_ended(self, now=None):
        ended = self.local_today(now) > self.end_date
        if not ended:
            # A page saying "upcoming" is cached until the day after the last one begins.
            day_after = self.end_date + datetime.timedelta(days=1)
            page_cache.valid_until(datetime.datetime.combine(day_after, datetime.time(), self.tz))
        return ended

    def is_on(self, now=None):
        """Today (where the conference happens) is one of its days."""
        today = self.local_today(now)
        if today < self.start_date:
            changes_on = self.start_date
        elif today <= self.end_date:
            changes_on = self.end_date + datetime.timedelta(days=1)
        else:
            return False
        # A page that shows whether it is on is cached only until that changes, at midnight.
        page_cache.valid_until(datetime.datetime.combine(changes_on, datetime.time(), self.tz))
        return today >= self.start_date

    @property
    def is_past(self):
        """Past by its dates in its own time zone, whatever its status says."""
        return self.has_ended()

    @cached_property
    def programme(self):
        return ProgrammePage.objects.child_of(self).live().first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programme"] = self.programme
        # The call for proposals and tickets pages, when published (their own apps).
        related_pages = list(self.get_children().live().public().not_type(ProgrammePage).specific())
        context["related_pages"] = related_pages
        # Without an external registration link, the button goes to the tickets page.
        tickets_page_model = apps.get_model("conference", "TicketsPage")
        context["registration_page"] = next(
            (child for child in related_pages if isinstance(child, tickets_page_model)), None
        )
        return context


class ProgrammePage(RoutablePageMixin, BasePage):
    parent_page_types = ["conference.ConferencePage"]
    subpage_types = ["conference.SessionPage"]
    max_count_per_parent = 1
    page_description = _(
        "Programme: a conference's sessions as a timetable by day, with filters and "
        "calendar exports. One per conference."
    )
    # The schedule and its exports are the same for every visitor (home/page_cache.py);
    # other routes (a personal agenda, what is on now) are not cached.
    cache_public = True
    cache_public_routes = {"schedule", "schedule_ics", "schedule_xml", "schedule_json"}
    cache_query_parameters = ("theme", "format", "approach", "room", "attendance")

    class Meta:
        verbose_name = _("programme page")

    @cached_property
    def conference(self):
        return ConferencePage.objects.parent_of(self).get()

    @path("")
    def schedule(self, request):
        return hand_to("conference.programme.views.programme", request, programme=self)

    @path("now/")
    def now_and_next(self, request):
        return hand_to("conference.programme.views.now_and_next", request, programme=self)

    @path("schedule/ics/")
    def schedule_ics(self, request):
        return hand_to("conference.programme.views.programme_ics", request, programme=self)

    @path("schedule/xml/")
    def schedule_xml(self, request):
        return hand_to("conference.programme.views.programme_frab_xml", request, programme=self)

    @path("schedule/json/")
    def schedule_json(self, request):
        return hand_to("conference.programme.views.programme_frab_json", request, programme=self)

    # My agenda: the sessions a person starred, and their private calendar feed.

    @path("agenda/")
    def agenda(self, request):
        return hand_to("conference.programme.agenda.views.agenda", request, programme=self)

    @path("agenda/calendar/")
    def agenda_calendar(self, request):
        return hand_to("conference.programme.agenda.views.feed_address", request, programme=self)

    @path("agenda/feed/<str:token>/")
    def agenda_feed(self, request, token):
        return hand_to(
            "conference.programme.agenda.views.feed", request, programme=self, token=token
        )


class SessionPage(RoutablePageMixin, BasePage):
    # The programme's own routes (schedule/xml/ ...) would hide a session with this slug.
    RESERVED_SLUGS = {"schedule", "now", "agenda"}

    class Attendance(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        REMOTE = "remote", _("Online")
        HYBRID = "hybrid", _("In person and online")

    abstract = RichTextField(_("abstract"), features=PROSE_FEATURES)
    session_format = models.ForeignKey(
        "conference.SessionFormat",
        verbose_name=_("format"),
        on_delete=models.PROTECT,
        related_name="sessions",
    )
    themes = ParentalManyToManyField("conference.Theme", verbose_name=_("themes"), blank=True)
    approach = models.ForeignKey(
        "conference.Approach",
        verbose_name=_("approach"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
    )
    day = models.ForeignKey(
        "conference.ConferenceDay",
        verbose_name=_("day"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
        help_text=_("Leave day, time and room empty until the session is scheduled."),
    )
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("length in minutes"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the format's length."),
    )
    room = models.ForeignKey(
        "conference.Room",
        verbose_name=_("room"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
        help_text=_(
            "Keynotes, plenaries and breaks take every room; a room here is where they are held."
        ),
    )
    attendance = models.CharField(
        _("in person or online"),
        max_length=16,
        choices=Attendance.choices,
        default=Attendance.IN_PERSON,
        help_text=_("How the speakers present and how people can follow it."),
    )
    # After the session: links, never a third-party player loaded with the page.
    slides_url = models.URLField(_("slides link"), blank=True)
    video_url = models.URLField(
        _("video link"),
        blank=True,
        help_text=_(
            "A YouTube or Vimeo address also offers a player, loaded only when someone asks for it."
        ),
    )
    notes = RichTextField(
        _("notes"),
        blank=True,
        features=PROSE_FEATURES,
        help_text=_("What was said, decided or shared: shown on the session page."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("abstract"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("session_format"), FieldPanel("approach")]),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("attendance"),
            ],
            heading=_("About the session"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("day"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("room"), FieldPanel("duration_minutes")]),
            ],
            heading=_("Schedule"),
        ),
        InlinePanel(
            "speaker_links",
            heading=_("Speakers"),
            label=pgettext_lazy("one row of a session's speakers", "Speaker"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("slides_url"), FieldPanel("video_url")]),
                FieldPanel("notes"),
            ],
            heading=_("After the session"),
        ),
    ]
    base_form_class = SessionPageForm

    search_fields = BasePage.search_fields + [index.SearchField("abstract")]

    translatable_fields = [
        *BasePage.translatable_fields,
        *translated("abstract"),
        # Foreign keys to the conference's (translated) taxonomy rows follow the locale.
        *translated("session_format", "approach", "day", "room"),
        # Many-to-many is copied as is; selectors map themes to the page's locale.
        *synchronised(
            "themes", "start_time", "duration_minutes", "attendance", "slides_url", "video_url"
        ),
        *translated("notes"),
        *synchronised("speaker_links"),
    ]

    parent_page_types = ["conference.ProgrammePage"]
    subpage_types = []
    cache_public = True  # home/page_cache.py
    cache_public_routes = {"detail", "calendar_ics"}
    page_description = _(
        "Session: one talk, workshop or panel in the programme, with its time, room and speakers."
    )

    class Meta:
        verbose_name = _("session page")

    def clean(self):
        super().clean()
        if self.slug in self.RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("This address is reserved for the programme's own pages.")}
            )

    # Scheduling -----------------------------------------------------------------

    @property
    def length_minutes(self):
        if self.duration_minutes:
            return self.duration_minutes
        return self.session_format.duration_minutes if self.session_format_id else 0

    @property
    def is_scheduled(self):
        return bool(self.day_id and self.start_time)

    @property
    def spans_all_rooms(self):
        return bool(self.session_format_id and self.session_format.spans_all_rooms)

    def local_start(self, tz):
        """Aware start datetime in ``tz`` (the conference's time zone), or None."""
        if not self.is_scheduled:
            return None
        return datetime.datetime.combine(self.day.date, self.start_time, tzinfo=tz)

    def local_end(self, tz):
        start = self.local_start(tz)
        return start + datetime.timedelta(minutes=self.length_minutes) if start else None

    @property
    def end_time(self):
        if not self.start_time:
            return None
        start = datetime.datetime.combine(datetime.date(2000, 1, 1), self.start_time)
        return (start + datetime.timedelta(minutes=self.length_minutes)).time()

    def overlaps(self, other):
        if not (self.is_scheduled and other.is_scheduled and self.day_id == other.day_id):
            return False
        return self.start_time < other.end_time and other.start_time < self.end_time

    # After the session ---------------------------------------------------------------

    @property
    def has_materials(self):
        return bool(self.slides_url or self.video_url or self.notes)

    @cached_property
    def video_player(self):
        """The click-to-load player for a YouTube or Vimeo link (None for other links)."""
        return video_player(self.video_url)

    @cached_property
    def conference(self):
        return ConferencePage.objects.ancestor_of(self).get()

    @path("")
    def detail(self, request):
        return hand_to("conference.programme.views.session_detail", request, session=self)

    @path("calendar/")
    def calendar_ics(self, request):
        return hand_to("conference.programme.views.session_ics", request, session=self)


class SessionSpeaker(Orderable):
    """A speaker on a session, in the order they are listed."""

    session = ParentalKey(SessionPage, on_delete=models.CASCADE, related_name="speaker_links")
    speaker = models.ForeignKey(
        "conference.SpeakerPage",
        verbose_name=_("speaker"),
        on_delete=models.CASCADE,
        related_name="session_links",
    )

    panels = [FieldPanel("speaker")]

    class Meta(Orderable.Meta):
        verbose_name = _("session speaker")
        verbose_name_plural = _("session speakers")

    def __str__(self):
        return str(self.speaker)


class SpeakerIndexPage(ServedByView, BasePage):
    parent_page_types = ["conference.ConferenceIndexPage"]
    subpage_types = ["conference.SpeakerPage"]
    max_count_per_parent = 1
    page_description = _("Speakers: lists everyone who has presented at the conferences.")
    cache_public = True  # home/page_cache.py

    class Meta:
        verbose_name = _("speaker index page")

    page_view = "conference.programme.views.speaker_index"


class SpeakerPage(ServedByView, BasePage):
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    role = models.CharField(_("role"), max_length=255, blank=True)
    bio = models.TextField(_("short biography"), blank=True, max_length=1500)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt_text = models.CharField(
        _("photo description"),
        max_length=255,
        blank=True,
        help_text=_("Describe the photo for people who cannot see it."),
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("role")]),
        FieldPanel("bio"),
        FieldRowPanel([FieldPanel("photo"), FieldPanel("photo_alt_text")]),
        InlinePanel("links", heading=_("Links"), label=_("Link")),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("organisation"),
        index.SearchField("bio"),
    ]

    # A person's name is not translated.
    translatable_fields = [
        SynchronizedField("title"),
        *(field for field in BasePage.translatable_fields if field.field_name != "title"),
        SynchronizedField("organisation"),
        TranslatableField("role"),
        TranslatableField("bio"),
        SynchronizedField("photo"),
        TranslatableField("photo_alt_text"),
        SynchronizedField("links"),
    ]

    parent_page_types = ["conference.SpeakerIndexPage"]
    subpage_types = []
    cache_public = True  # home/page_cache.py
    page_description = _(
        "Speaker: one person who presents at the conferences, with their biography and sessions."
    )

    class Meta:
        verbose_name = _("speaker page")

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_alt_text:
            raise ValidationError({"photo_alt_text": _("Describe the photo for screen readers.")})

    @property
    def name(self):
        return self.title

    page_view = "conference.programme.views.speaker"


class SpeakerLink(Orderable):
    speaker = ParentalKey(SpeakerPage, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("label"), max_length=80, help_text=_("For example “Website”."))
    url = models.URLField(_("link"))

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("url")])]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker link")

    def __str__(self):
        return self.label
