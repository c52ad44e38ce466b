"""Demo content: French and Dutch translations of the home page and, when the conference
app's loader has built them, the TICTeC index, TICTeC 2025 and its programme.

Pages are translated through wagtail-localize's own API, as its editor does: a
TranslationSource per page, a Translation per language, a StringTranslation for each
string listed in STRINGS, then ``save_target`` and publishing. Strings not listed here keep
the English source (``save_target`` falls back to the source text).

Idempotent: sources, translations and strings are looked up before being created, and a
translated page is saved again only when its English source or its strings changed.
The home app imports no other app: the conference pages are found by slug.

Then French and Dutch are synchronised from English (home.localization): every other page
gets an alias in /fr/ and /nl/, showing the English content until someone translates it.
"""

from django.conf import settings
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from .localization import synchronise_locales
from .models import HomePage

LANGUAGE_CODES = ["fr", "nl"]

# Slugs below the home page, parents before children: wagtail-localize would otherwise
# create the missing parents as untranslated aliases.
PAGE_PATHS = [
    (),
    ("tictec",),
    ("tictec", "tictec-2025"),
    ("tictec", "tictec-2025", "programme"),
]

# English source string (as wagtail-localize segments it) -> translations.
STRINGS = {
    # Home page
    "mySociety": {"fr": "mySociety", "nl": "mySociety"},
    (
        "We build and share digital tools that help people be active citizens, and we run "
        "TICTeC, the Impacts of Civic Technology Conference."
    ): {
        "fr": (
            "Nous créons et partageons des outils numériques qui aident chacun à être un "
            "citoyen actif, et nous organisons TICTeC, la conférence sur les impacts des "
            "technologies civiques."
        ),
        "nl": (
            "Wij bouwen en delen digitale hulpmiddelen waarmee mensen actieve burgers kunnen "
            "zijn, en wij organiseren TICTeC, de conferentie over de impact van civic tech."
        ),
    },
    "Conference": {"fr": "Conférence", "nl": "Conferentie"},
    "Open call": {"fr": "Appel ouvert", "nl": "Open oproep"},
    "Guidebook": {"fr": "Guide pratique", "nl": "Handleiding"},
    "How the public sector can involve citizens in algorithmic decision-making.": {
        "fr": "Comment le secteur public peut associer les citoyens aux décisions algorithmiques.",
        "nl": "Hoe de publieke sector burgers kan betrekken bij algoritmische besluitvorming.",
    },
    "Meeting notes": {"fr": "Comptes rendus", "nl": "Verslagen"},
    "Four workshops on open government reforms, March 2015.": {
        "fr": "Quatre ateliers sur les réformes pour un gouvernement ouvert, mars 2015.",
        "nl": "Vier workshops over hervormingen voor een open overheid, maart 2015.",
    },
    # TICTeC index page
    "TICTeC": {"fr": "TICTeC", "nl": "TICTeC"},
    (
        "TICTeC, short for The Impacts of Civic Technology Conference, first launched in 2015 "
        "as an annual gathering. It is all about sharing research, knowledge and experiences on "
        "how digital technologies are being used to defend and advance civic and democratic "
        "values across the world."
    ): {
        "fr": (
            "TICTeC, pour The Impacts of Civic Technology Conference, a été lancée en 2015 "
            "comme rendez-vous annuel. Elle a pour but de partager recherches, connaissances et "
            "expériences sur la manière dont les technologies numériques sont utilisées pour "
            "défendre et faire progresser les valeurs civiques et démocratiques dans le monde "
            "entier."
        ),
        "nl": (
            "TICTeC, kort voor The Impacts of Civic Technology Conference, ging in 2015 van "
            "start als jaarlijkse bijeenkomst. De conferentie draait om het delen van onderzoek, "
            "kennis en ervaringen over hoe digitale technologie wereldwijd wordt ingezet om "
            "burgerlijke en democratische waarden te verdedigen en te versterken."
        ),
    },
    # TICTeC 2025
    "TICTeC 2025": {"fr": "TICTeC 2025", "nl": "TICTeC 2025"},
    "Lamot Congress Centre": {"fr": "Centre de congrès Lamot", "nl": "Lamot Congrescentrum"},
    "Mechelen": {"fr": "Malines", "nl": "Mechelen"},
    "Belgium": {"fr": "Belgique", "nl": "België"},
    "TICTeC will be returning in 2025: 10 &amp; 11 June in Mechelen (Belgium), and online.": {
        "fr": "TICTeC revient en 2025 : les 10 et 11 juin à Malines (Belgique) et en ligne.",
        "nl": "TICTeC komt terug in 2025: op 10 en 11 juni in Mechelen (België) en online.",
    },
    (
        "In light of the exceptional political times we’re living through, and that 2025 marks "
        "10 years since TICTeC began, TICTeC 2025 will have a renewed focus on what we’re "
        "calling “Pro-Democracy Technology”."
    ): {
        "fr": (
            "Au vu de la période politique exceptionnelle que nous traversons, et parce que 2025 "
            "marque les 10 ans de TICTeC, TICTeC 2025 mettra l’accent sur ce que nous appelons "
            "la « technologie pro-démocratie »."
        ),
        "nl": (
            "Gezien de uitzonderlijke politieke tijden waarin we leven, en omdat TICTeC in 2025 "
            "tien jaar bestaat, legt TICTeC 2025 de nadruk op wat wij "
            "“pro-democratietechnologie” noemen."
        ),
    },
    (
        "TICTeC 2025 will bring together people working on defensive technology against threats "
        "to democracy, and those who are using technologies constructively to enrich and "
        "strengthen the heartbeat of civic and democratic life."
    ): {
        "fr": (
            "TICTeC 2025 réunira celles et ceux qui conçoivent des technologies pour défendre la "
            "démocratie face aux menaces, et celles et ceux qui utilisent la technologie de "
            "manière constructive pour enrichir et renforcer le cœur de la vie civique et "
            "démocratique."
        ),
        "nl": (
            "TICTeC 2025 brengt mensen samen die werken aan technologie die de democratie tegen "
            "bedreigingen verdedigt, en mensen die technologie constructief inzetten om het "
            "maatschappelijke en democratische leven te verrijken en te versterken."
        ),
    },
    "What is TICTeC?": {"fr": "Qu’est-ce que TICTeC ?", "nl": "Wat is TICTeC?"},
    (
        "TICTeC, short for The Impacts of Civic Technology Conference, first launched in 2015 "
        "as an annual gathering. Since then, it has evolved into a programme of year-round "
        "activities through our current TICTeC Communities and previous TICTeC Labs projects."
    ): {
        "fr": (
            "TICTeC, pour The Impacts of Civic Technology Conference, a été lancée en 2015 "
            "comme rendez-vous annuel. Elle est depuis devenue un programme d’activités tout au "
            "long de l’année, avec nos TICTeC Communities actuelles et nos anciens projets "
            "TICTeC Labs."
        ),
        "nl": (
            "TICTeC, kort voor The Impacts of Civic Technology Conference, ging in 2015 van "
            "start als jaarlijkse bijeenkomst. Sindsdien is het uitgegroeid tot een programma "
            "met activiteiten het hele jaar door, via onze huidige TICTeC Communities en eerdere "
            "TICTeC Labs-projecten."
        ),
    },
    (
        "A key tenet of the civic tech movement is the idea that the best advocacy is the "
        "demonstration of what’s possible. This is what TICTeC is all about. We’re bringing "
        "together practical people and practical thinkers to talk about the impact of our work, "
        "and learn lessons in how we can go further."
    ): {
        "fr": (
            "L’un des principes clés du mouvement civic tech est que le meilleur plaidoyer "
            "consiste à montrer ce qui est possible. C’est tout l’esprit de TICTeC. Nous "
            "réunissons des praticiens et des penseurs pragmatiques pour parler de l’impact de "
            "notre travail et apprendre comment aller plus loin."
        ),
        "nl": (
            "Een kernidee van de civic-techbeweging is dat je het best pleit door te laten zien "
            "wat mogelijk is. Daar draait TICTeC om. We brengen doeners en praktische denkers "
            "samen om te praten over de impact van ons werk en te leren hoe we verder kunnen "
            "komen."
        ),
    },
    (
        "At previous TICTeC conferences, between 150-250 people have gathered in person and "
        "online, from more than 40 countries."
    ): {
        "fr": (
            "Lors des éditions précédentes de TICTeC, entre 150 et 250 personnes venues de plus "
            "de 40 pays se sont réunies sur place et en ligne."
        ),
        "nl": (
            "Op eerdere TICTeC-conferenties kwamen 150 tot 250 mensen uit meer dan 40 landen "
            "samen, ter plaatse en online."
        ),
    },
    (
        "It is essential to register in order to attend TICTeC 2025, whether that’s in person "
        "or online. Early Bird tickets are available until 3rd March 2025, saving £100."
    ): {
        "fr": (
            "L’inscription est obligatoire pour participer à TICTeC 2025, sur place comme en "
            "ligne. Les billets Early Bird sont en vente jusqu’au 3 mars 2025 et permettent "
            "d’économiser 100 £."
        ),
        "nl": (
            "Registratie is verplicht om TICTeC 2025 bij te wonen, zowel ter plaatse als online. "
            "Early-birdtickets zijn tot 3 maart 2025 verkrijgbaar en besparen je £100."
        ),
    },
    "Register for TICTeC 2025": {
        "fr": "S’inscrire à TICTeC 2025",
        "nl": "Schrijf je in voor TICTeC 2025",
    },
    (
        "TICTeC 2025 sponsors receive a guaranteed speaking slot, with no need to participate "
        "in the open call."
    ): {
        "fr": (
            "Les sponsors de TICTeC 2025 bénéficient d’un créneau d’intervention garanti, sans "
            "avoir à répondre à l’appel à propositions."
        ),
        "nl": (
            "Sponsors van TICTeC 2025 krijgen gegarandeerd spreektijd, zonder mee te hoeven doen "
            "aan de open oproep."
        ),
    },
    (
        "If you have general ideas or questions about TICTeC 2025, or are interested in "
        'sponsoring the conference, please get in touch at <a id="a1">tictec@mysociety.org</a>.'
    ): {
        "fr": (
            "Pour toute idée ou question sur TICTeC 2025, ou si vous souhaitez sponsoriser la "
            'conférence, écrivez-nous à <a id="a1">tictec@mysociety.org</a>.'
        ),
        "nl": (
            "Heb je ideeën of vragen over TICTeC 2025, of wil je de conferentie sponsoren? Neem "
            'dan contact op via <a id="a1">tictec@mysociety.org</a>.'
        ),
    },
    "Day one": {"fr": "Premier jour", "nl": "Dag één"},
    "Day two": {"fr": "Deuxième jour", "nl": "Dag twee"},
    "Main hall": {"fr": "Grande salle", "nl": "Grote zaal"},
    "Studio": {"fr": "Studio", "nl": "Studio"},
    "Workshop room": {"fr": "Salle d’atelier", "nl": "Workshopruimte"},
    "Step-free access, hearing loop, live captions": {
        "fr": "Accès de plain-pied, boucle magnétique, sous-titrage en direct",
        "nl": "Drempelvrije toegang, ringleiding, live ondertiteling",
    },
    "Step-free access, streamed online": {
        "fr": "Accès de plain-pied, diffusion en ligne",
        "nl": "Drempelvrije toegang, online gestreamd",
    },
    "Step-free access": {"fr": "Accès de plain-pied", "nl": "Drempelvrije toegang"},
    "20-minute presentation": {
        "fr": "Présentation de 20 minutes",
        "nl": "Presentatie van 20 minuten",
    },
    "35-minute short workshop": {
        "fr": "Atelier court de 35 minutes",
        "nl": "Korte workshop van 35 minuten",
    },
    "75-minute long workshop or panel": {
        "fr": "Atelier long ou table ronde de 75 minutes",
        "nl": "Lange workshop of panel van 75 minuten",
    },
    "Keynote": {"fr": "Conférence principale", "nl": "Keynote"},
    "Plenary": {"fr": "Séance plénière", "nl": "Plenaire sessie"},
    "Break": {"fr": "Pause", "nl": "Pauze"},
    "Access to information and open data": {
        "fr": "Accès à l’information et données ouvertes",
        "nl": "Toegang tot informatie en open data",
    },
    "Democracy, people and politics": {
        "fr": "Démocratie, citoyens et politique",
        "nl": "Democratie, mensen en politiek",
    },
    "Climate change": {"fr": "Changement climatique", "nl": "Klimaatverandering"},
    "Defensive": {"fr": "Défensive", "nl": "Defensief"},
    "Constructive": {"fr": "Constructive", "nl": "Constructief"},
    # TICTeC 2025 programme
    "Programme": {"fr": "Programme", "nl": "Programma"},
    (
        "Sessions at TICTeC 2025: presentations, workshops and panels on access to information "
        "and open data, democracy, people and politics, climate change."
    ): {
        "fr": (
            "Les sessions de TICTeC 2025 : présentations, ateliers et tables rondes sur l’accès "
            "à l’information et les données ouvertes, la démocratie, les citoyens et la "
            "politique, et le changement climatique."
        ),
        "nl": (
            "Sessies op TICTeC 2025: presentaties, workshops en panels over toegang tot "
            "informatie en open data, democratie, mensen en politiek, en klimaatverandering."
        ),
    },
}


