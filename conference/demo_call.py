"""Demo content: the TICTeC 2025 call for session proposals, open in the demo, with the
seed's guidance, extra questions and rubric; 40 proposals from demo applicants across
themes and formats; reviewer assignments; reviews with varied scores; a few decisions.

Idempotent: the call is looked up by slug under the TICTeC 2025 conference; proposals,
reviews and decisions are added only when the call has none yet.
"""

import datetime
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from conference.models import CallForProposalsPage, ConferencePage, SessionProposal
from home.demo import DEMO_PASSWORD
from proposals import services
from proposals.factories import CallQuestionFactory, RubricCriterionFactory, SubmissionFactory
from proposals.models import EmailKind, EmailTemplate, Review, Submission, SubmissionStatus

CALL_SLUG = "call-for-proposals"

INTRODUCTION = (
    "This year we are framing our call for session proposals around ‘pro-democracy technology’. "
    "Pitch a session for TICTeC 2025, 10 and 11 June in Mechelen (Belgium) and online."
)

GUIDANCE = """
<h2>Conference themes</h2>
<p>This year we’re shaping TICTeC around three thematic areas: access to information and open data;
democracy, people and politics; and climate change. In these areas, we’re structuring panels around
ideas of defensive and constructive democratic tech. Proposals may in practice cover multiple areas.
If your proposal does not fit either category, you can select both or neither.</p>
<h2>Session types</h2>
<ul>
<li>20 minute presentations</li>
<li>35 minute short workshops</li>
<li>75 minute long workshops/panels</li>
</ul>
<p>For workshops, we really want to see a strong interactive element that involves the audience in
working through a practical activity, sharing information and experiences. Long workshops may take
the form of a panel, but there should still be a strong interactive component. We have fewer time
slots for workshops and can accept fewer of these proposals.</p>
<p>You are allowed to submit multiple proposals if you would like to pitch a presentation and a
workshop (but both are unlikely to be accepted).</p>
<h2>Travel grants and presenting remotely</h2>
<p>We have a limited number of travel grants available to support speakers to attend: you can apply
for one in this form. While we will favour speakers to be in-person, there are a limited number of
slots for people who cannot travel to present remotely.</p>
<h2>Key dates</h2>
<ul>
<li>Submit your proposals by 15 January 2025 at the latest.</li>
<li>Those selected for inclusion in the conference programme will be notified by 31 January 2025.</li>
<li>Presenters will be required to register for the conference by 14 February in order to confirm
their slot (the registration fee will be waived for individuals presenting).</li>
</ul>
<h2>What is a good TICTeC presentation?</h2>
<p>TICTeC is a practical and reflective conference. We encourage presentation submissions to focus
on specific impacts or usage, rather than showcase new tools that are as yet untested. Technology
does not have to be new, and we welcome retrospectives on long running projects. We score proposals
according to their alignment to the conference themes.</p>
<h2>Use of AI in writing proposals</h2>
<p>You may use ChatGPT or similar to sharpen ideas for proposals, better highlight alignment with our
themes, or improve written language. However, proposals and sessions that are entirely AI-conceived
will not score well. If using these tools, ensure the result is an accurate and truthful account of
your own experiences, research, or impact.</p>
<p>If you still have any questions, please email tictec@mysociety.org.</p>
"""

QUESTIONS = [
    # label, type, required, help text, extra
    (
        "Evidence of impact",
        "multiline",
        True,
        "What changed because of this work? Tell us about real usage, outcomes, or obstacles to impact.",
        {"word_limit": 200},
    ),
    (
        "Who in the TICTeC audience is this for?",
        "dropdown",
        True,
        "",
        {
            "choices": "Practitioners building civic tech\nCivil society leaders and campaigners\n"
            "Funders\nCivil servants and government representatives\nAcademic researchers"
        },
    ),
    (
        "Supporting material",
        "file",
        False,
        "Optional: slides from an earlier talk, a report or an evaluation (PDF, Word or PowerPoint, up to 10 MB).",
        {"allowed_file_types": "pdf,docx,pptx,odt", "max_file_size_mb": 10},
    ),
    (
        "Access needs",
        "multiline",
        False,
        "Anything we should know to make presenting easier for you.",
        {"word_limit": 100, "personal_data": True},
    ),
]

