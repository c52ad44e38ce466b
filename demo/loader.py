"""The one demo loader: builds the demo site from the JSON files in ``demo/content/``
(read in name order) and the seeds' texts in ``demo/texts/``.

Each file is a list of steps; a step is an object with one key naming what it builds:

- ``home``: the English home page (replacing Wagtail's placeholder) and the default site
- ``users``: accounts with their groups (``password: false`` for applicants who never sign in)
- ``pages``: page specs, nested by ``pages``; a spec names its ``type`` (``app.Model``), its
  ``parent`` (slugs below the home page, for a top-level spec), its fields, ``children``
  (inline rows such as questions or speakers), ``m2m`` and ``tags``; ``text`` reads the
  title, introduction and body from a seed text (see ``demo.markup``)
- ``rows``: snippets, taxonomies and other rows, found by their ``key`` fields
- ``site_settings``, ``navigation``, ``featured``: the site's settings, menu and highlights
- ``submissions``, ``applications``, ``reviews``, ``decisions``, ``send_outcomes``,
  ``form_cohorts``: calls, through the proposals engine
- ``agenda``, ``default_email_templates``, ``translate``, ``synchronise_locales``
- ``receipts``: the paid tickets' and gifts' emails, sent (and logged) the site's one way

Values may refer to what an earlier step made: ``{"$page": "tictec/tictec-2025"}``,
``{"$row": "conference.Theme", "slug": "climate-change"}`` (scoped by the step's
``within``), ``{"$user": "applicant@example.org"}``, ``{"$group": "Reviewers"}``; dates
may be relative to the day the demo is loaded: ``{"$date": {"days": 180}}``,
``{"$datetime": {"days": 42, "at": "23:59", "tz": "Europe/London"}}``; a page spec's
``keep_open`` lists the dates that move forward again once the call (or conference) is over.

Every step finds what exists by a stable key (slug, email, title) and creates only what is
missing, so loading twice changes nothing.
"""

import datetime
import json
import logging
import zoneinfo
from pathlib import Path
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import FieldDoesNotExist
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cohorts import services as cohort_services
from cohorts.forms import CohortApplicationForm
from conference.models import AgendaFeedToken, Registration, SessionProposal
from conference.programme.agenda import services as agenda_services
from conference.tickets import emails as ticket_emails
from home.donations import emails as donation_emails
from home.languages import in_language
from home.localization import synchronise_locales
from home.models import (
    Donation,
    EmailTemplate,
    HomePage,
    HomePageFeaturedItem,
    NavigationItem,
    NavigationSettings,
)
from proposals import services as engine
from proposals.emails import DEFAULT_TEMPLATES
from proposals.models import Submission, SubmissionStatus

from . import markup

CONTENT_DIR = Path(__file__).resolve().parent / "content"
DEMO_PASSWORD = "tictec-demo-2025"
# The smallest valid PDF, standing in for the CVs board applicants upload.
MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SPEC_KEYS = {"type", "parent", "pages", "children", "m2m", "tags", "text", "body_before"}
SPEC_KEYS |= {"keep_open", "within"}
# Fields whose JSON strings become Python values (DateTimeField is a DateField).
TYPED_FIELDS = (models.DateField, models.TimeField, models.DecimalField, models.DurationField)


def say(stdout, message):
    if stdout is not None:
        stdout.write(message)


def publish(page):
    page.save_revision().publish()
    return page


def child(parent, slug):
    """The child page of ``parent`` with ``slug`` (specific), or None."""
    return parent.get_children().filter(slug=slug).specific().first()


def demo_logins():
    """The demo's staff accounts and the demo applicant (not the generated applicants)."""
    [users] = [step["users"] for step in read(CONTENT_DIR / "10-site.json") if "users" in step]
    return [
        {"groups": [], **user}
        for user in users
        if user.get("groups") or user.get("superuser") or user.get("login")
    ]


def content_files():
    return sorted(CONTENT_DIR.glob("*.json"))


