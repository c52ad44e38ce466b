"""Where each app keeps personal data, and what "download", "delete" and "retain" do with it.

home imports no other app, so each app registers its own sections in its AppConfig.ready:

    personal_data.register(
        "ticket_registrations",
        export=lambda user: [...],        # JSON-ready data about the person
        erase=erase_registrations,        # called when the person deletes their account
        expire=expire_registrations,      # (*, cutoff, dry_run) -> [what was (or would be) done]
        refuse_deletion=lambda user: "",  # a reason the person may not delete it themselves
    )

Download my data is every section's export; deleting an account runs every eraser, then
deletes the user; the retention task (home/tasks.py) runs every section's ``expire``.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

from home.models import Donation, EmailLog

ERASED_EMAIL = "erased@invalid"
REDACTED = "[redacted]"


@dataclass(frozen=True)
class Section:
    name: str
    export: Callable[[Any], Any]
    erase: Callable[[Any], None] | None = None
    expire: Callable[..., list[str]] | None = None
    refuse_deletion: Callable[[Any], str] | None = None


_sections: dict[str, Section] = {}


def register(name, *, export, erase=None, expire=None, refuse_deletion=None):
    """Add (or replace, when an app is reloaded) a section of the person's data."""
    _sections[name] = Section(name, export, erase, expire, refuse_deletion)


def sections():
    return list(_sections.values())


# --- Helpers for the apps' exporters and erasers -----------------------------------------


def verified_emails(user):
    """The addresses the person has proven are theirs: what records kept by email address
    (tickets, donations) are matched on. An address they only typed in proves nothing."""
    return sorted(
        {
            address.lower()
            for address in EmailAddress.objects.filter(user_id=user.pk, verified=True).values_list(
                "email", flat=True
            )
        }
    )


def all_emails(user):
    """Every address on the account, verified or not: what erasure removes wherever it is."""
    addresses = set(EmailAddress.objects.filter(user_id=user.pk).values_list("email", flat=True))
    if user.email:
        addresses.add(user.email)
    return sorted({address.lower() for address in addresses})


def email_matches(field, emails):
    """A filter for rows whose ``field`` is one of ``emails`` (any case); none if empty."""
    condition = Q(pk__in=[])
    for email in emails:
        condition |= Q(**{f"{field}__iexact": email})
    return condition


def redact(text, needles):
    """``text`` with every whole-word occurrence of a name or address replaced (any case)."""
    needles = sorted({n.strip() for n in needles if n and len(n.strip()) >= 3}, key=len)
    if not text or not needles:
        return text
    pattern = "|".join(re.escape(n) for n in reversed(needles))
    return re.sub(rf"(?<!\w)(?:{pattern})(?!\w)", REDACTED, text, flags=re.IGNORECASE)


# --- What the account page calls ---------------------------------------------------------


def export_for(*, user):
    """Everything held about the person, one key per section."""
    data = {"exported_at": timezone.now()}
    for section in sections():
        data[section.name] = section.export(user)
    return data


def deletion_refusals(*, user):
    """Why this person may not delete their own account here (empty: they may)."""
    reasons = []
    if user.is_staff or user.is_superuser:
        reasons.append(
            _("Staff accounts are closed by an administrator, so that what you did is handed over.")
        )
    for section in sections():
        reason = section.refuse_deletion(user) if section.refuse_deletion else ""
        if reason:
            reasons.append(reason)
    return reasons


class DeletionRefused(PermissionError):
    pass


def delete_account(*, user):
    """Erase every section, then delete the account. Files leave storage once this commits."""
    reasons = deletion_refusals(user=user)
    if reasons:
        raise DeletionRefused(" ".join(str(r) for r in reasons))
    with transaction.atomic():
        for section in sections():
            if section.erase is not None:
                section.erase(user)
        user.delete()


# --- Retention ----------------------------------------------------------------------------


def retention_cutoff(*, now=None, days=None):
    days = settings.PERSONAL_DATA_RETENTION_DAYS if days is None else days
    return (now or timezone.now()) - timezone.timedelta(days=days)


def apply_retention(*, now=None, days=None, dry_run=False):
    """Erase (or, with ``dry_run``, list) what has been kept longer than the retention
    period: ``{section: [what was or would be done]}``, nothing changed on a dry run."""
    cutoff = retention_cutoff(now=now, days=days)
    report = {}
    for section in sections():
        if section.expire is not None:
            report[section.name] = section.expire(cutoff=cutoff, dry_run=dry_run)
    return report


# --- home's own sections: the account itself, donations and emails --------------------------


def export_account(user):
    profile = UserProfile.objects.filter(user_id=user.pk).first()
    return {
        "email": user.email,
        "name": user.get_full_name(),
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user_id=user.pk).order_by("email")
        ],
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "preferred_language": profile.preferred_language if profile else "",
        "avatar": profile.avatar.name if profile and profile.avatar else "",
    }


def erase_account(user):
    """The account row goes with delete_account; its avatar file would stay on disk."""
    profile = UserProfile.objects.filter(user_id=user.pk).first()
    if profile is not None and profile.avatar:
        name, storage = profile.avatar.name, profile.avatar.storage
        transaction.on_commit(lambda: storage.delete(name))


def _donations(user):
    return Donation.objects.filter(email_matches("email", verified_emails(user)))


def export_donations(user):
    return [
        {
            "reference": d.reference,
            "name": d.name,
            "email": d.email,
            "amount": d.amount,
            "currency": d.currency,
            "frequency": d.frequency,
            "status": d.status,
            "started": d.created_at,
            "paid": d.paid_at,
        }
        for d in _donations(user).order_by("created_at")
    ]


def erase_donations(user):
    """The charity's accounts keep the amount, date and payment reference; not who gave."""
    _donations(user).update(name="", email=ERASED_EMAIL)


def _emails_to(user):
    return EmailLog.objects.filter(
        Q(recipient_user_id=user.pk) | email_matches("to", all_emails(user))
    ).select_related("about_type")


def export_emails(user):
    """Every message the site sent the person, whatever it was about."""
    return [
        {
            "kind": e.kind,
            "to": e.to,
            "subject": e.subject,
            "body": e.body,
            "status": e.status,
            "created_at": e.created_at,
            "about": {"type": e.about_type.model, "id": e.about_id} if e.about_type else None,
        }
        for e in _emails_to(user).order_by("created_at", "pk")
    ]


def erase_emails(user):
    _emails_to(user).update(to=ERASED_EMAIL, subject="", body="", recipient_user=None, context={})


def register_home_sections():
    register("account", export=export_account, erase=erase_account)
    register("donations", export=export_donations, erase=erase_donations)
    register("emails", export=export_emails, erase=erase_emails)
