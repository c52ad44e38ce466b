"""Admin form for sessions: choices limited to the session's conference, room clashes refused.

SessionPage names it as its ``base_form_class``, so neither this module nor the scheduling
rules it uses (programme.services) import the conference models."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from conference.programme import services


class SessionPageForm(WagtailAdminPageForm):
    TAXONOMY_FIELDS = {
        "session_format": "formats",
        "themes": "themes",
        "approach": "approaches",
        "day": "days",
        "room": "rooms",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        conference = self.get_conference()
        for field_name, relation in self.TAXONOMY_FIELDS.items():
            if field_name in self.fields:
                queryset = getattr(conference, relation).all() if conference else None
                self.fields[field_name].queryset = (
                    queryset if queryset is not None else self.fields[field_name].queryset.none()
                )

    def get_conference(self):
        # Through the pages, not the models: the page type names this form, so this module
        # imports no conference model (no import cycle).
        if self.instance.pk:
            return self.instance.conference
        if self.parent_page is None:
            return None
        return getattr(self.parent_page.specific, "conference", None)

    def clean(self):
        cleaned_data = super().clean()
        day, start_time, room = (cleaned_data.get(key) for key in ("day", "start_time", "room"))
        session_format = cleaned_data.get("session_format")
        if bool(day) != bool(start_time):
            missing = "start_time" if day else "day"
            self.add_error(missing, _("Give both a day and a start time, or neither."))
            return cleaned_data
        if not (day and start_time and session_format):
            return cleaned_data
        if not session_format.spans_all_rooms and room is None:
            self.add_error("room", _("Choose a room for a scheduled session."))
            return cleaned_data
        candidate = self.instance
        candidate.day, candidate.start_time, candidate.room = day, start_time, room
        candidate.session_format = session_format
        candidate.title = cleaned_data.get("title") or candidate.title
        candidate.duration_minutes = cleaned_data.get("duration_minutes")
        clash = services.find_room_clash(session=candidate)
        if clash is not None:
            self.add_error(
                "start_time", services.describe_room_clash(session=candidate, other=clash)
            )
        return cleaned_data
