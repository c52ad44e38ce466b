"""Real wording for the tests and factories, from the charity's own texts (seeds 000: FOI
campaign support cohort; 001: board recruitment; 002: Action Lab #1). The demo site's
copy of these texts is data: demo/content/40-opportunities.json."""

# --- FOI campaign support cohort (seed 000) ----------------------------------------

COHORT_TITLE = "mySociety wants to help you use FOI in a campaign or advocacy project"
COHORT_SUMMARY = (
    "Free support for organisations working with marginalised groups in the UK to make and "
    "analyse Freedom of Information requests for their campaigning and advocacy."
)
COHORT_INTRODUCTION = (
    "<p>Last year, mySociety carried out research into the use of FOI to support social change "
    "for marginalised communities in the UK.</p>"
    "<p>That research informed a small number of free training seminars explaining different "
    "facets of FOI use. We’re now starting phase two of this project, aiming to provide "
    "dedicated support to ten organisations, helping them use FOI in a campaign or advocacy "
    "project between January and July 2025.</p>"
)
COHORT_WHO = (
    "<p>mySociety has the capacity to support a limited number of organisations working with "
    "marginalised populations in the UK. We’ll help you to make and analyse Freedom of "
    "Information (FOI) requests so you can use the data in your campaigning and advocacy.</p>"
    "<p><b>Please note:</b> this offer is only open to organisations, and specifically those "
    "working with marginalised groups in the UK.</p>"
)
COHORT_DEFINITION_HEADING = "What is a marginalised community?"
COHORT_DEFINITION_INTRO = (
    "For the purposes of this project, this refers to any group campaigning or advocating in "
    "the UK with or for:"
)
COHORT_GROUPS = [
    "People who are disadvantaged by their social and/or economic background or circumstances",
    "People with Black, Asian or other Minority Ethnic heritage",
    "People living with disabilities and chronic illness",
    "Within these groups, particularly those with low digital literacy",
]
COHORT_GET = (
    "<p>During this project we’ll set you up on WhatDoTheyKnow Pro (if you don’t already have "
    "an account); we’ll give you advice and support on framing your FOI request, who to send it "
    "to, how to respond to requests for clarification or rejections, and if necessary, how to "
    "submit something for internal review.</p>"
    "<p>Once the data starts coming in from your FOI requests, we’ll help you load them into our "
    "Projects tool so you can decide how best to analyse the data with your team. You’ll end up "
    "with a spreadsheet from which you can draw conclusions to help shape your campaign or "
    "advocacy work.</p>"
    "<p>You’ll be working in a small cohort of 2-5 organisations, and we’ll keep you together as "
    "a group so you can share common problems and we can also see where each organisation might "
    "hit different hurdles.</p>"
)
COHORT_ASK = (
    "<p>There’s no charge for this service: all we’re asking is for you to attend calls with "
    "mySociety/your cohort to feed back to us how things are going, tell us what your pain "
    "points are and ask us lots and lots of questions about FOI! We’ll also want to write or "
    "record a case study about you for our reporting and communications teams.</p>"
)
COHORT_GUIDANCE = (
    "<p>Sounds good? Fill in this short questionnaire to tell us about your organisation, your "
    "project and any timelines you are working to.</p>"
)
ORGANISATION_QUESTION = {
    "question": "Are you applying on behalf of an organisation?",
    "help_text": "A charity, community group, campaign or other organisation, not as an individual.",
    "eligible_answer": "yes",
    "screened_out_message": (
        "<p>Thank you for your interest. This offer is only open to organisations, so we can’t "
        "take an application from an individual this time. Our free FOI seminars and case "
        "studies are open to everyone, and WhatDoTheyKnow can help you make a request on your "
        "own.</p>"
    ),
}
UK_QUESTION = {
    "question": "Does your organisation work with marginalised groups in the UK?",
    "help_text": "See “What is a marginalised community?” above.",
    "eligible_answer": "yes",
    "screened_out_message": (
        "<p>Thank you for your interest. This round of support is only for organisations working "
        "with marginalised groups in the UK. We hope to offer support more widely in future.</p>"
    ),
}
# (label, field type, help text, required, choices)
COHORT_QUESTIONS = [
    ("Contact name", "singleline", "The person we should talk to.", True, ""),
    ("Contact email address", "email", "", True, ""),
    ("Your organisation's website", "url", "", False, ""),
    (
        "Tell us about your organisation",
        "multiline",
        "What you do, whom you work with and where in the UK.",
        True,
        "",
    ),
    (
        "What campaign or advocacy project would you like to use FOI for?",
        "multiline",
        "What you want to change, and what information would help.",
        True,
        "",
    ),
    (
        "Are you working to any timelines?",
        "multiline",
        "E.g. a consultation, a report launch or an election.",
        False,
        "",
    ),
    (
        "Have you used Freedom of Information before?",
        "radio",
        "",
        True,
        "Never\nA few times\nOften",
    ),
    (
        "Do the people you work with have digital literacy needs we should know about?",
        "multiline",
        "",
        False,
        "",
    ),
]
COHORT_RUBRIC = [
    (
        "Fit with the offer",
        "An organisation working on a campaign or advocacy project FOI can help.",
    ),
    (
        "The marginalised groups served",
        "How closely the organisation works with the groups defined.",
    ),
    (
        "Readiness to use FOI in a campaign",
        "A clear question, timelines and people to do the work.",
    ),
]

