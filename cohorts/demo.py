"""Demo content for cohorts: the opportunities index, the FOI support cohort (open, with
accepted organisations formed into two cohorts), Action Lab #1 (closed, reviewed and
decided), and three board vacancies (Chair and Trustee open, Non-Executive Director
closed), with applications made through the proposals engine.

Idempotent: pages are found by slug, applicants by email, applications by (call,
applicant); only what is missing is created. The open opportunities' dates are moved
forward if a previous load left them closed.
"""

import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from home.demo import ensure_navigation
from home.models import HomePage
from proposals import services as engine
from proposals.factories import MINIMAL_PDF
from proposals.models import Review, Submission, SubmissionStatus
from proposals.permissions import PROGRAMME_TEAM

from . import demo_content as seed
from . import services
from .factories import (
    ActionLabPageFactory,
    CohortProgrammePageFactory,
    OpportunityIndexPageFactory,
    VacancyPageFactory,
    add_call_questions,
    add_rubric,
)
from .forms import CohortApplicationForm
from .models import (
    ActionLabPage,
    Board,
    BoardRole,
    Cohort,
    CohortProgrammePage,
    OpportunityIndexPage,
    VacancyPage,
)

LONDON = ZoneInfo("Europe/London")
REVIEWER_EMAILS = ["reviewer@example.org", "programme@example.org"]


def _say(stdout, message):
    if stdout is not None:
        stdout.write(f"cohorts: {message}")


def _london(year, month, day, hour=0, minute=0, second=0):
    return datetime.datetime(year, month, day, hour, minute, second, tzinfo=LONDON)


def _next_monday_10am(after_days):
    """10.00am London time on the first Monday at least ``after_days`` from now."""
    day = timezone.localtime(timezone.now(), LONDON).date() + datetime.timedelta(days=after_days)
    day += datetime.timedelta(days=(7 - day.weekday()) % 7)
    return _london(day.year, day.month, day.day, 10)


def _publish(page):
    page.save_revision().publish()
    return page


def _page(model, factory, *, parent, slug, **fields):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = _publish(factory(parent=parent, slug=slug, **fields))
    return page


def _keep_open(page, *, closes_at, decisions_by):
    """An "open" demo opportunity stays open however long after the first load."""
    if page.has_closed():
        page.closes_at, page.decisions_by = closes_at, decisions_by
        _publish(page)