def read(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


class Loader:
    """Runs the steps of the content files, keeping what it finds by stable keys."""

    def __init__(self, stdout=None):
        self.stdout = stdout
        self.now = timezone.now()
        self.created = {}

    def count(self, what, number=1):
        self.created[what] = self.created.get(what, 0) + number

    # Finding things

    def home(self):
        return HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()

    def page(self, path):
        page = self.home()
        for slug in [part for part in path.split("/") if part]:
            page = child(page, slug)
            if page is None:
                raise LookupError(f"demo: no page at {path!r}")
        return page

    def user(self, email):
        return get_user_model().objects.get(username=email)

    def resolve(self, value, within=None):
        if isinstance(value, list):
            return [self.resolve(item, within) for item in value]
        if not isinstance(value, dict):
            return value
        if "$page" in value:
            return self.page(value["$page"])
        if "$user" in value:
            return self.user(value["$user"])
        if "$group" in value:
            return Group.objects.get_or_create(name=value["$group"])[0]
        if "$locale" in value:
            return Locale.objects.get(language_code=value["$locale"])
        if "$row" in value:
            model = apps.get_model(value["$row"])
            lookup = {key: self.resolve(item) for key, item in value.items() if key != "$row"}
            for field, scope in (within or {}).items():
                if any(f.name == field for f in model._meta.get_fields()):
                    lookup.setdefault(field, scope)
            return model.objects.filter(**lookup).first() if lookup else None
        if "$date" in value:
            return self.moment(value["$date"]).date()
        if "$datetime" in value:
            return self.moment(value["$datetime"])
        return {key: self.resolve(item, within) for key, item in value.items()}

    def moment(self, spec):
        """Now moved by ``days``/``hours``/``minutes``; with ``at`` ("HH:MM"), that time
        of the day in ``tz``; with ``weekday`` (0 = Monday), the first such day on or after."""
        moment = self.now + datetime.timedelta(
            days=spec.get("days", 0), hours=spec.get("hours", 0), minutes=spec.get("minutes", 0)
        )
        if "at" in spec:
            zone = zoneinfo.ZoneInfo(spec.get("tz", settings.TIME_ZONE))
            day = timezone.localtime(moment, zone).date()
            if "weekday" in spec:
                day += datetime.timedelta(days=(spec["weekday"] - day.weekday()) % 7)
            moment = datetime.datetime.combine(
                day, datetime.time.fromisoformat(spec["at"]), tzinfo=zone
            )
        return moment

    def when(self, value):
        """An aware datetime from an ISO string or a relative ``$datetime``."""
        value = self.resolve(value)
        return datetime.datetime.fromisoformat(value) if isinstance(value, str) else value

    def fields(self, model, values, within=None):
        """Resolve references and turn JSON strings into dates, times and decimals."""
        result = {}
        for name, value in values.items():
            value = self.resolve(value, within)
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                field = None
            if isinstance(field, TYPED_FIELDS) and isinstance(value, str):
                value = field.to_python(value)
            result[name] = value
        return result

    # --- Steps ----------------------------------------------------------------------

    def run(self, steps):
        for step in steps:
            [(kind, data)] = step.items()
            getattr(self, f"step_{kind}")(data)

    def step_home(self, data):
        for code, _name in settings.LANGUAGES:
            Locale.objects.get_or_create(language_code=code)
        home = self.home()
        if home is None:
            # Wagtail's install leaves a placeholder "Welcome" page; the home page replaces it.
            root = Page.get_first_root_node()
            for placeholder in root.get_children().filter(slug=data["slug"]):
                if placeholder.specific_class is Page:
                    placeholder.delete()
            home = publish(root.add_child(instance=HomePage(**self.fields(HomePage, data))))
            self.count("pages")
        # Absolute links (frab exports, feeds, emails) come from the Site: make it the
        # address the site is served on (make run sets BASE_URL from PORT).
        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": base.hostname,
                "port": base.port or (443 if base.scheme == "https" else 80),
                "root_page": home,
                "site_name": data["title"],
            },
        )

    def step_users(self, data):
        User = get_user_model()
        for spec in data:
            email = spec["email"]
            first, _space, last = spec["name"].partition(" ")
            groups = spec.get("groups", [])
            user, created = User.objects.get_or_create(
                username=email,
                defaults={
                    "email": email,
                    "first_name": first,
                    "last_name": last,
                    "is_staff": spec.get("superuser", False) or bool(groups),
                    "is_superuser": spec.get("superuser", False),
                },
            )
            if created:
                if spec.get("password", True):
                    user.set_password(DEMO_PASSWORD)
                else:
                    user.set_unusable_password()
                user.save()
                self.count("users")
            for name in groups:
                user.groups.add(Group.objects.get_or_create(name=name)[0])
            if spec.get("password", True):
                EmailAddress.objects.get_or_create(
                    user=user, email=email, defaults={"verified": True, "primary": True}
                )

    def step_pages(self, data, parent=None, within=None):
        """Pages, parents before children; a spec's ``within`` (the scope its ``$row``
        references are found in, e.g. its conference) holds for the pages below it."""
        for spec in data:
            parent_page = parent if parent is not None else self.page(spec.get("parent", ""))
            scope = self.resolve(spec["within"]) if "within" in spec else within or {}
            page = self.ensure_page(parent_page, spec, scope)
            if spec.get("pages"):
                self.step_pages(spec["pages"], parent=page, within=scope)

    def ensure_page(self, parent, spec, within):
        model = apps.get_model(spec["type"])
        values = {key: value for key, value in spec.items() if key not in SPEC_KEYS}
        tags = spec.get("tags", [])
        if "text" in spec:
            text_fields, tags = markup.page_fields(spec["text"], spec.get("body_before", []))
            names = {field.name for field in model._meta.get_fields()}
            values = {**{k: v for k, v in text_fields.items() if k in names}, **values}
        existing = model.objects.child_of(parent).filter(slug=values["slug"]).first()
        if existing is not None:
            return self.keep_open(existing, spec, values, within)
        page = model(**self.fields(model, values, within))
        for relation, rows in spec.get("children", {}).items():
            related = model._meta.get_field(relation).related_model
            manager = getattr(page, relation)
            for order, row in enumerate(rows):
                row = {"sort_order": order, **row}
                if not any(f.name == "sort_order" for f in related._meta.get_fields()):
                    row.pop("sort_order")
                manager.add(related(**self.fields(related, row, within)))
        for relation, refs in spec.get("m2m", {}).items():
            getattr(page, relation).set(self.resolve(refs, within))
        if tags:
            page.topics.add(*tags)
        parent.add_child(instance=page)
        self.count("pages")
        return publish(page)

    def keep_open(self, page, spec, values, within):
        """An "open" demo call, or the upcoming conference, stays so however long after
        the first load: the dates listed in ``keep_open`` move forward again once it has
        closed (a conference's days move with it)."""
        names = spec.get("keep_open")
        if not names:
            return page
        if not (page.has_closed() if hasattr(page, "has_closed") else page.has_ended()):
            return page
        fresh = self.fields(type(page), {name: values[name] for name in names}, within)
        if "start_date" in fresh:
            shift = fresh["start_date"] - page.start_date
            for day in page.days.all():
                day.date += shift
                day.save(update_fields=["date"])
        for name, value in fresh.items():
            setattr(page, name, value)
        return publish(page)

    def step_rows(self, data):
        model = apps.get_model(data["model"])
        within = self.resolve(data.get("within", {}))
        for item in data["items"]:
            values = self.fields(model, {**data.get("defaults", {}), **item}, within)
            names = {field.name for field in model._meta.get_fields()}
            for field, scope in within.items():
                if field in names:
                    values.setdefault(field, scope)
            lookup = {key: values.pop(key) for key in data["key"]}
            _row, created = model.objects.get_or_create(**lookup, defaults=values)
            self.count(model._meta.verbose_name_plural, created)

    def step_site_settings(self, data):
        model = apps.get_model(data.pop("model", "home.SiteSettings"))
        site_settings = model.for_site(Site.objects.get(is_default_site=True))
        for name, value in data.items():
            if not getattr(site_settings, name):
                setattr(site_settings, name, value)
        site_settings.save()

    def step_navigation(self, data):
        navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
        existing = set(navigation.items.values_list("page_id", flat=True))
        order = navigation.items.count()
        for item in data:
            page = self.page(item["page"])
            if page.pk not in existing:
                NavigationItem.objects.create(
                    navigation=navigation, page=page, label=item.get("label", ""), sort_order=order
                )
                order += 1

    def step_featured(self, data):
        """Featured items go through a published revision, so that editors see them in
        the admin (which edits the latest revision)."""
        home = HomePage.objects.get(pk=self.home().pk)
        items = list(home.featured_items.all())
        existing = {item.page_id for item in items}
        new_items = []
        for item in data:
            page = self.page(item["page"])
            if page.pk not in existing:
                new_items.append(
                    HomePageFeaturedItem(
                        page=page, label=item["label"], description=item["description"]
                    )
                )
        if new_items:
            ordered = items + new_items
            for order, item in enumerate(ordered):
                item.sort_order = order
            home.featured_items = ordered
            publish(home)

    # Calls, through the proposals engine

    def submission(self, call, ref):
        ref = {"title": ref} if isinstance(ref, str) else ref
        lookup = {"applicant__username" if k == "applicant" else k: v for k, v in ref.items()}
        return Submission.objects.filter(call_id=call.pk, **lookup).first()

    def step_submissions(self, data):
        """Session proposals to a conference call, as stored by the call's own form."""
        call = self.page(data["call"])
        if Submission.objects.filter(call_id=call.pk).exists():
            return
        conference = call.get_parent().specific
        within = {"conference": conference}
        questions = [question.snapshot() for question in call.get_questions()]
        keys = {question["label"]: question["key"] for question in questions}
        for item in data["items"]:
            user = self.user(item["applicant"])
            submission = Submission.objects.create(
                call=call,
                applicant=user,
                title=item["title"],
                status=item.get("status", SubmissionStatus.SUBMITTED),
                submitted_at=self.when(item.get("submitted_at")),
                applicant_name=user.get_full_name(),
                applicant_email=user.email,
                answers={keys[label]: value for label, value in item["answers"].items()},
                questions=questions,
            )
            proposal = dict(item["proposal"])
            themes = proposal.pop("themes", [])
            proposal = SessionProposal.objects.create(
                submission=submission, **self.fields(SessionProposal, proposal, within)
            )
            proposal.themes.set(self.resolve(themes, within))
            self.count("submissions")

    def step_applications(self, data):
        """Applications made as an applicant would, through the engine and the call's form."""
        call = self.page(data["call"])
        keys = {question.label: question.clean_name for question in call.get_questions()}
        for item in data["items"]:
            user = self.user(item["applicant"])
            if Submission.objects.filter(call_id=call.pk, applicant=user).exists():
                continue
            details_form = None
            if "details" in item:
                details_form = CohortApplicationForm(
                    {f"details-{key}": value for key, value in item["details"].items()}, call=call
                )
                details_form.is_valid()
            uploads = {}
            for question in call.get_questions():
                if question.field_type == "file" and item.get("upload_cv"):
                    upload = SimpleUploadedFile(
                        f"{question.clean_name}.pdf", MINIMAL_PDF, "application/pdf"
                    )
                    upload.detected_content_type = "application/pdf"
                    uploads[question.clean_name] = upload
            when = self.when(item["submitted_at"])
            submission = engine.submit(
                call=call,
                by=user,
                answers={keys[k]: v for k, v in item["answers"].items() if k in keys},
                title=item.get("title"),
                details_form=details_form,
                uploads=uploads or None,
                now=when,
            )
            Submission.objects.filter(pk=submission.pk).update(created_at=when, submitted_at=when)
            self.count("submissions")

    def step_reviews(self, data):
        """Assignments, and finished reviews where ``scores`` are given (in the order of
        the call's rubric, null where a criterion does not apply)."""
        call = self.page(data["call"])
        criteria = list(call.get_criteria())
        for item in data["items"]:
            submission = self.submission(call, item["submission"])
            reviewer = self.user(item["reviewer"])
            if submission.reviews.filter(reviewer=reviewer).exists():
                continue
            review = engine.assign(submission=submission, reviewer=reviewer)
            if item.get("scores") is not None:
                scores = {
                    criterion.pk: score
                    for criterion, score in zip(criteria, item["scores"], strict=False)
                    if score is not None
                }
                engine.record_review(
                    review=review,
                    scores=scores,
                    comment=item.get("comment", ""),
                    recommendation=item.get("recommendation", ""),
                    by=reviewer,
                )
                self.count("reviews")

    def step_decisions(self, data):
        call = self.page(data.pop("call"))
        for status, refs in data.items():
            submissions = [self.submission(call, ref) for ref in refs]
            engine.decide(submissions=[s for s in submissions if s], status=status)

    def step_send_outcomes(self, path):
        call = self.page(path)
        engine.send_outcomes(submissions=list(Submission.objects.for_call(call)))

    def step_form_cohorts(self, path):
        programme = self.page(path)
        if programme.cohorts.exists():
            return
        cohorts = cohort_services.form_suggested_cohorts(programme=programme)
        if cohorts:
            cohort_services.notify_cohort(cohort=cohorts[0])

    # Everything else

    def step_agenda(self, data):
        """A demo user stars sessions and has a private calendar address."""
        user = self.user(data["user"])
        programme = self.page(data["programme"])
        keys = [child(programme, slug).translation_key for slug in data["sessions"]]
        agenda_services.set_stars(user=user, session=None, keys=keys, starred=True)
        if not AgendaFeedToken.objects.active().filter(user=user).exists():
            agenda_services.new_feed_token(user=user)

    def step_receipts(self, _data):
        """The receipts for the demo's confirmed tickets and its thanks for paid gifts, sent
        the site's one way, so the email log (Emails › Email log) shows them beside the
        calls' messages. Each is queued once, however often the demo is loaded."""
        confirmed = Registration.objects.filter(status=Registration.Status.CONFIRMED)
        for registration in confirmed.select_related("ticket_type__conference"):
            ticket_emails.queue_receipt(registration=registration)
        for donation in Donation.objects.filter(status=Donation.Status.PAID).select_related("page"):
            donation_emails.queue_thank_you(donation=donation)

    def step_default_email_templates(self, _data):
        """The engine's default emails in every language, so staff see and edit every
        message, and a French or Dutch applicant is not sent an English row instead."""
        for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            locale, _created = Locale.objects.get_or_create(language_code=language_code)
            with in_language(language_code):
                for kind, (subject, body) in DEFAULT_TEMPLATES.items():
                    _template, created = EmailTemplate.objects.get_or_create(
                        call=None,
                        kind=kind,
                        locale=locale,
                        defaults={"subject": str(subject), "body": str(body)},
                    )
                    self.count("email templates", created)

    def step_translate(self, data):
        """Translate pages with wagtail-localize's own API, as its editor does; strings not
        listed keep the English source."""
        strings = {}
        for name in data["strings"]:
            strings.update(read(CONTENT_DIR / "translations" / name))
        for language_code in data["languages"]:
            locale = Locale.objects.get(language_code=language_code)
            for path in data["pages"]:
                translate_page(self.page(path), locale, strings)

    def step_synchronise_locales(self, language_codes):
        # After the hand translations, so that they are made from English, not over aliases.
        synchronise_locales(
            source_language_code=settings.LANGUAGE_CODE, language_codes=language_codes
        )


