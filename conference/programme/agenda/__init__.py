"""A person's agenda: starring sessions, the "my agenda" page and the private calendar feed.

Where stars live:
- signed in: SessionStar rows (conference/models/agenda.py), keyed on the session's
  translation_key so every language's page is the same session;
- anonymous without JavaScript: the Django session (``SESSION_STARS``), merged into the
  account when the person signs in (signals.py);
- anonymous with JavaScript: the browser's localStorage (static/js/agenda.js), so the
  programme they see is the same page for every anonymous visitor and can be cached.

A page is *personal* (``Agenda.personal``) only when it shows server-side stars or a
message; only then does it carry a CSRF token, and it is never cached.
"""