def _source(page):
    """The page's translation source, brought up to date; True if its content changed."""
    source, created = TranslationSource.get_or_create_from_instance(page)
    if created:
        return source, True
    before = source.content_json
    source.update_from_db()
    return source, source.content_json != before


def _translate_strings(source, locale):
    """Store a StringTranslation for each of the source's strings listed in STRINGS.
    Returns (strings translated, whether any was added or changed)."""
    translated, changed = 0, False
    segments = source.stringsegment_set.select_related("string", "context")
    for segment in segments:
        text = STRINGS.get(segment.string.data, {}).get(locale.language_code)
        if text is None:
            continue
        string_translation, created = StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
        if created:
            changed = True
        elif string_translation.data != text:
            string_translation.data = text
            string_translation.has_error = False
            string_translation.save()
            changed = True
        translated += 1
    return translated, changed


def translate_page(page, locale):
    """Translate ``page`` (specific, English) into ``locale`` and make sure it is live.
    Returns (the translated page, number of strings translated, whether it was saved)."""
    source, source_changed = _source(page)
    translation, translation_created = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    translated, strings_changed = _translate_strings(source, locale)
    target = page.get_translation_or_none(locale)
    saved = (
        source_changed
        or translation_created
        or strings_changed
        or target is None
        or target.alias_of_id is not None
        or not target.live
        or target.has_unpublished_changes
    )
    if saved:
        # Strings not in STRINGS fall back to the English source. Saved as a draft and
        # published here and now: save_target(publish=True) would publish on commit, from
        # a copy of the page taken before its children were translated, and Wagtail would
        # then find no children under it (404).
        translation.save_target(publish=False)
        target = page.get_translation(locale)
    if not target.live or target.has_unpublished_changes:
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target.specific, translated, saved


def _pages():
    """The English pages to translate, parents first; missing ones are skipped."""
    home = HomePage.objects.filter(locale__language_code="en").first()
    if home is None:
        return []
    pages = []
    for path in PAGE_PATHS:
        page = home
        for slug in path:
            page = Page.objects.child_of(page).filter(slug=slug).specific().first()
            if page is None:
                break
        if page is None:
            break  # its children are missing too
        pages.append(page)
    return pages


def load(stdout=None):
    pages = _pages()
    for language_code in LANGUAGE_CODES:
        locale, _created = Locale.objects.get_or_create(language_code=language_code)
        for page in pages:
            target, translated, saved = translate_page(page, locale)
            if stdout:
                stdout.write(
                    f"translations: {target.url_path} ({language_code}): {translated} strings "
                    f"translated, {'saved' if saved else 'up to date'}"
                )
    # After the hand translations, so that they are made from English, not over aliases.
    synchronise_locales(source_language_code=settings.LANGUAGE_CODE, language_codes=LANGUAGE_CODES)
    if stdout:
        stdout.write(f"translations: {', '.join(LANGUAGE_CODES)} synchronised from English")
    return pages