def translate_page(page, locale, strings):
    """Translate ``page`` (specific, English) into ``locale`` and make sure it is live."""
    source, created = TranslationSource.get_or_create_from_instance(page)
    changed = created
    if not created:
        before = source.content_json
        source.update_from_db()
        changed = source.content_json != before
    translation, translation_created = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = strings.get(segment.string.data, {}).get(locale.language_code)
        if text is None:
            continue
        string, string_created = StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
        if not string_created and string.data != text:
            string.data, string.has_error = text, False
            string.save()
            changed = True
        changed = changed or string_created
    target = page.get_translation_or_none(locale)
    if (
        changed
        or translation_created
        or target is None
        or target.alias_of_id is not None
        or not target.live
        or target.has_unpublished_changes
    ):
        # Saved as a draft and published here and now: save_target(publish=True) would
        # publish on commit, from a copy taken before its children were translated.
        translation.save_target(publish=False)
        target = page.get_translation(locale)
    if not target.live or target.has_unpublished_changes:
        target.get_latest_revision().publish()


def load(stdout=None, files=None):
    """Load every content file (or the ``files`` named, e.g. ``["10-site.json"]``)."""
    # Wagtail logs every page it creates and publishes: hundreds of lines here.
    logging.getLogger("wagtail").setLevel(logging.WARNING)
    loader = Loader(stdout)
    for path in content_files():
        if files is not None and path.name not in files:
            continue
        with transaction.atomic():
            loader.run(read(path))
        say(stdout, f"demo: {path.name} loaded")
    summary = ", ".join(f"{number} {what}" for what, number in loader.created.items() if number)
    say(stdout, f"demo: {summary or 'nothing new'} added")
    return loader
