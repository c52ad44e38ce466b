"""One way to send email for the whole site.

Every message (a call's receipt and outcome, a reminder to reviewers, a cohort placement,
a ticket receipt with its calendar file, a donation's thanks) is written to the email log
(home.models.EmailLog) in the caller's transaction and rendered and sent by a background
task once that commits (``sending.queue``): a broken template or a failing provider never
loses or rolls back what the person did. Failures are written on the log and retried,
waiting longer each time; delivery events from the provider update it (``tracking``).

home imports no other app, so each app registers its kinds in its AppConfig.ready
(``registry.register``): how a message is written (again, on a retry), what to record when
it has gone, and who may read it in the log (registry.py).
"""
