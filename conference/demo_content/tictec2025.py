"""TICTeC 2025 (Mechelen and online, 10–11 June 2025): themes, formats and programme.

Themes, approaches, formats, dates and framing come from the TICTeC 2025 call for
proposals and announcement; session topics from the projects and questions those
texts and mySociety's news posts discuss.
"""

CONFERENCE = {
    "slug": "tictec-2025",
    "title": "TICTeC 2025",
    "edition_year": 2025,
    "acronym": "tictec2025",
    "start_date": "2025-06-10",
    "end_date": "2025-06-11",
    "venue": "Lamot Congress Centre",
    "city": "Mechelen",
    "country": "Belgium",
    "online_participation": True,
    "time_zone": "Europe/Brussels",
    "status": "programme_published",
    "introduction": (
        "<p>TICTeC will be returning in 2025: 10 &amp; 11 June in Mechelen (Belgium), and online.</p>"
        "<p>In light of the exceptional political times we’re living through, and that 2025 marks "
        "10 years since TICTeC began, TICTeC 2025 will have a renewed focus on what we’re calling "
        "“Pro-Democracy Technology”.</p>"
        "<p>TICTeC 2025 will bring together people working on defensive technology against threats "
        "to democracy, and those who are using technologies constructively to enrich and strengthen "
        "the heartbeat of civic and democratic life.</p>"
        "<h2>What is TICTeC?</h2>"
        "<p>TICTeC, short for The Impacts of Civic Technology Conference, first launched in 2015 as "
        "an annual gathering. Since then, it has evolved into a programme of year-round activities "
        "through our current TICTeC Communities and previous TICTeC Labs projects.</p>"
        "<p>A key tenet of the civic tech movement is the idea that the best advocacy is the "
        "demonstration of what’s possible. This is what TICTeC is all about. We’re bringing together "
        "practical people and practical thinkers to talk about the impact of our work, and learn "
        "lessons in how we can go further.</p>"
        "<p>At previous TICTeC conferences, between 150-250 people have gathered in person and "
        "online, from more than 40 countries.</p>"
    ),
    "registration_text": (
        "It is essential to register in order to attend TICTeC 2025, whether that’s in person or "
        "online. Early Bird tickets are available until 3rd March 2025, saving £100."
    ),
    "registration_link_text": "Register for TICTeC 2025",
    # Empty: the registration button goes to the conference's own tickets page.
    "registration_url": "",
    "sponsorship": (
        "<p>TICTeC 2025 sponsors receive a guaranteed speaking slot, with no need to participate "
        "in the open call.</p><p>If you have general ideas or questions about TICTeC 2025, or are "
        "interested in sponsoring the conference, please get in touch at "
        '<a href="mailto:tictec@mysociety.org">tictec@mysociety.org</a>.</p>'
    ),
}

DAYS = [
    ("2025-06-10", "Day one", "08:30", "17:30"),
    ("2025-06-11", "Day two", "09:00", "15:30"),
]

ROOMS = [
    # slug, name, capacity, accessibility notes
    ("main-hall", "Main hall", 250, "Step-free access, hearing loop, live captions"),
    ("studio", "Studio", 90, "Step-free access, streamed online"),
    ("workshop-room", "Workshop room", 40, "Step-free access"),
]

FORMATS = [
    # slug, name, minutes, kind
    ("presentation", "20-minute presentation", 20, "session"),
    ("short-workshop", "35-minute short workshop", 35, "session"),
    ("long-workshop", "75-minute long workshop or panel", 75, "session"),
    ("keynote", "Keynote", 45, "keynote"),
    ("plenary", "Plenary", 30, "plenary"),
    ("break", "Break", 30, "break"),
]

THEMES = [
    (
        "access-to-information",
        "Access to information and open data",
        "People working with access to information/Freedom of Information laws, or open data: "
        "innovations in running ATI platforms, improved government efficiencies, or projects "
        "that produce analysis or tools as a result of the data.",
    ),
    (
        "democracy-people-politics",
        "Democracy, people and politics",
        "Projects concerned with mainstream democratic structures, or technical approaches to "
        "democratic processes involving people directly.",
    ),
    (
        "climate-change",
        "Climate change",
        "Practical approaches to facilitating and delivering democratic action on climate change.",
    ),
]

