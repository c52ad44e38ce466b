"""Reads for the conference call: the typed proposal as reviewers and emails see it."""

from django.utils.translation import gettext as _


def proposal_summary(proposal, *, anonymised=False):
    """[(label, value)] of a SessionProposal (no queries when the submission was
    fetched through CallForProposalsPage.get_submission_queryset)."""
    if proposal is None:
        return []
    rows = [
        (_("Format"), proposal.session_format.name if proposal.session_format else ""),
        (_("Themes"), ", ".join(t.name for t in proposal.themes.all())),
        (_("Approach"), proposal.approach.name if proposal.approach else _("Neither, or both")),
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
