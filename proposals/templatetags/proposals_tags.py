from django import template

register = template.Library()


@register.simple_tag
def field_widget(bound_field):
    """The field's widget, described by its help text and errors for screen readers."""
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.auto_id}-help")
    if bound_field.errors:
        described.append(f"{bound_field.auto_id}-error")
    attrs = {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    return bound_field.as_widget(attrs=attrs)


@register.filter
def first_input_id(bound_field):
    """The id an error-summary link should jump to (the first option of a group)."""
    if bound_field.widget_type in ("radioselect", "checkboxselectmultiple"):
        return f"{bound_field.auto_id}_0"
    return bound_field.auto_id


@register.filter
def is_group(bound_field):
    return bound_field.widget_type in ("radioselect", "checkboxselectmultiple")


@register.filter
def answer_display(value):
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return value