APPROACHES = [
    (
        "defensive",
        "Defensive",
        "Defending the open society: anti-corruption, anti-misinformation, etc.",
    ),
    (
        "constructive",
        "Constructive",
        "Empowering technologies that build democratic fibre and capacity: participation and "
        "deliberation, community tools, civic response tech.",
    ),
]

ATI, DEMOCRACY, CLIMATE = "access-to-information", "democracy-people-politics", "climate-change"

# slug, title, format, day (0/1), start, room, themes, approach, attendance, speakers,
# abstract, length override in minutes (or None)
SESSIONS = [
    # Day one ------------------------------------------------------------------------
    (
        "registration-day-one",
        "Registration, coffee and pastries",
        "break",
        0,
        "08:30",
        "main-hall",
        [],
        None,
        "in_person",
        [],
        "Collect your badge at the front desk of the Lamot Congress Centre. Online attendees can "
        "test their connection in the online lobby.",
        60,
    ),
    (
        "ten-years-of-tictec",
        "Ten years of TICTeC: from civic tech to pro-democracy tech",
        "keynote",
        0,
        "09:30",
        "main-hall",
        [DEMOCRACY],
        None,
        "hybrid",
        ["miriam-okafor"],
        "Civic tech won the argument of its time: governments, journalism and NGOs have taken on "
        "the lessons of the early movement. This opening keynote asks what framing we need now that "
        "ideas of democracy are under attack, and why we are talking about defensive and "
        "constructive pro-democracy technology.",
        60,
    ),
    (
        "coffee-day-one-morning",
        "Coffee break",
        "break",
        0,
        "10:30",
        "main-hall",
        [],
        None,
        "in_person",
        [],
        "Coffee, tea and water in the foyer.",
        None,
    ),
    (
        "following-the-money",
        "Following the money: political donation tracking in Europe",
        "long-workshop",
        0,
        "11:00",
        "main-hall",
        [DEMOCRACY],
        "defensive",
        "in_person",
        ["tomas-verhoeven", "lena-kowalski", "beatrix-lambert"],
        "A panel of people who track political donations and MPs’ financial interests. What makes "
        "a register usable, how do you turn declarations into data, and which processes that do "
        "not make sense are worth prodding Parliament about? The second half is a structured "
        "discussion using the 1-2-4-all method.",
        None,
    ),
    (
        "foi-for-marginalised-groups",
        "What ten organisations learned using FOI in their campaigns",
        "presentation",
        0,
        "11:00",
        "studio",
        [ATI],
        "constructive",
        "in_person",
        ["hannah-price"],
        "Between January and July, cohorts of two to five organisations working with marginalised "
        "groups in the UK used Freedom of Information requests to gather evidence for their "
        "campaigns. What worked, where they hit hurdles, and what it takes to turn responses "
        "into a spreadsheet you can campaign with.",
        None,
    ),
    (
        "ati-platform-hostile-environment",
        "Running an access to information platform in a hostile environment",
        "presentation",
        0,
        "11:25",
        "studio",
        [ATI],
        "defensive",
        "remote",
        ["daniel-mwangi"],
        "More than twenty sites around the world run on the same FOI codebase. A partner running "
        "one where officials are increasingly hostile shares how they keep requests public and "
        "requesters safe.",
        None,
    ),
    (
        "declared-interests-written-questions",
        "Declared interests on Written Questions: a new dataset",
        "presentation",
        0,
        "11:50",
        "studio",
        [DEMOCRACY],
        "defensive",
        "in_person",
        ["aisha-rahman"],
        "How MPs declare interests when they ask Written Questions is inconsistent. We built a "
        "dataset of questions where an interest was declared, raised the issue, and triggered a "
        "review of the process.",
        None,
    ),
    (
        "one-two-four-all-foi",
        "1-2-4-all: framing a Freedom of Information request together",
        "short-workshop",
        0,
        "11:00",
        "workshop-room",
        [ATI],
        "constructive",
        "in_person",
        ["jonas-peeters"],
        "Bring a question you want answered by a public body. In pairs, then fours, then the whole "
        "room, we work out who to send it to, how to word it, and how to respond to requests for "
        "clarification or refusals.",
        None,
    ),
    (
        "who-does-what",
        "Who does what? A representatives database for everyone",
        "short-workshop",
        0,
        "11:40",
        "workshop-room",
        [DEMOCRACY],
        "constructive",
        "in_person",
        ["sam-oduya"],
        "People are bounced around a system they don’t understand, and some of that frustration "
        "ends in abuse of representatives. We sketch an API and widgets that let any council, MP "
        "or news site say who is responsible for what where you live, and ask the room what they "
        "would build on it.",
        None,
    ),
    (
        "lunch-day-one",
        "Lunch",
        "break",
        0,
        "12:15",
        "main-hall",
        [],
        None,
        "in_person",
        [],
        "Lunch is served in the foyer; vegetarian, vegan and gluten-free options are labelled.",
        75,
    ),
    (
        "fossil-fuel-narratives",
        "Monitoring fossil-fuel narratives repeated by politicians",
        "presentation",
        0,
        "13:30",
        "main-hall",
        [CLIMATE],
        "defensive",
        "in_person",
        ["ines-moreau"],
        "Using parliamentary transcripts to find where talking points sponsored by fossil fuel "
        "companies and petrostates turn up in politicians’ speeches, and what happened when we "
        "published the matches.",
        None,
    ),
    (
        "climate-conspiracy-fact-checking",
        "Fact-checking climate conspiracy theories before local elections",
        "presentation",
        0,
        "13:55",
        "main-hall",
        [CLIMATE],
        "defensive",
        "remote",
        ["rafael-santos"],
        "A fact-checking desk’s experience of climate misinformation in local election campaigns, "
        "and the tools that helped volunteers respond within hours rather than days.",
        None,
    ),
    (
        "foi-climate-risks",
        "Using FOI to make urgent climate risks known",
        "presentation",
        0,
        "14:20",
        "main-hall",
        [CLIMATE, ATI],
        "defensive",
        "in_person",
        ["jonas-peeters"],
        "Batch Freedom of Information requests to every local authority about flood and heat "
        "risks, and how the answers were analysed as a dataset so that action can be accelerated "
        "with public accountability.",
        None,
    ),
    (
        "after-the-assembly",
        "Citizens’ assemblies on climate: what happens after the recommendations?",
        "long-workshop",
        0,
        "13:30",
        "studio",
        [CLIMATE, DEMOCRACY],
        "constructive",
        "hybrid",
        ["grace-adeyemi", "maya-lindqvist", "elif-demir"],
        "Local authorities have held many climate assemblies, but it is hard to see all of them or "
        "read what they concluded. Panellists who ran, facilitated and archived assemblies discuss "
        "how recommendations are tracked, then the room works through what a good follow-up "
        "process looks like.",
        None,
    ),
    (
        "licensing-democratic-documents",
        "Licensing democratic documents",
        "short-workshop",
        0,
        "13:30",
        "workshop-room",
        [DEMOCRACY],
        "constructive",
        "in_person",
        ["noor-haddad"],
        "Of 39 citizens’ assembly reports we reviewed, 24 had no information on copyright or "
        "licensing. A practical session on agreeing a default open licence with public sector "
        "clients, so reports can be archived, translated and republished.",
        None,
    ),
    (
        "retrofit-decisions",
        "Participatory approaches to home retrofit decisions",
        "short-workshop",
        0,
        "14:10",
        "workshop-room",
        [CLIMATE],
        "constructive",
        "in_person",
        ["pieter-claes"],
        "Collaborative approaches to mixed public and private decisions on home upgrades and "
        "retrofit: we test a street-level deliberation kit with the room.",
        None,
    ),
    (
        "coffee-day-one-afternoon",
        "Afternoon coffee",
        "break",
        0,
        "14:45",
        "main-hall",
        [],
        None,
        "in_person",
        [],
        "Coffee, tea and fruit in the foyer.",
        None,
    ),
    (
        "pmos-and-machine-learning",
        "Parliamentary monitoring organisations and machine learning",
        "long-workshop",
        0,
        "15:15",
        "main-hall",
        [DEMOCRACY],
        "constructive",
        "hybrid",
        ["elif-demir", "sam-oduya", "kenji-watanabe"],
        "Parliamentary monitoring organisations are applying machine learning to old problems: "
        "summarising debates, linking votes to promises, spotting declarations. A panel on what "
        "has worked in practice, followed by small-group discussion of the risks.",
        None,
    ),
    (
        "electoral-violence-monitoring",
        "Electoral violence monitoring with community reporters",
        "presentation",
        0,
        "15:15",
        "studio",
        [DEMOCRACY],
        "defensive",
        "remote",
        ["amara-diallo"],
        "How a network of trained community reporters and a simple SMS tool documented incidents "
        "of electoral violence, and how the data reached election observers.",
        None,
    ),
    (
        "open-contracting-municipal",
        "Open contracting data in municipal procurement",
        "presentation",
        0,
        "15:40",
        "studio",
        [ATI],
        "defensive",
        "in_person",
        ["lena-kowalski"],
        "Publishing every municipal contract as open data made unusual patterns visible. Lessons "
        "from three years of a city’s open contracting portal.",
        None,
    ),
    (
        "lobbying-meetings-open-data",
        "Tracking lobbying meetings with open data",
        "presentation",
        0,
        "16:05",
        "studio",
        [ATI, DEMOCRACY],
        "defensive",
        "in_person",
        ["tomas-verhoeven"],
        "Ministers’ meeting disclosures are published late and in PDFs. Turning them into a "
        "searchable register, and what the register revealed.",
        None,
    ),
    (
        "job-description-for-mps",
        "Writing a job description for MPs with a citizens’ assembly",
        "short-workshop",
        0,
        "15:15",
        "workshop-room",
        [DEMOCRACY],
        "constructive",
        "in_person",
        ["grace-adeyemi"],
        "Being an MP should be a more normal and understandable job. We run a short deliberation "
        "on what an assembly would be asked, who it would involve, and how MPs and their staff "
        "should relate to each other.",
        None,
    ),
    (
        "stand-in-mps",
        "Stand-in MPs: keeping constituents represented during leave",
        "short-workshop",
        0,
        "15:55",
        "workshop-room",
        [DEMOCRACY],
        "constructive",
        "in_person",
        ["ruth-ellison"],
        "What would stand-in (or locum) MPs need to cover parental or sick leave? We map the "
        "practical and constitutional questions together.",
        None,
    ),
    (
        "day-one-plenary",
        "Day one plenary: what we heard",
        "plenary",
        0,
        "16:45",
        "main-hall",
        [],
        None,
        "hybrid",
        ["miriam-okafor"],
        "Rapporteurs from each room share the strongest threads of the day, with questions from "
        "people in the hall and online.",
        None,
    ),
    # Day two ------------------------------------------------------------------------
    (
        "arrivals-day-two",
        "Coffee and arrivals",
        "break",
        1,
        "09:00",
        "main-hall",
        [],
        None,
        "in_person",
        [],
        "Coffee in the foyer; the online lobby opens.",
        None,
    ),
    (
        "access-to-information-under-pressure",
        "Defending the open society: access to information under pressure",
        "keynote",
        1,
        "09:30",
        "main-hall",
        [ATI],
        "defensive",
        "hybrid",
        ["beatrix-lambert"],
        "Access to information laws are both vital anti-corruption tools and part of capacity "
        "building through lowering the cost of information. A keynote on keeping them working "
        "when governments push back.",
        None,
    ),
    (
        "coffee-day-two-morning",
        "Coffee break",
        "break",
        1,
        "10:15",
        "main-hall",
        [],
        None,
        "in_person",
        [],
        "Coffee, tea and water in the foyer.",
        None,
    ),
    (
        "local-intelligence-hub",
        "Public data for climate campaigns: the Local Intelligence Hub",
        "long-workshop",
        1,
        "10:45",
        "main-hall",
        [CLIMATE, ATI],
        "constructive",
        "in_person",
        ["oliver-grant", "ines-moreau"],
        "A hands-on workshop with a platform that brings together public data about every "
        "constituency for climate campaigners. Participants explore the data in groups and "
        "discuss which other sectors, such as health, it could serve.",
        None,
    ),
    (
        "conditional-commitment",
        "Conditional commitment tools for collective climate action",
        "presentation",
        1,
        "10:45",
        "studio",
        [CLIMATE],
        "constructive",
        "in_person",
        ["maya-lindqvist"],
        "“I will if you will”: pledge tools that only trigger when enough neighbours sign up, "
        "and what we learnt running them for community energy projects.",
        None,
    ),
    (
        "deliberation-toolkits-cities",
        "Deliberation toolkits in city governments",
        "presentation",
        1,
        "11:10",
        "studio",
        [DEMOCRACY],
        "constructive",
        "in_person",
        ["kenji-watanabe"],
        "Consultation and deliberation toolkits adopted by city governments: who used them, what "
        "changed in decisions, and what stayed the same.",
        None,
    ),
    (
        "measuring-civic-tech-impact",
        "Measuring the impact of civic tech: ten years of research",
        "presentation",
        1,
        "11:35",
        "studio",
        [DEMOCRACY],
        None,
        "in_person",
        ["rosa-whitfield"],
        "A retrospective of ten years of research presented at TICTeC: which impacts we learnt to "
        "measure, and which we still can’t.",
        None,
    ),
    (
        "ai-written-proposals",
        "Sounding vague: what reviewers see in AI-written proposals",
        "short-workshop",
        1,
        "10:45",
        "workshop-room",
        [DEMOCRACY],
        None,
        "in_person",
        ["rosa-whitfield"],
        "Last year we saw proposals that spoke only in general terms about our themes. A session "
        "for funders and programme committees on rewarding experience and impact.",
        None,
    ),
    (
        "abuse-messages-representatives",
        "Abuse and civility in messages to representatives",
        "short-workshop",
        1,
        "11:25",
        "workshop-room",
        [DEMOCRACY],
        "defensive",
        "in_person",
        ["ruth-ellison"],
        "Better tools and prompts around abuse for a service that sends messages to "
        "representatives: what we changed, and how to measure whether it helped.",
        None,
    ),
    (
        "lunch-day-two",
        "Lunch",
        "break",
        1,
        "12:00",
        "main-hall",
        [],
        None,
        "in_person",
        [],
        "Lunch is served in the foyer.",
        60,
    ),
    (
        "foi-projects-datasets",
        "From hundreds of FOI responses to one dataset",
        "presentation",
        1,
        "13:00",
        "main-hall",
        [ATI],
        "constructive",
        "in_person",
        ["jonas-peeters"],
        "For large-scale FOI investigations, a projects tool lets a team extract datasets from "
        "responses together. A walk-through of one investigation from request to chart.",
        None,
    ),
    (
        "planning-applications-data",
        "Aggregating planning application information from every council",
        "presentation",
        1,
        "13:25",
        "main-hall",
        [ATI],
        "constructive",
        "in_person",
        ["oliver-grant"],
        "An examination of how councils publish planning applications, and what it takes to "
        "bring them together so residents hear about changes near them.",
        None,
    ),
    (
        "shared-foi-codebase",
        "One codebase, twenty FOI sites",
        "presentation",
        1,
        "13:50",
        "main-hall",
        [ATI],
        "constructive",
        "remote",
        ["daniel-mwangi"],
        "Sharing new functionality with more than twenty sites across the world that run their "
        "own FOI services on the same code, enabling transparency in increasingly hostile "
        "environments.",
        None,
    ),
    (
        "civics-that-knows-where-you-live",
        "Civics education that knows where you live",
        "long-workshop",
        1,
        "13:00",
        "studio",
        [DEMOCRACY],
        "constructive",
        "in_person",
        ["sam-oduya", "maya-lindqvist"],
        "Does this area have a devolved parliament? A combined authority? A two-tier council? We "
        "prototype templates that adjust civics materials to local circumstances, with educators "
        "in the room.",
        None,
    ),
    (
        "anti-corruption-ati-playbook",
        "A defensive playbook: anti-corruption uses of ATI data",
        "short-workshop",
        1,
        "13:00",
        "workshop-room",
        [ATI],
        "defensive",
        "in_person",
        ["beatrix-lambert"],
        "How data from access to information requests feeds wider anti-corruption initiatives. "
        "Groups build a playbook from the cases people bring.",
        None,
    ),
    (
        "participatory-budgeting-online",
        "Participatory budgeting online: lessons from city pilots",
        "short-workshop",
        1,
        "13:40",
        "workshop-room",
        [DEMOCRACY, CLIMATE],
        "constructive",
        "in_person",
        ["elif-demir"],
        "Online participatory budgeting pilots where climate projects competed with everything "
        "else: turnout, inclusion and what got built.",
        None,
    ),
    (
        "coffee-day-two-afternoon",
        "Afternoon coffee",
        "break",
        1,
        "14:15",
        "main-hall",
        [],
        None,
        "in_person",
        [],
        "Coffee, tea and fruit in the foyer.",
        None,
    ),
    (
        "closing-plenary",
        "Closing plenary: the best version of the pro-democracy tech argument",
        "plenary",
        1,
        "14:45",
        "main-hall",
        [],
        None,
        "hybrid",
        ["miriam-okafor", "beatrix-lambert"],
        "Democracy needs to be fast, effective and popular. We close by asking what we take home, "
        "and what TICTeC Communities will work on over the coming year.",
        45,
    ),
]

