"""The words staff write on the pages app's records that are not items of their own (docs/translation.md)."""

from modeltranslation.translator import register

from center.translation import VisitorTexts

from .models import Person, ProgramSession, Topic


@register(ProgramSession)
class ProgramSessionTexts(VisitorTexts):
    fields = ("name",)
    edited_with = "program"


@register(Topic)
class TopicTexts(VisitorTexts):
    fields = ("name", "description")
    # A name not yet translated is stored as NULL, not "": names are unique, and NULLs never clash.
    empty_values = {"name": None}


@register(Person)
class PersonTexts(VisitorTexts):
    """A person's role and bio; their name and credentials read the same in every language."""

    fields = ("role", "bio")
