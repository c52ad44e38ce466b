"""Plain text to Wagtail rich text and back, for the data migrations that turned the
plain-text introductions into rich text (home.models.BasePage).

Migrations call ``convert_page_field`` through ``RunPython``; it rewrites the field on
every page of the given types and in their revisions (drafts, scheduled versions and
history), so the editor never opens a draft holding the old plain text.
"""

from html import unescape

from django.utils.html import escape, strip_tags


def text_to_rich_text(value):
    """Each non-empty line becomes an escaped paragraph; rich text is left as it is."""
    if not value or value.lstrip().startswith("<"):
        return value
    lines = (line.strip() for line in value.splitlines())
    return "".join(f"<p>{escape(line)}</p>" for line in lines if line)


def rich_text_to_text(value):
    """Paragraphs as lines of plain text (the reverse migration)."""
    if not value or not value.lstrip().startswith("<"):
        return value
    paragraphs = value.replace("</p>", "</p>\n").splitlines()
    return "\n".join(unescape(strip_tags(line)).strip() for line in paragraphs if line.strip())


def convert_page_field(apps, *, app_label, model_names, field_name, convert):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    revision_model = apps.get_model("wagtailcore", "Revision")
    for model_name in model_names:
        model = apps.get_model(app_label, model_name)
        for pk, value in model.objects.values_list("pk", field_name):
            converted = convert(value)
            if converted != value:
                model.objects.filter(pk=pk).update(**{field_name: converted})
        content_type = content_type_model.objects.filter(
            app_label=app_label, model=model_name.lower()
        ).first()
        if content_type is None:
            continue
        for revision in revision_model.objects.filter(content_type=content_type).only(
            "pk", "content"
        ):
            value = revision.content.get(field_name)
            converted = convert(value)
            if converted != value:
                revision.content[field_name] = converted
                revision_model.objects.filter(pk=revision.pk).update(content=revision.content)
