"""Every page in every language.

wagtail-localize's locale synchronisation ("Sync from English" on a locale, in Settings →
Locales) keeps an alias of every English page in the French and Dutch trees until someone
translates it, so /fr/ and /nl/ have every page from the first day. A translation is a
draft until it is published (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False): until
then the page goes on showing the English content it showed as an alias.

- ``content_language(page)``: the language a page's content is written in when it is not
  the page's own (an alias, or a translation not yet published); base.html marks that
  content with ``lang`` and tells the visitor it has not been translated yet.
- ``synchronise_locales(...)``: turn synchronisation on (the demo loader; staff use the
  locale's settings).
- ``create_missing_aliases(page)``: a page published in a language other locales sync
  from gets its aliases there, whether it was made in the admin or by code (sessions made
  from accepted proposals, demo content). Connected to ``page_published``.
- ``submit_translation_for_moderation(...)``: wagtail-localize's translation editor only
  publishes; editors submit a translation to the moderation workflow with this
  (home/admin_views.py, from a button in the page's header).
"""

from wagtail.models import Locale, Page, Revision
from wagtail.signals import page_published
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource


def content_language(page):
    """The language code of the content ``page`` shows, when that is not the page's own
    language: an alias of a page in another language, or a translation made but never
    published (it still shows what it showed as an alias). None when the page shows its
    own language's content. No query for a page showing its latest published revision,
    one or two otherwise."""
    if page is None or not getattr(page, "locale_id", None):
        return None
    if getattr(page, "alias_of_id", None):
        return _language_of(page.alias_of_id, other_than=page)
    if page.live_revision_id is None:
        if not page.has_unpublished_changes:
            return None
        # Published without a revision (by code), with a draft: a translation not yet
        # published?
        return (
            TranslationSource.objects.filter(
                object_id=page.translation_key,
                translations__target_locale_id=page.locale_id,
                translations__enabled=True,
            )
            .exclude(locale_id=page.locale_id)
            .values_list("locale__language_code", flat=True)
            .first()
        )
    if page.live_revision_id != page.latest_revision_id:
        # An alias keeps its original's live revision: one that is another page's means
        # this translation has not been published since it stopped being an alias.
        owner = (
            Revision.objects.filter(pk=page.live_revision_id)
            .values_list("object_id", flat=True)
            .first()
        )
        if owner is not None and owner != str(page.pk):
            return _language_of(owner, other_than=page)
    return None


def _language_of(page_id, *, other_than):
    return (
        Page.objects.filter(pk=page_id)
        .exclude(locale_id=other_than.locale_id)
        .values_list("locale__language_code", flat=True)
        .first()
    )


def versions_by_language(page):
    """{language code: the live version of ``page`` in that language (its translation or
    alias)}; for a language the page does not exist in, its nearest ancestor's version
    there, so the language switcher never links to a missing page. One query."""
    lineage = Page.objects.ancestor_of(page, inclusive=True).filter(depth__gt=1)
    nearest_first = (
        Page.objects.live()
        .filter(translation_key__in=lineage.values("translation_key"))
        .select_related("locale")
        .order_by("-depth")
    )
    versions = {}
    for version in nearest_first:
        versions.setdefault(version.locale.language_code, version)
    return versions


def synchronise_locales(*, source_language_code, language_codes):
    """Sync each of ``language_codes`` from ``source_language_code``: every page missing in
    that language gets an alias now, and every page published later gets one too.
    Idempotent: running it again only adds aliases of pages that have none yet."""
    source, _created = Locale.objects.get_or_create(language_code=source_language_code)
    for language_code in language_codes:
        locale, _created = Locale.objects.get_or_create(language_code=language_code)
        synchronisation, created = LocaleSynchronization.objects.get_or_create(
            locale=locale, defaults={"sync_from": source}
        )
        if created:
            continue  # saving it synchronised the tree (wagtail-localize's post_save)
        if synchronisation.sync_from_id != source.pk:
            synchronisation.sync_from = source
            synchronisation.save()
        else:
            synchronisation.sync_trees()


def create_missing_aliases(page):
    """Give ``page`` an alias in each locale synchronised from its own that has no
    version of it yet (parents are aliased too where missing). One query when there is
    nothing to do."""
    missing = Locale.objects.filter(
        pk__in=LocaleSynchronization.objects.filter(sync_from_id=page.locale_id).values("locale_id")
    ).exclude(pk__in=Page.objects.filter(translation_key=page.translation_key).values("locale_id"))
    for locale in missing:
        alias = page.copy_for_translation(locale, copy_parents=True, alias=True)
        create_missing_aliases(alias)  # locales that sync from this one


def synced_translation(page):
    """The wagtail-localize translation ``page`` is the target of, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


def submit_translation_for_moderation(*, page, user):
    """Save the translation of ``page`` as it stands (its translated strings, English where
    none yet) as a draft revision and start the page's moderation workflow on it, as an
    editor submits an English page. What the page shows does not change until a moderator
    approves. Raises ValidationError when the translation does not make a valid page."""
    translation = synced_translation(page)
    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    # A revision only: save_revision writes no content to the page itself.
    draft.save_revision(user=user, log_action=True)
    page = Page.objects.get(pk=page.pk).specific
    page.get_workflow().start(page, user)
    return page


def _alias_published_page(sender, instance, **kwargs):
    create_missing_aliases(instance)


def connect_signals():
    page_published.connect(_alias_published_page, dispatch_uid="home.localization.aliases")
