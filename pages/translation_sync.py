"""Translations that fall behind their original.

A translation remembers the kept version of its original it was translated from (``translated_from_version``, set
by pages.services when the translation is first saved, and again when its editor says it is brought up to date).
Each time a version of the original is kept, its text is compared with that one: when it differs, in an edit its
editor did not call minor, the translation is *behind its original* from then on (``original_changed_at``), until it
is brought up to date or the original's text is put back. The admin's home and ``go_live_check`` list it with a
link to what changed, its change form says so, and its public page says when the original changed after it.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from reversion.models import Version
from reversion.signals import post_revision_commit

from revisions import history
from revisions.models import MinorEdit

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


def _texts(version):
    record = history.old_record(version)
    return tuple(getattr(record, name) for name in TRANSLATED_FIELDS[version._model])


def _source(translation):
    """The original's version the translation was made from. A translation saved before the original's history
    began is taken as made from its first kept version."""
    if translation.translated_from_version_id:
        return translation.translated_from_version
    return history.versions_of(translation.translation_of).last()


def original_revised(revision, versions, **kwargs):
    """On each kept version of an original, mark its translations behind it, or no longer behind (the text put
    back). A minor edit marks none behind."""
    minor = MinorEdit.objects.filter(revision=revision).exists()
    for version in versions:
        model = version._model
        if model not in TRANSLATED_FIELDS:
            continue
        texts = _texts(version)
        for translation in model.objects.filter(translation_of_id=version.object_id):
            source = _source(translation)
            if source is None or _texts(source) == texts:
                changed_at = None
            elif minor:
                continue
            else:
                changed_at = revision.date_created
            # The page cache is made stale by the original's own save, in the same transaction.
            model.objects.filter(pk=translation.pk).update(original_changed_at=changed_at)


def connect():
    post_revision_commit.connect(original_revised, weak=False, dispatch_uid="pages-translations-behind")


def behind(translation):
    """A ``Behind`` when the translation is behind its original, else None."""
    if translation.translation_of_id is None or translation.original_changed_at is None:
        return None
    latest = history.latest_version(translation.translation_of)
    return Behind(translation, _source(translation), latest)


def translations_behind():
    """Every translation behind its original, articles first."""
    return [
        behind(translation)
        for model in TRANSLATED_FIELDS
        for translation in model.objects.exclude(original_changed_at=None).select_related("translation_of")
    ]


def bring_up_to_date(translation):
    """Record that the translation now follows its original's current version (its editor said so)."""
    if translation.translation_of_id is None:
        return
    translation.translated_from_version = history.latest_version(translation.translation_of)
    translation.original_changed_at = None


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
