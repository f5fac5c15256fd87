"""The words staff write on the pages app's records that are not items of their own (docs/translation.md)."""

from modeltranslation.translator import register

from center.translation import VisitorTexts

from .models import ProgramSession


@register(ProgramSession)
class ProgramSessionTexts(VisitorTexts):
    fields = ("name",)
    edited_with = "program"