RUBRIC = [
    (
        "Alignment with the conference themes",
        "Does it speak to access to information and open data; democracy, people and politics; or "
        "climate change, with a clear defensive or constructive angle? Vague, general claims about "
        "the themes score low.",
        2,
        "",
    ),
    (
        "Practical experience and evidence of impact",
        "We prioritise experience and impact over untested tools: real usage, qualitative stories, "
        "retrospectives and honest accounts of obstacles. Entirely AI-conceived proposals will not score well.",
        2,
        "",
    ),
    (
        "Quality of audience participation",
        "Workshops only: a clear sense of the discussion and questions, a structured activity "
        "(e.g. 1-2-4-all), and participants who will have something to say and take something away.",
        1,
        "workshop",
    ),
]

# title, format slug, theme slugs, approach slug or "", abstract, organisation
PROPOSALS = [
    (
        "What ten years of FOI requests taught us about anti-corruption",
        "presentation",
        ["access-to-information"],
        "defensive",
        "How data from access to information requests fed investigations into public procurement, and what actually changed.",
        "Transparency Lab",
    ),
    (
        "Tracking political donations with open company data",
        "presentation",
        ["democracy-people-politics", "access-to-information"],
        "defensive",
        "Linking donation registers to company filings to spot undeclared interests, and getting journalists to use it.",
        "Open Money",
    ),
    (
        "Running a national FOI platform on a shoestring",
        "presentation",
        ["access-to-information"],
        "constructive",
        "A retrospective on keeping an access to information site alive with two staff and a volunteer community.",
        "AskTheState",
    ),
    (
        "Design a better FOI request: a hands-on workshop",
        "short-workshop",
        ["access-to-information"],
        "constructive",
        "Participants rewrite real refused requests in small groups, then compare what works with officials in the room.",
        "FOI Network",
    ),
    (
        "Parliamentary monitoring beyond parliaments: city councils",
        "presentation",
        ["democracy-people-politics"],
        "constructive",
        "Applying PMO methods to city government votes and meeting minutes in three European cities.",
        "Council Watch",
    ),
    (
        "Electoral violence monitoring with SMS reports",
        "presentation",
        ["democracy-people-politics"],
        "defensive",
        "Crowdsourced reports during two election cycles: verification, partnerships with observers, and limits.",
        "VoteSafe",
    ),
    (
        "Citizens' assemblies on climate: what the data says",
        "long-workshop",
        ["climate-change", "democracy-people-politics"],
        "constructive",
        "A panel of organisers and participants from three assemblies, with structured small-group discussion.",
        "Deliberation Works",
    ),
    (
        "Monitoring fossil-fuel narratives in parliament",
        "presentation",
        ["climate-change", "democracy-people-politics"],
        "defensive",
        "Using speech transcripts to track fossil-fuel-sponsored talking points repeated by politicians.",
        "Climate Hansard",
    ),
    (
        "Fact-checking climate conspiracy theories at scale",
        "short-workshop",
        ["climate-change"],
        "defensive",
        "Participants triage real claims using a shared checklist, then discuss what moved audiences.",
        "ClaimCheck",
    ),
    (
        "Participatory budgeting with a city council",
        "long-workshop",
        ["democracy-people-politics"],
        "constructive",
        "What three years of online and offline participatory budgeting changed in one city, with a 1-2-4-all exercise.",
        "Budget Together",
    ),
    (
        "Open data for home retrofit decisions",
        "presentation",
        ["climate-change", "access-to-information"],
        "constructive",
        "Energy performance data made usable for tenants and councils deciding on home upgrades.",
        "Retrofit Commons",
    ),
    (
        "Stand-in MPs: representing constituents during long absences",
        "presentation",
        ["democracy-people-politics"],
        "constructive",
        "Research into how constituents are represented when an MP is absent, and a proposal for proxy casework.",
        "Representation Project",
    ),
    (
        "WhoFundsThem: crowdsourcing MPs' financial interests",
        "presentation",
        ["democracy-people-politics"],
        "defensive",
        "How volunteers checked registers of interests, and what the data revealed about outside earnings.",
        "mySociety",
    ),
    (
        "Deliberation toolkits for local government",
        "short-workshop",
        ["democracy-people-politics"],
        "constructive",
        "A tour of deliberative process toolkits, then small groups adapt one to a real local decision.",
        "Local Voice",
    ),
    (
        "Conditional commitment platforms for collective action",
        "presentation",
        ["democracy-people-politics", "climate-change"],
        "constructive",
        "Pledges that only trigger when enough people join: lessons from neighbourhood climate projects.",
        "Pledgebank Revival",
    ),
    (
        "Machine learning for parliamentary transcripts: honest results",
        "presentation",
        ["democracy-people-politics"],
        "constructive",
        "Where topic models helped a PMO and where they misled us, with numbers.",
        "Hansard Tools",
    ),
    (
        "Access to information in hostile environments",
        "long-workshop",
        ["access-to-information"],
        "defensive",
        "A panel from four countries where FOI laws are being weakened, with structured discussion of responses.",
        "Right to Know Coalition",
    ),
    (
        "Procurement data that journalists actually use",
        "presentation",
        ["access-to-information"],
        "defensive",
        "Making open contracting data searchable for local newsrooms and the stories that followed.",
        "Open Contracts",
    ),
    (
        "Co-designing climate adaptation maps with residents",
        "short-workshop",
        ["climate-change"],
        "constructive",
        "Participants map flood and heat risks with residents' knowledge, using a paper-first method.",
        "Neighbourhood Maps",
    ),
    (
        "Campaign tools for marginalised groups using FOI",
        "presentation",
        ["access-to-information", "democracy-people-politics"],
        "constructive",
        "How a support cohort helped small organisations use FOI in their campaigns, and what they achieved.",
        "Community Rights",
    ),
    (
        "Counting the lobbyists: registers that work",
        "presentation",
        ["democracy-people-politics"],
        "defensive",
        "Comparing lobbying registers across five countries and the tools built on top of them.",
        "Lobby Watch",
    ),
    (
        "Democracy Club's election data after a decade",
        "presentation",
        ["democracy-people-politics"],
        "constructive",
        "Candidate and polling station data from volunteers: usage at election time and what it takes to sustain.",
        "Democracy Club",
    ),
    (
        "Misinformation response in local elections",
        "short-workshop",
        ["democracy-people-politics"],
        "defensive",
        "Participants work through a real rumour timeline and decide when and how to respond.",
        "Election Desk",
    ),
    (
        "Climate pledges tracker for local councils",
        "presentation",
        ["climate-change"],
        "constructive",
        "Tracking council climate action plans against commitments, and how campaigners used the scores.",
        "Climate Scorecards",
    ),
    (
        "Opening up government: what the 2015 workshops got right",
        "presentation",
        ["access-to-information", "democracy-people-politics"],
        "",
        "Revisiting priority rankings from the Opening Up Government workshops and which reforms happened.",
        "Open Government Network",
    ),
    (
        "Algorithmic decision-making and mini-publics",
        "long-workshop",
        ["democracy-people-politics"],
        "constructive",
        "Panellists who ran citizens' juries on public-sector algorithms, with a hands-on design exercise.",
        "Algorithm Watchers",
    ),
    (
        "Data for climate accountability in city budgets",
        "presentation",
        ["climate-change", "access-to-information"],
        "constructive",
        "Tagging city budget lines for climate impact using open spending data.",
        "Green Budgets",
    ),
    (
        "Defending FOI officers from political pressure",
        "short-workshop",
        ["access-to-information"],
        "defensive",
        "Officials and requesters role-play pressure scenarios and draft safeguards together.",
        "Info Commons",
    ),
    (
        "Petition platforms and real outcomes",
        "presentation",
        ["democracy-people-politics"],
        "constructive",
        "Following 500 petitions to see which led to debate, policy change or nothing.",
        "Petition Research",
    ),
    (
        "Civic tech in less technical organisations",
        "presentation",
        ["democracy-people-politics"],
        "constructive",
        "What happened when a housing charity adopted off-the-shelf civic tools without a tech team.",
        "Housing Voice",
    ),
    (
        "Auditing platform ads during elections",
        "presentation",
        ["democracy-people-politics"],
        "defensive",
        "Collecting political ads from ad libraries and what the gaps tell us about enforcement.",
        "Ad Observatory",
    ),
    (
        "Retrofit together: a mixed public/private decision workshop",
        "long-workshop",
        ["climate-change"],
        "constructive",
        "A panel of councils, landlords and tenants, then groups work through a street-level retrofit decision.",
        "Retrofit Commons",
    ),
    (
        "Open spending data in small municipalities",
        "presentation",
        ["access-to-information"],
        "constructive",
        "Helping towns of under 20,000 people publish spending data and who used it.",
        "Small Towns Data",
    ),
    (
        "The impacts of civic tech: measuring what matters",
        "short-workshop",
        ["democracy-people-politics", "access-to-information"],
        "",
        "Participants compare impact measures from their own projects and leave with a shared framework.",
        "Impact Lab",
    ),
    (
        "Whistleblowing channels built with unions",
        "presentation",
        ["access-to-information"],
        "defensive",
        "Secure reporting channels co-designed with trade unions, and the cases they surfaced.",
        "Safe Channels",
    ),
    (
        "Climate assemblies online: inclusion by design",
        "presentation",
        ["climate-change", "democracy-people-politics"],
        "constructive",
        "What we changed so that people without good connections could take part fully online.",
        "Assembly Online",
    ),
    (
        "Voting advice applications: evidence of effect",
        "presentation",
        ["democracy-people-politics"],
        "",
        "Survey evidence from three elections on whether voting advice apps change turnout or choices.",
        "VAA Research Group",
    ),
    (
        "Mapping beneficial ownership for local journalists",
        "short-workshop",
        ["access-to-information"],
        "defensive",
        "Hands-on session tracing the owners of local property portfolios with open registers.",
        "Ownership Maps",
    ),
    (
        "From consultation to co-decision in transport planning",
        "presentation",
        ["democracy-people-politics", "climate-change"],
        "constructive",
        "A city moved from one-off consultations to standing resident panels on transport.",
        "Streets for People",
    ),
    (
        "Pro-democracy tech funders: what we look for",
        "long-workshop",
        ["democracy-people-politics"],
        "",
        "Funders and grantees discuss evidence of impact in small groups, then report back.",
        "Civic Funders Forum",
    ),
]

