"""Texts staff write on the center's records, in every language the site speaks (docs/translation.md).

A field registered here with django-modeltranslation gets one column per language (``hours_note_en``,
``hours_note_es``); the admin shows them side by side. Pages never read those columns directly: they ask
``visitor_text``, which gives the words in the page's language, else the English ones marked as English, and
``go_live_check`` lists every English text still without its Spanish (``untranslated_texts``).

Each app registers its own models in its ``translation.py`` (pages: program sessions), which modeltranslation
finds at start-up.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from modeltranslation.translator import TranslationOptions, register, translator
from modeltranslation.utils import build_localized_fieldname

from .models import SiteSettings


def language_name(code):
    """ "Spanish" for "es": a language's English name, as staff read it in the admin and in go_live_check."""
    return translation.get_language_info(code)["name"]


@dataclass(frozen=True)
class TextInLanguage:
    """Words staff wrote, and the language they are written in (a page in another marks them with ``lang``)."""

    text: str
    language: str


class VisitorTexts(TranslationOptions):
    """What every registration says besides its fields.

    ``derived`` maps a field staff write to the one rendered from it on save (Markdown to HTML): a page shows the
    rendered one, go_live_check asks for the written one. ``edited_with`` names the record whose admin page
    edits this one (a program session is edited on its program's page).
    """

    derived = {}
    edited_with = None
    # English is the original: required wherever the field itself is; every other language may wait.
    required_languages = (settings.LANGUAGE_CODE,)


def visitor_text(record, field, language=None):
    """``record``'s ``field`` for a page in ``language`` (the visitor's by default): in that language when staff
    wrote it, else in English, else in whichever language it has, else None."""
    language = language or translation.get_language()
    for written_in in dict.fromkeys([language, settings.LANGUAGE_CODE, *(code for code, _ in settings.LANGUAGES)]):
        text = getattr(record, build_localized_fieldname(field, written_in), "") or ""
        if text.strip():
            return TextInLanguage(text, written_in)
    return None


def words(record, field, language=None):
    """The plain words of ``visitor_text`` where no markup can mark their language (a title, JSON-LD, the search
    index); "" when there are none."""
    text = visitor_text(record, field, language)
    return text.text if text else ""


@dataclass(frozen=True)
class UntranslatedText:
    record: object
    field: str
    language: str

    @property
    def field_label(self):
        return str(self.record._meta.get_field(self.field).verbose_name)

    @property
    def edited_on(self):
        """The record whose admin page holds the missing words."""
        owner = translator.get_options_for_model(type(self.record)).edited_with
        return getattr(self.record, owner) if owner else self.record


def untranslated_texts():
    """Every text staff wrote in English that has no version yet in another language the site speaks."""
    missing = []
    for model in translator.get_registered_models(abstract=False):
        options = translator.get_options_for_model(model)
        written = [field for field in options.fields if field not in options.derived.values()]
        for record in model._default_manager.order_by("pk"):
            for field in written:
                if not (getattr(record, build_localized_fieldname(field, settings.LANGUAGE_CODE)) or "").strip():
                    continue
                for language, _ in settings.LANGUAGES:
                    if not (getattr(record, build_localized_fieldname(field, language)) or "").strip():
                        missing.append(UntranslatedText(record, field, language))
    return missing


@register(SiteSettings)
class SiteSettingsTexts(VisitorTexts):
    fields = (
        "hours_note",
        "self_pay_information",
        "self_pay_html",
        "family_services",
        "family_services_html",
        "recovery_residences",
    )
    derived = SiteSettings.RENDERED
