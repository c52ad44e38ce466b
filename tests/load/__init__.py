"""`make loadtest`: the last minute before a deadline, on the real stack (see deadline.py).

Nothing here is collected by pytest (no ``test_`` modules) or used by the site.
"""