ACCEPTED_SUBJECT = "TICTeC 2025: your session has been accepted"
ACCEPTED_BODY = (
    "Dear {{ applicant_name }},\n\n"
    'Congratulations: your proposal "{{ title }}" has been selected for the TICTeC 2025 programme '
    "(10 and 11 June, Mechelen and online).\n\n"
    "To confirm your slot, please register for the conference by 14 February; the registration fee "
    "is waived for presenters, and anyone who has already booked will be refunded.\n\n"
    "Your proposal: {{ submission_url }}\n\nWe look forward to welcoming you to TICTeC 2025!\n"
)

FIRST_NAMES = [
    "Amina",
    "Bram",
    "Chloé",
    "Dev",
    "Eilidh",
    "Farah",
    "Gert",
    "Hana",
    "Ines",
    "Jonas",
    "Kemi",
    "Lotte",
    "Marek",
    "Nia",
    "Oskar",
    "Priya",
    "Quentin",
    "Rosa",
    "Sami",
    "Tess",
]
LAST_NAMES = [
    "Okafor",
    "Janssens",
    "Martin",
    "Patel",
    "MacLeod",
    "Haddad",
    "Peeters",
    "Novak",
    "Ferreira",
    "Berg",
    "Adeyemi",
    "de Vries",
    "Kowalski",
    "Evans",
    "Lund",
    "Shah",
    "Dubois",
    "García",
    "Nieminen",
    "Walsh",
]

