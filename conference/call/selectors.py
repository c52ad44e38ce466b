"""Reads for the conference call: the typed proposal as reviewers and emails see it."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _


def _names_in_active_language(rows):
    """{translation_key: name} of the conference's format, themes and approach in the
    active language, when that is not the site's default one (the proposal points at the
    English conference's rows); a query per kind of row then, none in English."""
    language = translation.get_language()
    if not rows or language == translation.get_supported_language_variant(settings.LANGUAGE_CODE):
        return {}
    names = {}
    for model in {type(row) for row in rows}:
        keys = [row.translation_key for row in rows if isinstance(row, model)]
        names.update(
            model.objects.filter(
                translation_key__in=keys, locale__language_code=language
            ).values_list("translation_key", "name")
        )
    return names


def proposal_summary(proposal, *, anonymised=False):
    """[(label, value)] of a SessionProposal, its format, themes and approach named in the
    active language (no queries in English when the submission was fetched through
    CallForProposalsPage.get_submission_queryset)."""
    if proposal is None:
        return []
    themes = list(proposal.themes.all())
    names = _names_in_active_language(
        [row for row in (proposal.session_format, proposal.approach, *themes) if row is not None]
    )

    def name(row):
        return names.get(row.translation_key, row.name)

    rows = [
        (_("Format"), name(proposal.session_format) if proposal.session_format else ""),
        (_("Themes"), ", ".join(name(t) for t in themes)),
        (_("Approach"), name(proposal.approach) if proposal.approach else _("Neither, or both")),
        (_("Abstract"), proposal.abstract),
    ]
    if not anonymised:
        rows.append(
            (
                _("Speakers"),
                "\n".join(
                    ", ".join(
                        part
                        for part in (s["name"], s.get("organisation", ""), s.get("email", ""))
                        if part
                    )
                    for s in proposal.speakers()
                ),
            )
        )
    grant = _("No")
    if proposal.travel_grant_requested:
        grant = _("Yes, about £%(amount)s") % {"amount": proposal.travel_grant_amount or "?"}
    rows += [
        (_("Travel grant"), grant),
        (_("May need to present remotely"), _("Yes") if proposal.may_present_remotely else _("No")),
    ]
    return rows
