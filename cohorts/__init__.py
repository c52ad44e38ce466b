"""cohorts: the opportunities people apply to, hosted on the proposals engine.

- ``models/pages.py``: OpportunityIndexPage and the three opportunity pages
  (CohortProgrammePage, ActionLabPage, VacancyPage), each ``OpportunityMixin`` +
  ``proposals.models.CallPageMixin`` + ``Page``. The engine serves the apply flow;
  ``views.pre_step`` puts the eligibility screen in front of it.
- ``models/cohorts.py``: CohortApplication (the typed part of a cohort application,
  through the engine's ``submission_details_form_class`` hook), Cohort, CohortMembership.
- ``formation.py``: the pure cohort suggestion; ``services.py``: forming cohorts and
  notifying members (``emails.py``, through the engine's logged email queue).
- ``selectors.py``: the index listing (open/closed computed at request time).
- ``wagtail_hooks.py``: the Cohorts snippet, the formation page per programme and each
  cohort's staff-only page of organisations and contacts.
"""