REVIEWERS = [
    ("reviewer@example.org", None),
    ("programme@example.org", None),
    ("steering1@example.org", ("Sofia", "Steering")),
    ("steering2@example.org", ("Tomas", "Steering")),
]
# Each reviewer's habit: a harsh and a generous one show why calibration matters.
REVIEWER_BIAS = {
    "reviewer@example.org": -0.8,
    "programme@example.org": 0.0,
    "steering1@example.org": 0.7,
    "steering2@example.org": 0.2,
}


def _say(stdout, message):
    if stdout is not None:
        stdout.write(message)


def _user(email, first, last, groups=()):
    from allauth.account.models import EmailAddress

    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=email,
        defaults={"email": email, "first_name": first, "last_name": last, "is_staff": bool(groups)},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def ensure_call(conference):
    call = CallForProposalsPage.objects.child_of(conference).filter(slug=CALL_SLUG).first()
    if call is not None:
        return call, False
    now = timezone.now()
    call = CallForProposalsPage(
        title="Call for session proposals",
        slug=CALL_SLUG,
        introduction=INTRODUCTION,
        call_guidance=GUIDANCE,
        # Open in the demo: closes in six weeks, decisions two weeks later.
        opens_at=now - datetime.timedelta(days=21),
        closes_at=(now + datetime.timedelta(days=42)).replace(
            hour=23, minute=59, second=0, microsecond=0
        ),
        decisions_by=now + datetime.timedelta(days=56),
        time_zone="Europe/London",
        account_required=True,
        allow_multiple_submissions=True,
        reviews_per_submission=3,
    )
    conference.add_child(instance=call)
    for order, (label, field_type, required, help_text, extra) in enumerate(QUESTIONS):
        CallQuestionFactory(
            page=call,
            label=label,
            field_type=field_type,
            required=required,
            help_text=help_text,
            sort_order=order,
            **extra,
        )
    for order, (name, guidance, weight, applies_to) in enumerate(RUBRIC):
        RubricCriterionFactory(
            page=call,
            name=name,
            guidance=guidance,
            weight=weight,
            applies_to=applies_to,
            sort_order=order,
        )
    call.save_revision().publish()
    EmailTemplate.objects.get_or_create(
        call=call,
        kind=EmailKind.ACCEPTED,
        defaults={"subject": ACCEPTED_SUBJECT, "body": ACCEPTED_BODY},
    )
    return call, True