# Believable applicant organisations (invented names, UK-wide spread).
COHORT_ORGANISATIONS = [
    ("Leeds Renters Together", [0, 3]),
    ("Black Carers Network Bristol", [1]),
    ("Access First Cymru", [2, 3]),
    ("Tyneside Food Justice Alliance", [0]),
    ("Deaf Voices Scotland", [2]),
    ("Midlands Roma Support Group", [1, 0]),
    ("Long Covid Advocates UK", [2]),
    ("Hackney Migrant Advice Project", [1, 3]),
]

# --- Action Lab #1 (seed 002) -------------------------------------------------------

ACTION_LAB_TITLE = "Action Lab #1"
ACTION_LAB_QUESTION = (
    "What would help the global civic tech community to work more effectively with public and "
    "private institutions?"
)
ACTION_LAB_SUMMARY = (
    "Join a TICTeC working group of up to six people deciding what would best help civic tech "
    "work with governments and public authorities."
)
ACTION_LAB_INTRODUCTION = (
    "<p>This Action Lab (aka working group) is being convened as part of mySociety’s TICTeC Labs "
    "programme.</p>"
    "<p>On 28th October, mySociety convened a Civic Tech Surgery that brought together a group of "
    "100+ civic tech practitioners and researchers from across the world to discuss common "
    "challenges of working with governments and public authorities on digital projects to "
    "enhance public participation, transparency and accountability, as well as possible "
    "solutions to these.</p>"
)
ACTION_LAB_MANDATE = (
    "<p>The purpose of this Action Lab is to use the information gathered at the above Surgery "
    "to discuss and decide what would be most useful to produce in order to help the global "
    "civic tech community address common challenges of public-private collaborations.</p>"
    "<p>The Action Lab will then draw up a terms of reference for this specific work, and grants "
    "will be available to those who apply to work on the project.</p>"
)
ACTION_LAB_CHALLENGES = [
    (
        "Procurement in government",
        "It can be hard for small organisations to compete against the big players, especially "
        "because bidding for a piece of work often involves jumping through many bureaucratic "
        "hoops.",
    ),
    (
        "The structure of governments",
        "Set ways of doing things can often be incompatible with the Agile approach that is most "
        "favoured by civic technologists.",
    ),
    (
        "The short-term nature of governments",
        "Elections and changes in political control often mean that a project is thrown out when "
        "a new regime takes over.",
    ),
    (
        "The knowledge within governments",
        "As government staff often don’t have detailed technical skills themselves, the door is "
        "open for big players to demand high dollar contracts that lock clients into a single "
        "vendor.",
    ),
    (
        "The world view of governments",
        "An added task comes in educating governments about the motivations of civic "
        "technologists, and the value of putting citizens at the centre of work.",
    ),
]
ACTION_LAB_SOLUTIONS = [
    (
        "Shaking up procurement",
        "‘Micro contracting’: breaking a large requirement into several smaller pieces of work, "
        "thus allowing smaller organisations to bid for them.",
    ),
    (
        "Clever contracts",
        "Clauses that dedicate time to user-centred research or make clear that Agile methods "
        "will be used; templates shared for others to use.",
    ),
    (
        "Nurturing government staff",
        "Staff can be inducted into healthy civic tech approaches, for example in bootcamp "
        "sessions or wider civic tech events such as TICTeC.",
    ),
    (
        "Case studies",
        "Concrete examples of where civic tech interventions have resulted in tangible "
        "improvements.",
    ),
    (
        "Research",
        "Summaries of useful existing research, and new research examining how partnership with "
        "the public and private sector works in the real world.",
    ),
]
ACTION_LAB_CRITERIA = [
    "Have a keen interest in, and some experience with, the working group topic",
    "Can work collaboratively with other group members to reach decisions, and have strong "
    "communications and execution skills",
    "Can commit to confidentiality",
    "Are willing to represent and incorporate a variety of different perspectives",
    "Can attend at least 2 one-hour Action Lab meetings",
]
ACTION_LAB_REVIEWERS = "The TICTeC Labs team at mySociety and the TICTeC Labs Steering Group."
ACTION_LAB_QUESTIONS = [
    ("Your email address", "email", "", True, ""),
    ("Organisation and role", "singleline", "If you have one.", False, ""),
    ("Country", "singleline", "", True, ""),
    (
        "Your interest in, and experience with, the working group topic",
        "multiline",
        "",
        True,
        "",
    ),
    (
        "Can you commit to confidentiality and attend at least 2 one-hour meetings between "
        "9am and 6pm GMT?",
        "checkbox",
        "",
        True,
        "",
    ),
]
# Answers that say who someone is: hidden from reviewers when review is anonymised.
IDENTIFYING_QUESTIONS = {
    "Contact name",
    "Contact email address",
    "Your organisation's website",
    "Your email address",
    "Organisation and role",
}
ACTION_LAB_RUBRIC = [
    ("Interest in and experience with the topic", ""),
    ("Collaboration and communication", ""),
    ("Perspectives they bring", "Regions, sectors and experiences not yet in the group."),
]
ACTION_LAB_APPLICANTS = [
    ("Lucía Fernández", "Civic tech lead, Buenos Aires"),
    ("Tomasz Nowak", "Open data consultant, Warsaw"),
    ("Grace Achieng", "Programme officer, Nairobi"),
    ("Hamid Rahimi", "Researcher, Toronto"),
    ("Priya Raman", "Product manager, Bengaluru"),
]

