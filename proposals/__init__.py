"""The engine behind every call for submissions: Call -> Submission -> Review -> Decision.

How another app hosts a call (mix ``proposals.models.CallPageMixin`` into a page type,
the hooks it can override, the services and selectors): see ``proposals/README.md``.
"""
