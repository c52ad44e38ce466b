"""Demo content: French and Dutch translations of the home page and, when the conference
app's loader has built them, the TICTeC index, TICTeC 2025, its programme and its call for
session proposals (title, guidance, questions and rubric).

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
    ("tictec", "tictec-2025", "call-for-proposals"),
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


# The TICTeC 2025 call for session proposals: its title, introduction, guidance,
# questions (with their choices) and rubric, so a French or Dutch applicant reads the
# call and answers its questions in their language.
CALL_STRINGS = {
    "Call for session proposals": {
        "fr": "Appel à propositions de sessions",
        "nl": "Oproep voor sessievoorstellen",
    },
    (
        "This year we are framing our call for session proposals around ‘pro-democracy "
        "technology’. Pitch a session for TICTeC 2025, 10 and 11 June in Mechelen (Belgium) "
        "and online."
    ): {
        "fr": (
            "Cette année, notre appel à propositions de sessions porte sur les « technologies "
            "au service de la démocratie ». Proposez une session pour TICTeC 2025, les 10 et "
            "11 juin à Malines (Belgique) et en ligne."
        ),
        "nl": (
            "Dit jaar staat onze oproep voor sessievoorstellen in het teken van "
            "‘technologie voor de democratie’. Stel een sessie voor op TICTeC 2025, op 10 en "
            "11 juni in Mechelen (België) en online."
        ),
    },
    "Conference themes": {"fr": "Thèmes de la conférence", "nl": "Thema’s van de conferentie"},
    (
        "This year we’re shaping TICTeC around three thematic areas: access to information "
        "and open data;\ndemocracy, people and politics; and climate change. In these areas, "
        "we’re structuring panels around\nideas of defensive and constructive democratic tech. "
        "Proposals may in practice cover multiple areas.\nIf your proposal does not fit either "
        "category, you can select both or neither."
    ): {
        "fr": (
            "Cette année, TICTeC s’articule autour de trois thèmes : l’accès à l’information "
            "et les données ouvertes ; la démocratie, les citoyens et la politique ; et le "
            "changement climatique. Dans ces thèmes, les tables rondes opposent technologies "
            "démocratiques défensives et constructives. Une proposition peut couvrir plusieurs "
            "thèmes. Si elle ne relève d’aucune de ces deux catégories, vous pouvez choisir "
            "les deux ou aucune."
        ),
        "nl": (
            "Dit jaar draait TICTeC om drie thema’s: toegang tot informatie en open data; "
            "democratie, mensen en politiek; en klimaatverandering. Binnen die thema’s delen "
            "we de panels in naar defensieve en constructieve democratische technologie. Een "
            "voorstel kan meerdere thema’s beslaan. Past je voorstel in geen van beide "
            "categorieën, dan kun je ze allebei of geen van beide kiezen."
        ),
    },
    "Session types": {"fr": "Types de sessions", "nl": "Soorten sessies"},
    "20 minute presentations": {
        "fr": "Présentations de 20 minutes",
        "nl": "Presentaties van 20 minuten",
    },
    "35 minute short workshops": {
        "fr": "Ateliers courts de 35 minutes",
        "nl": "Korte workshops van 35 minuten",
    },
    "75 minute long workshops/panels": {
        "fr": "Ateliers longs ou tables rondes de 75 minutes",
        "nl": "Lange workshops of panels van 75 minuten",
    },
    (
        "For workshops, we really want to see a strong interactive element that involves the "
        "audience in\nworking through a practical activity, sharing information and "
        "experiences. Long workshops may take\nthe form of a panel, but there should still be "
        "a strong interactive component. We have fewer time\nslots for workshops and can "
        "accept fewer of these proposals."
    ): {
        "fr": (
            "Pour les ateliers, nous attendons une vraie part d’interaction : le public "
            "travaille sur une activité pratique et partage informations et expériences. Un "
            "atelier long peut prendre la forme d’une table ronde, mais doit rester très "
            "interactif. Nous avons moins de créneaux pour les ateliers et pourrons en "
            "retenir moins."
        ),
        "nl": (
            "Bij workshops willen we een sterk interactief element: het publiek werkt samen "
            "aan een praktische opdracht en deelt informatie en ervaringen. Een lange "
            "workshop mag een panel zijn, maar moet sterk interactief blijven. We hebben "
            "minder tijdsloten voor workshops en kunnen er minder van aannemen."
        ),
    },
    (
        "You are allowed to submit multiple proposals if you would like to pitch a "
        "presentation and a\nworkshop (but both are unlikely to be accepted)."
    ): {
        "fr": (
            "Vous pouvez envoyer plusieurs propositions, par exemple une présentation et un "
            "atelier (mais il est peu probable que les deux soient retenues)."
        ),
        "nl": (
            "Je mag meerdere voorstellen indienen, bijvoorbeeld een presentatie en een "
            "workshop (maar het is onwaarschijnlijk dat ze allebei worden aangenomen)."
        ),
    },
    "Travel grants and presenting remotely": {
        "fr": "Bourses de voyage et interventions à distance",
        "nl": "Reisbeurzen en presenteren op afstand",
    },
    (
        "We have a limited number of travel grants available to support speakers to attend: "
        "you can apply\nfor one in this form. While we will favour speakers to be in-person, "
        "there are a limited number of\nslots for people who cannot travel to present "
        "remotely."
    ): {
        "fr": (
            "Nous disposons de quelques bourses de voyage pour aider les intervenants à venir : "
            "vous pouvez en demander une dans ce formulaire. Nous privilégions les "
            "intervenants sur place, mais quelques créneaux sont réservés à ceux qui ne "
            "peuvent pas se déplacer et interviendront à distance."
        ),
        "nl": (
            "We hebben een beperkt aantal reisbeurzen om sprekers te helpen komen: je kunt er "
            "een aanvragen in dit formulier. We geven de voorkeur aan sprekers ter plaatse, "
            "maar er zijn enkele plekken voor wie niet kan reizen en op afstand presenteert."
        ),
    },
    "Key dates": {"fr": "Dates clés", "nl": "Belangrijke data"},
    "Submit your proposals by 15 January 2025 at the latest.": {
        "fr": "Envoyez vos propositions au plus tard le 15 janvier 2025.",
        "nl": "Dien je voorstellen uiterlijk op 15 januari 2025 in.",
    },
    (
        "Those selected for inclusion in the conference programme will be notified by "
        "31 January 2025."
    ): {
        "fr": "Les personnes retenues pour le programme seront prévenues d’ici le 31 janvier 2025.",
        "nl": "Wie in het programma wordt opgenomen, hoort dat uiterlijk op 31 januari 2025.",
    },
    (
        "Presenters will be required to register for the conference by 14 February in order "
        "to confirm\ntheir slot (the registration fee will be waived for individuals "
        "presenting)."
    ): {
        "fr": (
            "Les intervenants devront s’inscrire à la conférence avant le 14 février pour "
            "confirmer leur créneau (les frais d’inscription leur sont offerts)."
        ),
        "nl": (
            "Sprekers moeten zich uiterlijk op 14 februari voor de conferentie registreren om "
            "hun plek te bevestigen (zij betalen geen registratiekosten)."
        ),
    },
    "What is a good TICTeC presentation?": {
        "fr": "Qu’est-ce qu’une bonne présentation à TICTeC ?",
        "nl": "Wat is een goede TICTeC-presentatie?",
    },
    (
        "TICTeC is a practical and reflective conference. We encourage presentation "
        "submissions to focus\non specific impacts or usage, rather than showcase new tools "
        "that are as yet untested. Technology\ndoes not have to be new, and we welcome "
        "retrospectives on long running projects. We score proposals\naccording to their "
        "alignment to the conference themes."
    ): {
        "fr": (
            "TICTeC est une conférence pratique et réflexive. Nous encourageons les "
            "propositions centrées sur un impact ou un usage précis plutôt que sur de nouveaux "
            "outils encore non éprouvés. La technologie n’a pas besoin d’être nouvelle, et les "
            "bilans de projets de longue haleine sont les bienvenus. Nous notons les "
            "propositions selon leur adéquation aux thèmes de la conférence."
        ),
        "nl": (
            "TICTeC is een praktische en reflectieve conferentie. We moedigen voorstellen aan "
            "die over concrete impact of gebruik gaan, in plaats van nieuwe, nog niet "
            "beproefde tools te tonen. Technologie hoeft niet nieuw te zijn, en terugblikken op "
            "langlopende projecten zijn welkom. We beoordelen voorstellen op hoe goed ze "
            "aansluiten bij de thema’s van de conferentie."
        ),
    },
    "Use of AI in writing proposals": {
        "fr": "Utiliser l’IA pour rédiger une proposition",
        "nl": "AI gebruiken bij het schrijven van voorstellen",
    },
    (
        "You may use ChatGPT or similar to sharpen ideas for proposals, better highlight "
        "alignment with our\nthemes, or improve written language. However, proposals and "
        "sessions that are entirely AI-conceived\nwill not score well. If using these tools, "
        "ensure the result is an accurate and truthful account of\nyour own experiences, "
        "research, or impact."
    ): {
        "fr": (
            "Vous pouvez utiliser ChatGPT ou un outil semblable pour affiner vos idées, mieux "
            "montrer le lien avec nos thèmes ou améliorer votre rédaction. Mais les "
            "propositions et sessions entièrement conçues par une IA seront mal notées. Si vous "
            "utilisez ces outils, veillez à ce que le résultat décrive fidèlement vos propres "
            "expériences, recherches ou résultats."
        ),
        "nl": (
            "Je mag ChatGPT of iets vergelijkbaars gebruiken om ideeën aan te scherpen, de "
            "aansluiting bij onze thema’s beter te laten zien of je tekst te verbeteren. "
            "Voorstellen en sessies die volledig door AI zijn bedacht, scoren echter slecht. "
            "Gebruik je deze tools, zorg dan dat het resultaat je eigen ervaringen, onderzoek "
            "of impact eerlijk en juist weergeeft."
        ),
    },
    "If you still have any questions, please email tictec@mysociety.org.": {
        "fr": "Pour toute autre question, écrivez à tictec@mysociety.org.",
        "nl": "Heb je nog vragen, mail dan naar tictec@mysociety.org.",
    },
    # Questions
    "Evidence of impact": {"fr": "Preuves d’impact", "nl": "Bewijs van impact"},
    (
        "What changed because of this work? Tell us about real usage, outcomes, or obstacles "
        "to impact."
    ): {
        "fr": (
            "Qu’est-ce que ce travail a changé ? Parlez-nous d’usages réels, de résultats ou "
            "des obstacles rencontrés."
        ),
        "nl": (
            "Wat is er door dit werk veranderd? Vertel ons over echt gebruik, resultaten of "
            "obstakels voor impact."
        ),
    },
    "Who in the TICTeC audience is this for?": {
        "fr": "À qui, dans le public de TICTeC, s’adresse cette session ?",
        "nl": "Voor wie in het TICTeC-publiek is dit bedoeld?",
    },
    (
        "Practitioners building civic tech<br/>Civil society leaders and campaigners<br/>"
        "Funders<br/>Civil servants and government representatives<br/>Academic researchers"
    ): {
        "fr": (
            "Praticiens qui construisent des technologies civiques<br/>Responsables de la "
            "société civile et militants<br/>Bailleurs de fonds<br/>Fonctionnaires et "
            "représentants des pouvoirs publics<br/>Chercheurs universitaires"
        ),
        "nl": (
            "Makers van civic tech<br/>Leiders en campagnevoerders uit het maatschappelijk "
            "middenveld<br/>Financiers<br/>Ambtenaren en overheidsvertegenwoordigers<br/>"
            "Academische onderzoekers"
        ),
    },
    "Supporting material": {"fr": "Documents à l’appui", "nl": "Ondersteunend materiaal"},
    (
        "Optional: slides from an earlier talk, a report or an evaluation (PDF, Word or "
        "PowerPoint, up to 10 MB)."
    ): {
        "fr": (
            "Facultatif : les diapositives d’une intervention précédente, un rapport ou une "
            "évaluation (PDF, Word ou PowerPoint, 10 Mo maximum)."
        ),
        "nl": (
            "Optioneel: dia’s van een eerdere presentatie, een rapport of een evaluatie (PDF, "
            "Word of PowerPoint, maximaal 10 MB)."
        ),
    },
    "Access needs": {"fr": "Besoins d’accessibilité", "nl": "Toegankelijkheidsbehoeften"},
    "Anything we should know to make presenting easier for you.": {
        "fr": "Tout ce que nous devrions savoir pour faciliter votre intervention.",
        "nl": "Alles wat we moeten weten om het presenteren voor jou makkelijker te maken.",
    },
    # Rubric (read by reviewers in the admin)
    "Alignment with the conference themes": {
        "fr": "Adéquation aux thèmes de la conférence",
        "nl": "Aansluiting bij de thema’s van de conferentie",
    },
    (
        "Does it speak to access to information and open data; democracy, people and "
        "politics; or climate change, with a clear defensive or constructive angle? Vague, "
        "general claims about the themes score low."
    ): {
        "fr": (
            "Traite-t-elle de l’accès à l’information et des données ouvertes ; de la "
            "démocratie, des citoyens et de la politique ; ou du changement climatique, sous "
            "un angle clairement défensif ou constructif ? Les affirmations vagues et "
            "générales sur les thèmes sont mal notées."
        ),
        "nl": (
            "Gaat het over toegang tot informatie en open data; democratie, mensen en "
            "politiek; of klimaatverandering, met een duidelijk defensieve of constructieve "
            "invalshoek? Vage, algemene beweringen over de thema’s scoren laag."
        ),
    },
    "Practical experience and evidence of impact": {
        "fr": "Expérience pratique et preuves d’impact",
        "nl": "Praktijkervaring en bewijs van impact",
    },
    (
        "We prioritise experience and impact over untested tools: real usage, qualitative "
        "stories, retrospectives and honest accounts of obstacles. Entirely AI-conceived "
        "proposals will not score well."
    ): {
        "fr": (
            "Nous privilégions l’expérience et l’impact plutôt que les outils non éprouvés : "
            "usages réels, témoignages, bilans et récits honnêtes des obstacles. Les "
            "propositions entièrement conçues par une IA seront mal notées."
        ),
        "nl": (
            "We geven voorrang aan ervaring en impact boven onbeproefde tools: echt gebruik, "
            "kwalitatieve verhalen, terugblikken en eerlijke verslagen van obstakels. "
            "Voorstellen die volledig door AI zijn bedacht, scoren slecht."
        ),
    },
    "Quality of audience participation": {
        "fr": "Qualité de la participation du public",
        "nl": "Kwaliteit van de deelname van het publiek",
    },
    (
        "Workshops only: a clear sense of the discussion and questions, a structured activity "
        "(e.g. 1-2-4-all), and participants who will have something to say and take something "
        "away."
    ): {
        "fr": (
            "Ateliers seulement : une idée claire de la discussion et des questions, une "
            "activité structurée (par exemple 1-2-4-tous) et des participants qui auront "
            "quelque chose à dire et à emporter."
        ),
        "nl": (
            "Alleen workshops: een duidelijk beeld van de discussie en vragen, een "
            "gestructureerde activiteit (bijv. 1-2-4-allen), en deelnemers die iets te zeggen "
            "hebben en iets meenemen."
        ),
    },
}
STRINGS.update(CALL_STRINGS)


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
