"""Demo content for this app (filled in by the app's issue)."""


def load(stdout=None):
    return None