# --- Board recruitment (seed 001) ---------------------------------------------------

BOARD_SUMMARY = (
    "Help shape and direct mySociety’s growth over the next few years as a member of one of "
    "our boards."
)
BOARD_INTRODUCTION = (
    "<p>Over the next three months we are looking to appoint a clutch of new board members for "
    "UK Citizens Online Democracy (our charity board) and for mySociety Ltd (our commercial "
    "board) as well as the uniquely important appointment of a new charity board Chair.</p>"
    "<p>A strong and diverse board is essential to ensure that our organisation is well-run, "
    "solvent, operating within the law, and making the right strategic decisions.</p>"
)
CHAIR_ROLE = (
    "<p>Appointing a new Chair is an exceptional opportunity to join a pretty amazing and "
    "committed, impactful charity. You’ll work with your fellow Trustees and the senior "
    "management of mySociety to help shape and direct our growth and development over the next "
    "few years.</p>"
    "<p>We want to recruit a Chair who represents the best of what mySociety has to offer, who "
    "can help extend our ambition, hold us to account and champion our cause. They will need to "
    "be comfortable representing UKCOD and mySociety publicly and be prepared to speak on our "
    "behalf from time to time.</p>"
)
CHAIR_EXPERIENCE = (
    "<p>They will be able to use their experience and connections to contribute towards helping "
    "more people to be active citizens and improving access to and participation in democratic "
    "processes around the world.</p>"
)
TRUSTEE_ROLE = (
    "<p>For our charity board we are looking for new Trustees who can bring additional legal "
    "and policy experience.</p>"
)
TRUSTEE_EXPERIENCE = (
    "<p>Specifically we need help in understanding the impact of any legal challenges we might "
    "face, especially in relation to data protection and Freedom of Information. We also need "
    "advice on how best to shape and influence public policy and consultations, especially where "
    "they relate to Democratic Participation, Place and Communities or International "
    "Development.</p>"
    "<p>Trustees should have experience of working with the charitable or not for profit sector "
    "and must have a passion for our goals and experience of pursuing them.</p>"
)
NED_ROLE = (
    "<p>For our commercial board we would like to appoint new Non-Executive Directors with SaaS "
    "development experience and service provision to government and the public sector.</p>"
)
NED_EXPERIENCE = (
    "<p>We would especially welcome experience in developing and scaling software as a service "
    "products, and working on, or commissioning, service provision within Local and Central "
    "Government; especially in relation to Democratic Participation, or Place and "
    "Communities.</p>"
    "<p>It would be beneficial for Directors to have experience of working with the charitable "
    "or not for profit sector, but this is not essential. They of course must have a passion for "
    "our goals and experience of pursuing them.</p>"
)
DIVERSITY_STATEMENT = (
    "<p>We’re keen to continue to diversify the make-up of our boards and are particularly keen "
    "to see applications from women and underrepresented groups.</p>"
)
BOARD_QUESTIONS = [
    ("Your email address", "email", "", True, ""),
    ("Your CV", "file", "PDF, Word or OpenDocument, up to 5 MB.", True, ""),
    (
        "Your cover letter",
        "file",
        "Tell us why our mission motivates you and what you would bring. PDF, Word or "
        "OpenDocument, up to 5 MB.",
        True,
        "",
    ),
]
BOARD_RUBRIC = [
    ("Experience the board needs", ""),
    ("Passion for our goals and experience of pursuing them", ""),
    ("Perspectives they add to the board", ""),
]
BOARD_APPLICANTS = [
    ("Margaret Okafor", "Data protection barrister"),
    ("Daniel Hughes", "Former local government digital director"),
    ("Aisha Begum", "Policy lead at a national charity"),
]
