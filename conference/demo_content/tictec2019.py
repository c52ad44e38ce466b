"""TICTeC 2019 in Paris, hosted by the OECD: a past conference with a short programme."""

CONFERENCE = {
    "slug": "tictec-2019",
    "title": "TICTeC 2019 Paris",
    "edition_year": 2019,
    "acronym": "tictec2019",
    "start_date": "2019-03-19",
    "end_date": "2019-03-20",
    "venue": "OECD Conference Centre",
    "city": "Paris",
    "country": "France",
    "online_participation": False,
    "time_zone": "Europe/Paris",
    "status": "past",
    "introduction": (
        "<p>The fifth annual edition of The Impacts of Civic Technology Conference was hosted "
        "by the Organisation for Economic Co-Operation and Development, OECD, in Paris. It "
        "brought together more than 200 participants from civil society, academia, business "
        "and government from around the world – all of them working hard to find solutions "
        "that marry technological capacity with civic engagement and participatory "
        "practices.</p>"
        "<p>What struck participants was the focus on seeking to measure the real impact of "
        "Civic Tech and understanding its limitations.</p>"
    ),
    "registration_text": "",
    "registration_link_text": "",
    "registration_url": "",
    "sponsorship": "",
}

DAYS = [("2019-03-19", "Day one", "09:00", "18:00"), ("2019-03-20", "Day two", "09:00", "17:00")]

ROOMS = [
    ("auditorium", "Auditorium", 300, "Step-free access"),
    ("room-cc9", "Room CC9", 60, "Step-free access"),
]

FORMATS = [
    ("presentation", "Presentation", 20, "session"),
    ("panel", "Panel", 60, "session"),
    ("keynote", "Keynote", 45, "keynote"),
    ("break", "Break", 30, "break"),
]

THEMES = [
    ("impact", "Measuring impact", "Evidence of what civic tech changes, and its limitations."),
    (
        "government",
        "Civic tech and government",
        "GovTech, participatory budgeting, open government data and local efforts.",
    ),
]

APPROACHES = []

SESSIONS = [
    (
        "civic-tech-compass",
        "Civic Tech Compass: navigating new opportunities for collective action",
        "keynote",
        0,
        "09:30",
        "auditorium",
        ["government"],
        None,
        "in_person",
        ["anthony-gooch"],
        "Transparency, accountability, participation and citizen engagement as a compass for "
        "helping an international organisation navigate and improve its engagement with people.",
        None,
    ),
    (
        "coffee-2019",
        "Coffee break",
        "break",
        0,
        "10:15",
        "auditorium",
        [],
        None,
        "in_person",
        [],
        "Coffee in the foyer of the OECD Conference Centre.",
        None,
    ),
    (
        "offline-engagement",
        "Meeting people where they are: offline engagement for civic tech",
        "presentation",
        0,
        "10:45",
        "auditorium",
        ["impact"],
        None,
        "in_person",
        ["rosa-whitfield"],
        "Offline engagement strategies are equally, if not more, important for the adoption and "
        "the quality of impact of civic tech.",
        None,
    ),
    (
        "open-source-digital-divide",
        "Open source is not enough: civic tech and the digital divide",
        "presentation",
        0,
        "11:10",
        "auditorium",
        ["impact"],
        None,
        "in_person",
        ["daniel-mwangi"],
        "Decentralised, collaborative production of software is vital for shared tools, but the "
        "digital divide isn’t simply erased by civic tech.",
        None,
    ),
    (
        "democratic-commons",
        "Democratic Commons: shared data on politicians with Code for All",
        "panel",
        0,
        "10:45",
        "room-cc9",
        ["government"],
        None,
        "in_person",
        ["kenji-watanabe", "tomas-verhoeven"],
        "Partners across the Code for All network on building shared, open data about elected "
        "representatives around the world.",
        None,
    ),
    (
        "participatory-budgeting-oecd",
        "Participatory budgeting and open government data",
        "panel",
        1,
        "09:30",
        "auditorium",
        ["government"],
        None,
        "in_person",
        ["anthony-gooch", "elif-demir"],
        "What OECD reviews of GovTech, participatory budgeting and open government data say about "
        "civic tech in government practice.",
        None,
    ),
]
