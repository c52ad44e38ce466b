"""The messages staff write in the admin (home.models.EmailTemplate): the template language
they may use, and how one is filled in.

Staff templates are plain text with placeholders (``{{ attendee_name }}``) and Django's
basic tags and filters (``{% if %}``, ``|upper``), rendered by an engine with no loaders
and no extra tag libraries: a template cannot reach files, settings or the database.
Which placeholders each message offers, with a made-up value for previews and for trying
a template when it is saved, is registered with its kind (``registry.register``).
"""

from django.template import Context, Engine

template_engine = Engine(
    autoescape=False,
    libraries={},
    builtins=["django.template.defaulttags", "django.template.defaultfilters"],
)


def placeholder(name):
    """How a template names a value: {{ name }}."""
    return "{{ " + name + " }}"


def render(*, subject, body, context):
    """(subject on one line, body) of a staff template filled in with ``context``."""
    ctx = Context(context, autoescape=False)
    rendered_subject = " ".join(template_engine.from_string(subject).render(ctx).split())
    return rendered_subject, template_engine.from_string(body).render(ctx)


def problem(source, context):
    """Why this template text cannot be filled in with ``context`` (the error), or None."""
    try:
        template_engine.from_string(source).render(Context(context, autoescape=False))
    except Exception as error:  # any failure means staff must fix the text
        return str(error) or error.__class__.__name__
    return None