def _applicant(email, name):
    User = get_user_model()
    first, _space, last = name.partition(" ")
    user, created = User.objects.get_or_create(
        username=email, defaults={"email": email, "first_name": first, "last_name": last}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _answers(page, by_label):
    keys = {q.label: q.clean_name for q in page.get_questions()}
    return {keys[label]: value for label, value in by_label.items() if label in keys}


def _apply(page, user, *, answers, title=None, details=None, uploads=None, when):
    """One application through the engine, as if submitted at ``when``."""
    existing = Submission.objects.filter(call_id=page.pk, applicant=user).first()
    if existing is not None:
        return existing, False
    details_form = None
    if details is not None:
        details_form = CohortApplicationForm(
            {f"details-{key}": value for key, value in details.items()}, call=page
        )
        details_form.is_valid()
    submission = engine.submit(
        call=page,
        by=user,
        answers=_answers(page, answers),
        title=title,
        details_form=details_form,
        uploads=uploads,
        now=when,
    )
    Submission.objects.filter(pk=submission.pk).update(created_at=when, submitted_at=when)
    return submission, True


def _review(submission, reviewer, scores, recommendation, comment):
    """A finished review; scores listed in the order of the call's rubric."""
    if Review.objects.filter(submission=submission, reviewer=reviewer).exists():
        return
    review = engine.assign(submission=submission, reviewer=reviewer)
    criteria = submission.call.specific.get_criteria()
    engine.record_review(
        review=review,
        scores={criterion.pk: score for criterion, score in zip(criteria, scores, strict=False)},
        comment=comment,
        recommendation=recommendation,
        by=reviewer,
    )


def _reviewers():
    User = get_user_model()
    return list(User.objects.filter(username__in=REVIEWER_EMAILS).order_by("username"))


def ensure_index(home):
    return _page(
        OpportunityIndexPage,
        OpportunityIndexPageFactory,
        parent=home,
        slug="opportunities",
        title="Opportunities",
    )


def ensure_cohort_programme(index):
    now = timezone.now()
    closes = timezone.localtime(now, LONDON).date() + datetime.timedelta(days=21)
    closes_at = _london(closes.year, closes.month, closes.day, 17)
    decisions_by = closes_at + datetime.timedelta(days=14)
    page = _page(
        CohortProgrammePage,
        CohortProgrammePageFactory,
        parent=index,
        slug="foi-campaign-support",
        opens_at=now - datetime.timedelta(days=14),
        closes_at=closes_at,
        decisions_by=decisions_by,
        reviews_per_submission=1,
        eligibility_questions=[
            ("question", dict(seed.ORGANISATION_QUESTION)),
            ("question", dict(seed.UK_QUESTION)),
        ],
        contact_email="foi-support@example.org",
    )
    _keep_open(page, closes_at=closes_at, decisions_by=decisions_by)
    add_call_questions(page, seed.COHORT_QUESTIONS)
    add_rubric(page, seed.COHORT_RUBRIC)
    return page


def ensure_cohort_applications(page):
    reviewers = _reviewers()
    created = 0
    when = page.opens_at + datetime.timedelta(days=1)
    for number, (organisation, group_indexes) in enumerate(seed.COHORT_ORGANISATIONS):
        slug = organisation.lower().replace(" ", ".")
        contact = ["Sam Okoye", "Ruth Adeyemi", "Gareth Price", "Nadia Hussain"][number % 4]
        user = _applicant(f"{slug}@example.org", contact)
        submission, was_created = _apply(
            page,
            user,
            answers={
                "Contact name": contact,
                "Contact email address": user.email,
                "Tell us about your organisation": (
                    f"{organisation} is a small organisation run with and for the people it "
                    "supports; most of our work is advice, peer support and local campaigning."
                ),
                "What campaign or advocacy project would you like to use FOI for?": (
                    "We want to find out how public bodies near us make decisions that affect "
                    "the people we work with, and to use the data in our next campaign."
                ),
                "Are you working to any timelines?": "A council consultation closes in the spring.",
                "Have you used Freedom of Information before?": ["Never", "A few times"][
                    number % 2
                ],
            },
            details={
                "organisation_name": organisation,
                "groups_served": [seed.COHORT_GROUPS[i] for i in group_indexes],
            },
            when=when + datetime.timedelta(hours=number * 7),
        )
        created += was_created
        if reviewers:
            fit = 5 - number % 3
            _review(
                submission,
                reviewers[-1],
                [fit, 4, 5 - number % 2],
                "accept" if number < 7 else "reject",
                "A clear campaign question and people ready to do the work.",
            )
    submissions = Submission.objects.for_call(page).order_by("submitted_at", "pk")
    engine.decide(submissions=list(submissions[:7]), status=SubmissionStatus.ACCEPTED)
    engine.decide(submissions=list(submissions[7:]), status=SubmissionStatus.REJECTED)
    return created


def ensure_cohorts(page):
    if Cohort.objects.for_programme(page).exists():
        return 0
    cohorts = services.form_suggested_cohorts(programme=page)
    if cohorts:
        services.notify_cohort(cohort=cohorts[0])
    return len(cohorts)


def ensure_action_lab(index):
    page = _page(
        ActionLabPage,
        ActionLabPageFactory,
        parent=index,
        slug="action-lab-1",
        opens_at=_london(2021, 11, 1, 9),
        closes_at=_london(2021, 11, 24, 23, 59, 59),
        decisions_by=_london(2021, 12, 10, 17),
        contact_email="labs@example.org",
    )
    add_call_questions(page, seed.ACTION_LAB_QUESTIONS)
    add_rubric(page, seed.ACTION_LAB_RUBRIC)
    reviewers = _reviewers()
    outcomes = ["accepted", "accepted", "accepted", "waitlisted", "rejected"]
    created = 0
    for number, (name, role) in enumerate(seed.ACTION_LAB_APPLICANTS):
        user = _applicant(f"{name.split()[0].lower()}.lab@example.org", name)
        submission, was_created = _apply(
            page,
            user,
            title=name,
            answers={
                "Your email address": user.email,
                "Organisation and role": role,
                "Country": role.rsplit(", ", 1)[-1],
                "Your interest in, and experience with, the working group topic": (
                    "I have bid for and delivered small public-sector contracts, and I would like "
                    "to help others avoid the procurement hurdles we met."
                ),
                "Can you commit to confidentiality and attend at least 2 one-hour meetings "
                "between 9am and 6pm GMT?": True,
            },
            when=_london(2021, 11, 3 + number * 4, 14),
        )
        created += was_created
        for offset, reviewer in enumerate(reviewers):
            base = 5 - number
            _review(
                submission,
                reviewer,
                [max(1, base - offset), max(1, base), max(1, base - 1)],
                {"accepted": "accept", "waitlisted": "waitlist"}.get(outcomes[number], "reject"),
                "Reviewed with the TICTeC Labs Steering Group.",
            )
        status = outcomes[number]
        if submission.status == SubmissionStatus.SUBMITTED:
            engine.decide(submissions=[submission], status=status)
    engine.send_outcomes(submissions=list(Submission.objects.for_call(page)))
    return page, created


VACANCIES = [
    # slug, title, board, board name, role, role text, experience
    (
        "chair",
        "Chair of the charity board",
        Board.CHARITY,
        "UK Citizens Online Democracy",
        BoardRole.CHAIR,
        seed.CHAIR_ROLE,
        seed.CHAIR_EXPERIENCE,
    ),
    (
        "trustee",
        "Trustee",
        Board.CHARITY,
        "UK Citizens Online Democracy",
        BoardRole.TRUSTEE,
        seed.TRUSTEE_ROLE,
        seed.TRUSTEE_EXPERIENCE,
    ),
    (
        "non-executive-director",
        "Non-Executive Director",
        Board.COMPANY,
        "mySociety Ltd",
        BoardRole.NON_EXECUTIVE_DIRECTOR,
        seed.NED_ROLE,
        seed.NED_EXPERIENCE,
    ),
]


def ensure_vacancies(index):
    programme_team = Group.objects.filter(name=PROGRAMME_TEAM).first()
    open_closes = _next_monday_10am(after_days=21)
    pages = {}
    for slug, title, board, board_name, role, role_text, experience in VACANCIES:
        is_open = role != BoardRole.NON_EXECUTIVE_DIRECTOR
        closes_at = open_closes if is_open else _london(2019, 5, 13, 10)
        decisions_by = closes_at + datetime.timedelta(days=21)
        page = _page(
            VacancyPage,
            VacancyPageFactory,
            parent=index,
            slug=slug,
            title=title,
            board=board,
            board_name=board_name,
            role=role,
            role_description=role_text,
            experience_sought=experience,
            opens_at=(
                timezone.now() - datetime.timedelta(days=10) if is_open else _london(2019, 4, 1, 9)
            ),
            closes_at=closes_at,
            decisions_by=decisions_by,
            restricted_to_group=programme_team,
            contact_email="board@example.org",
        )
        if is_open:
            _keep_open(page, closes_at=open_closes, decisions_by=decisions_by)
        add_call_questions(page, seed.BOARD_QUESTIONS)
        add_rubric(page, seed.BOARD_RUBRIC)
        pages[slug] = page
    return pages


def _cv_uploads(page):
    uploads = {}
    for question in page.get_questions():
        if question.field_type == "file":
            upload = SimpleUploadedFile(
                f"{question.clean_name}.pdf", MINIMAL_PDF, "application/pdf"
            )
            upload.detected_content_type = "application/pdf"
            uploads[question.clean_name] = upload
    return uploads


def ensure_board_applications(pages):
    reviewers = _reviewers()
    created = 0
    ned = pages["non-executive-director"]
    for number, (name, background) in enumerate(seed.BOARD_APPLICANTS):
        user = _applicant(f"{name.split()[0].lower()}.board@example.org", name)
        submission, was_created = _apply(
            ned,
            user,
            title=name,
            answers={"Your email address": user.email},
            uploads=_cv_uploads(ned),
            when=_london(2019, 4, 20 + number * 5, 11),
        )
        created += was_created
        if reviewers:
            _review(
                submission,
                reviewers[-1],
                [5 - number, 4, 4 - number],
                "accept" if number == 0 else "waitlist",
                f"{background}.",
            )
    trustee = pages["trustee"]
    user = _applicant("olu.board@example.org", "Olu Bankole")
    _submission, was_created = _apply(
        trustee,
        user,
        title="Olu Bankole",
        answers={"Your email address": user.email},
        uploads=_cv_uploads(trustee),
        when=timezone.now() - datetime.timedelta(days=2),
    )
    return created + was_created


@transaction.atomic
def load(stdout=None):
    home = HomePage.objects.filter(locale__language_code="en").first()
    if home is None:
        _say(stdout, "no home page: run home.demo.load first")
        return None
    index = ensure_index(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        ensure_navigation(site, [(index, "Opportunities")])
    programme = ensure_cohort_programme(index)
    applications = ensure_cohort_applications(programme)
    cohorts = ensure_cohorts(programme)
    _lab, lab_applications = ensure_action_lab(index)
    vacancies = ensure_vacancies(index)
    board_applications = ensure_board_applications(vacancies)
    _say(
        stdout,
        f"{applications + lab_applications + board_applications} applications and "
        f"{cohorts} cohorts added",
    )
    return index