# After the conference: what some sessions shared (slug -> slides link, video link, notes).
# The slides stand on example.org; the two videos are YouTube's and Vimeo's own sample
# videos, standing in for recordings so the click-to-load player can be tried.
MATERIALS = {
    "ten-years-of-tictec": {
        "slides_url": "https://example.org/tictec2025/slides/ten-years-of-tictec.pdf",
        "video_url": "https://www.youtube.com/watch?v=M7lc1UVf-VE",
        "notes": (
            "<p>The keynote traced TICTeC from its 2015 focus on measuring civic tech’s impact "
            "to this year’s framing of pro-democracy technology: defensive tools against threats "
            "to democracy, and constructive ones that build democratic capacity.</p>"
            "<p>Questions from the room asked how small organisations can fund defensive work, "
            "and whether “pro-democracy” risks sounding partisan.</p>"
        ),
    },
    "following-the-money": {
        "slides_url": "https://example.org/tictec2025/slides/following-the-money.pdf",
        "video_url": "https://vimeo.com/76979871",
        "notes": (
            "<p>Panellists compared three registers of political donations and interests. The "
            "1-2-4-all discussion agreed that a register is only usable when declarations are "
            "published as data, with stable identifiers for donors and members.</p>"
            "<ul><li>A shared list of the fields every register should publish.</li>"
            "<li>Three processes worth raising with Parliament’s standards committee.</li></ul>"
        ),
    },
    "foi-for-marginalised-groups": {
        "slides_url": "https://example.org/tictec2025/slides/foi-for-marginalised-groups.pdf",
        "video_url": "",
        "notes": (
            "<p>The cohort’s organisations sent over 200 requests between them. What helped most: "
            "drafting requests together, and a spreadsheet template set up before the first "
            "response arrived.</p>"
        ),
    },
    "fossil-fuel-narratives": {
        "slides_url": "https://example.org/tictec2025/slides/fossil-fuel-narratives.pdf",
        "video_url": "https://www.youtube.com/watch?v=M7lc1UVf-VE",
        "notes": "",
    },
}

# The demo applicant's agenda: the sessions they starred (they also get a calendar feed).
APPLICANT_AGENDA = [
    "ten-years-of-tictec",
    "foi-for-marginalised-groups",
    "fossil-fuel-narratives",
    "after-the-assembly",
]