def _answers(rng, abstract, keys):
    audiences = QUESTIONS[1][4]["choices"].split("\n")
    return {
        keys["Evidence of impact"]: abstract
        + " We will share usage figures, what changed, and what did not work.",
        keys["Who in the TICTeC audience is this for?"]: rng.choice(audiences),
        keys["Access needs"]: "",
    }


def ensure_proposals(call, conference):
    if Submission.objects.filter(call_id=call.pk).exists():
        return 0
    rng = random.Random(2025)  # noqa: S311 - repeatable demo data, not security
    formats = {f.slug: f for f in conference.formats.all()}
    themes = {t.slug: t for t in conference.themes.all()}
    approaches = {a.slug: a for a in conference.approaches.all()}
    questions = [q.snapshot() for q in call.get_questions()]
    keys = {q["label"]: q["key"] for q in questions}
    User = get_user_model()
    applicant = User.objects.filter(username="applicant@example.org").first()
    for i, (title, fmt, theme_slugs, approach, abstract, organisation) in enumerate(PROPOSALS):
        if i < 2 and applicant is not None:
            user = applicant
        else:
            first, last = FIRST_NAMES[i % 20], LAST_NAMES[(i * 7) % 20]
            user = _user(f"proposer{i + 1:02d}@example.org", first, last)
        submitted = timezone.now() - datetime.timedelta(
            days=rng.randint(1, 20), hours=rng.randint(0, 23)
        )
        submission = SubmissionFactory(
            call=call,
            applicant=user,
            title=title,
            status=SubmissionStatus.SUBMITTED,
            submitted_at=submitted,
            applicant_name=user.get_full_name(),
            applicant_email=user.email,
            answers=_answers(rng, abstract, keys),
            questions=questions,
        )
        grant = rng.random() < 0.3
        proposal = SessionProposal.objects.create(
            submission=submission,
            abstract=abstract,
            session_format=formats.get(fmt),
            approach=approaches.get(approach),
            speaker_name=user.get_full_name(),
            speaker_organisation=organisation,
            co_presenters=(
                [
                    {
                        "name": f"{FIRST_NAMES[(i + 5) % 20]} {LAST_NAMES[(i + 3) % 20]}",
                        "email": f"copresenter{i + 1:02d}@example.org",
                        "organisation": organisation,
                    }
                ]
                if fmt == "long-workshop"
                else []
            ),
            travel_grant_requested=grant,
            travel_grant_amount=rng.choice([250, 400, 600, 900]) if grant else None,
            may_present_remotely=rng.random() < 0.2,
        )
        proposal.themes.set([themes[s] for s in theme_slugs if s in themes])
    # One draft, so the demo applicant can come back to it.
    if applicant is not None:
        draft = SubmissionFactory(
            call=call,
            applicant=applicant,
            title="Community FOI clinics: a draft idea",
            status=SubmissionStatus.DRAFT,
            submitted_at=None,
            applicant_name=applicant.get_full_name(),
            applicant_email=applicant.email,
            answers={
                keys[
                    "Evidence of impact"
                ]: "Monthly drop-in clinics helped residents write their first requests."
            },
            questions=questions,
        )
        SessionProposal.objects.create(
            submission=draft,
            session_format=formats.get("short-workshop"),
            speaker_name=applicant.get_full_name(),
        )
    return len(PROPOSALS)


