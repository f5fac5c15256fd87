"""Translations that fall behind their original.

A translation remembers the kept version of its original it was translated from (``translated_from_version``, set
by pages.services when the translation is first saved, and again when its editor says it is brought up to date).
When the original's text has changed since, in an edit its editor did not call minor, the translation is *behind
its original*: the admin's home and ``go_live_check`` list it with a link to what changed, its change form says so,
and its public page says which date of the original it follows.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from reversion.models import Version

from revisions import history

from .models import Article, ContentPage, Program

# The fields a translation renders in its own language: a change to any of them is a change of content.
TRANSLATED_FIELDS = {
    Article: ("title", "summary", "body", "citations"),
    ContentPage: ("title", "summary", "body"),
    Program: ("title", "summary", "body", "suited_to", "not_suited_to", "first_day", "what_to_bring"),
}


@dataclass(frozen=True)
class Behind:
    translation: object
    since: Version  # the original's version it was translated from
    latest: Version  # the original's current version


def _texts(version, fields):
    record = history.old_record(version)
    return tuple(getattr(record, name) for name in fields)


def behind(translation):
    """A ``Behind`` when the original's text changed, in an edit not called minor, since the version this translation
    was made from; None while it is up to date (or when no history of the original is kept yet)."""
    original = translation.translation_of
    if original is None:
        return None
    versions = list(history.versions_of(original).reverse())  # oldest first
    if not versions:
        return None
    # A translation saved before the original's history began is taken as made from its first kept version.
    since = next((v for v in versions if v.pk == translation.translated_from_version_id), versions[0])
    fields = TRANSLATED_FIELDS[type(original)]
    source, latest = _texts(since, fields), versions[-1]
    if _texts(latest, fields) == source:
        return None  # unchanged, or changed and put back
    later = versions[versions.index(since) + 1 :]
    if all(hasattr(version.revision, "minor_edit") or _texts(version, fields) == source for version in later):
        return None  # every change since was a typo-level edit
    return Behind(translation, since, latest)


def translations_behind():
    """Every translation behind its original, articles first."""
    found = []
    for model in TRANSLATED_FIELDS:
        for translation in model.objects.exclude(translation_of=None).select_related("translation_of"):
            if state := behind(translation):
                found.append(state)
    return found


def bring_up_to_date(translation):
    """Record that the translation now follows its original's current version (its editor said so)."""
    if translation.translation_of_id is None:
        return
    translation.translated_from_version = history.latest_version(translation.translation_of)


def remember_source(translation):
    """A translation saved for the first time (or newly linked to its original) is made from the original as it is."""
    if translation.translated_from_version_id is None:
        bring_up_to_date(translation)


def changes_url(state):
    """The admin page comparing the original's version the translation was made from with its current one."""
    original = state.translation.translation_of
    opts = original._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_compare", args=[original.pk])
    return f"{url}?{urlencode({'from': state.since.pk, 'to': state.latest.pk})}"
