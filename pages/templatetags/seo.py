"""Template tags writing JSON-LD blocks: ``{% jsonld data %}`` and ``{% clinic_jsonld %}``."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from pages import seo

register = template.Library()

# The characters that could end the <script> element or open a comment, written as JSON escapes instead.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def jsonld(data):
    """A ``<script type="application/ld+json">`` block holding ``data`` (editor text cannot break out of it)."""
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), cls=DjangoJSONEncoder).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 - escaped above


@register.simple_tag(takes_context=True)
def clinic_jsonld(context):
    """The center as a ``MedicalClinic``, for the home, program and contact pages."""
    return jsonld(seo.medical_clinic(context["request"], context["site"]))