def ensure_reviews(call):
    if Review.objects.filter(submission__call_id=call.pk).exists():
        return 0
    reviewers = []
    for email, name in REVIEWERS:
        user = get_user_model().objects.filter(username=email).first()
        if user is None and name:
            user = _user(email, *name, groups=["Reviewers"])
        if user is not None:
            reviewers.append(user)
    services.auto_assign(call=call, reviewers=reviewers)
    rng = random.Random(40)  # noqa: S311 - repeatable demo data
    quality = {s.pk: rng.uniform(1.8, 4.6) for s in Submission.objects.filter(call_id=call.pk)}
    reviews = list(
        Review.objects.filter(submission__call_id=call.pk).select_related("reviewer", "submission")
    )
    done = 0
    for review in reviews:
        if rng.random() > 0.8:  # about a fifth still to do, so the queue shows progress
            continue
        categories = call.get_submission_categories(review.submission)
        bias = REVIEWER_BIAS.get(review.reviewer.email, 0)
        scores = {}
        for criterion in call.get_criteria():
            if not criterion.applies(categories):
                continue
            value = round(quality[review.submission_id] + bias + rng.uniform(-0.7, 0.7))
            scores[criterion.pk] = max(criterion.scale_min, min(criterion.scale_max, value))
        mean = sum(scores.values()) / len(scores)
        recommendation = "accept" if mean >= 3.8 else ("reject" if mean < 2.6 else "waitlist")
        services.record_review(
            review=review,
            scores=scores,
            recommendation=recommendation,
            comment=rng.choice(
                [
                    "Clear evidence of impact and a good fit with the themes.",
                    "Interesting, but the proposal stays general about outcomes.",
                    "Strong practical experience; would suit the workshop room.",
                    "Useful retrospective; the audience is a little narrow.",
                ]
            ),
            by=review.reviewer,
        )
        done += 1
    return done


def ensure_decisions(call):
    if Submission.objects.filter(
        call_id=call.pk, status__in=["accepted", "rejected", "waitlisted"]
    ).exists():
        return
    from proposals.selectors import ranking, sort_rows

    rows, _criteria = ranking(call=call)
    ordered = [r for r in sort_rows(rows, "calibrated") if r.review_count >= 2]
    services.decide(
        submissions=[r.submission for r in ordered[:5]], status=SubmissionStatus.ACCEPTED
    )
    services.decide(
        submissions=[r.submission for r in ordered[5:7]], status=SubmissionStatus.WAITLISTED
    )
    services.decide(
        submissions=[r.submission for r in ordered[-3:]], status=SubmissionStatus.REJECTED
    )


def load(stdout=None):
    conference = ConferencePage.objects.filter(
        slug="tictec-2025", locale__language_code="en"
    ).first()
    if conference is None:
        _say(stdout, "conference call: no TICTeC 2025 conference yet, skipped")
        return None
    with transaction.atomic():
        call, created = ensure_call(conference)
        proposals = ensure_proposals(call, conference)
        reviews = ensure_reviews(call)
        ensure_decisions(call)
    _say(
        stdout,
        f"conference call: {call.title} ({'created' if created else 'exists'}), "
        f"{proposals} proposals and {reviews} reviews added",
    )
    return call
