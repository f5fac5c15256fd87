"""Reading, comparing and restoring the kept versions of a record (an article, a page, a program, the site settings).

Saving is recorded by django-reversion wherever it happens: the admin wraps its form in a revision and names the
editor; pages.services.save opens one of its own for the importer and commands (nested revisions are one). Restoring
never replays the stored row as django-reversion's own revert does: that would skip the record's save() (the HTML
rendered from Markdown), the services, and could make a draft public. Here the texts of the old version are put on
the record as it is now, and the caller's save function writes it, as an editor's save would.
"""

import difflib
import re
from dataclasses import dataclass

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from modeltranslation.translator import NotRegistered, translator
from reversion.models import Version

from .models import MinorEdit

# What a restore leaves as it is now: whether and since when the public sees it, its language and address, the
# translation it belongs to, and its images (a replaced file may no longer be stored).
KEPT_ON_RESTORE = {
    "status",
    "published_at",
    "language",
    "translation_of",
    "slug",
    "translated_from_version",
    "hero_image",
    "hero_image_alt",
    "photo",
}


def versions_of(record):
    """The kept versions of ``record``, newest first, each with its revision's editor and minor mark."""
    return (
        Version.objects.get_for_object(record)
        .select_related("revision__user", "revision__minor_edit")
        .order_by("-revision__date_created", "-pk")
    )


def latest_version(record):
    return versions_of(record).first()


def describe(*, user=None, comment="", minor=False):
    """Name the editor, say what was done and mark a minor edit, on the revision being recorded."""
    if user is not None and user.is_authenticated:
        reversion.set_user(user)
    if comment:
        reversion.set_comment(comment)
    if minor:
        reversion.add_meta(MinorEdit)


def is_minor(version):
    return MinorEdit.objects.filter(revision_id=version.revision_id).exists()


def editor_name(revision):
    """Who made a revision, as staff know them; a save without a signed-in person came from a command."""
    user = revision.user
    if user is None:
        return "A command or the seed import"
    return user.get_full_name() or user.get_username()


def old_record(version):
    """The record as this version kept it: an unsaved instance with the old values."""
    return version._object_version.object


def _related_versions(version):
    """{relation name: [old related record, …]} for the rows kept with this version (a program's sessions)."""
    options = reversion.revisions._get_options(version._model)
    related = {}
    for name in options.follow:
        field = version._model._meta.get_field(name)
        content_type = ContentType.objects.get_for_model(field.related_model)
        kept = version.revision.version_set.filter(content_type=content_type).order_by("pk")
        related[name] = [
            old_record(row) for row in kept if getattr(old_record(row), field.field.attname) == old_record(version).pk
        ]
    return related


@dataclass(frozen=True)
class FieldChange:
    label: str
    diff: str  # HTML: the text with removed words in <del> and added ones in <ins>


_WORD = re.compile(r"\s+|\w+|[^\w\s]")
_PARAGRAPH_BREAK = re.compile(r"\r?\n[ \t]*\r?\n\s*")  # a blank line (a browser sends CR LF)


def word_diff(old, new):
    """``new`` as HTML, with the words removed from ``old`` struck through (<del>) and the added ones marked (<ins>).

    Words, not characters: an editor reads "reviewed → checked", not "re(v)iew…". Each change also says in words
    what it is, for those who do not see the marking."""
    old_words, new_words = _WORD.findall(old), _WORD.findall(new)
    parts = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    operations = matcher.get_opcodes()
    for index, (operation, old_start, old_end, new_start, new_end) in enumerate(operations):
        removed, added = "".join(old_words[old_start:old_end]), "".join(new_words[new_start:new_end])
        if operation == "equal":
            parts.append(_context(added, first=index == 0, last=index == len(operations) - 1))
            continue
        if removed:
            parts.append(format_html('<del><span class="visually-hidden">removed: </span>{}</del>', removed))
        if added:
            parts.append(format_html('<ins><span class="visually-hidden">added: </span>{}</ins>', added))
    return format_html_join("", "{}", ((part,) for part in parts))


def _context(text, *, first, last):
    """Unchanged text between changes: the paragraphs next to a change, and the count of those left out between, so
    that a word changed in a long article is found without scrolling through it."""
    paragraphs = _PARAGRAPH_BREAK.split(text)
    kept_before = [] if first else paragraphs[:1]
    kept_after = [] if last else paragraphs[-1:]
    skipped = len(paragraphs) - len(kept_before) - len(kept_after)
    if skipped < 1:
        return format_html("{}", text)
    note = format_html(
        '<span class="revision-skipped">[{} unchanged paragraph{}]</span>', skipped, "" if skipped == 1 else "s"
    )
    return format_html_join("\n\n", "{}", ((part,) for part in [*kept_before, note, *kept_after]))


def _shown(record, field):
    """A field's value as an editor reads it: the name of a chosen record, the label of a choice, the text."""
    if isinstance(field, models.ManyToManyField):
        return None
    value = getattr(record, field.attname)
    if value is None or value == "":
        return ""
    if isinstance(field, models.ForeignKey):
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related else f"(deleted, #{value})"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DateTimeField):
        return f"{timezone.localtime(value):%b %-d, %Y %-I:%M %p}"
    return str(value)


def _m2m_shown(version, field):
    pks = version._object_version.m2m_data.get(field.name, []) if version._object_version.m2m_data else []
    names = field.related_model._default_manager.filter(pk__in=pks).order_by("pk")
    return ", ".join(str(name) for name in names)


def _not_compared(model):
    """Fields compared through others: a text django-modeltranslation keeps in one column per language is compared
    language by language, not again as the column it reads from."""
    try:
        translated = translator.get_options_for_model(model).all_fields
    except NotRegistered:
        translated = {}
    return {"translated_from_version", *translated}


def changes_between(older, newer):
    """What changed from version ``older`` to version ``newer`` of one record, field by field (only the fields an
    editor writes, in the order of the form), with the rows kept beside it (a program's sessions)."""
    model = newer._model
    old, new = old_record(older), old_record(newer)
    changes = []
    for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        if not field.editable or field.primary_key or field.name in _not_compared(model):
            continue
        if isinstance(field, models.ManyToManyField):
            before, after = _m2m_shown(older, field), _m2m_shown(newer, field)
        else:
            before, after = _shown(old, field), _shown(new, field)
        if before != after:
            changes.append(FieldChange(str(field.verbose_name).capitalize(), word_diff(before, after)))
    old_related, new_related = _related_versions(older), _related_versions(newer)
    for name, rows in new_related.items():
        before = "\n".join(str(row) for row in old_related.get(name, []))
        after = "\n".join(str(row) for row in rows)
        if before != after:
            label = str(model._meta.get_field(name).related_model._meta.verbose_name_plural).capitalize()
            changes.append(FieldChange(label, word_diff(before, after)))
    return changes


def diff_html(changes):
    """The changes as a definition list, for the compare page and the restore page."""
    return format_html_join("", '<dt>{}</dt><dd class="revision-diff">{}</dd>', ((c.label, c.diff) for c in changes))


@transaction.atomic
def restore(version, *, user, save):
    """Make ``version``'s texts (and kept rows, such as a program's sessions) the record's current ones, written by
    ``save(record)`` (the same service an editor's save goes through) as a new version named for ``user``.

    Whether the record is public is not restored: a draft stays a draft, and a published item stays published
    with the old text. Returns the record.
    """
    record = version.object
    if record is None:
        raise ValueError("This record no longer exists; it cannot be restored from its history.")
    old = old_record(version)
    for field in record._meta.concrete_fields:
        if field.editable and not field.primary_key and field.name not in KEPT_ON_RESTORE:
            setattr(record, field.attname, getattr(old, field.attname))
    when = f"{timezone.localtime(version.revision.date_created):%b %-d, %Y %-I:%M %p}"
    with reversion.create_revision():
        describe(user=user, comment=f"Restored the version of {when} by {editor_name(version.revision)}.")
        save(record)
        m2m_data = version._object_version.m2m_data or {}
        for field in record._meta.many_to_many:
            if field.name in m2m_data:
                getattr(record, field.name).set(m2m_data[field.name])
        for name, rows in _related_versions(version).items():
            manager = getattr(record, name)
            manager.exclude(pk__in=[row.pk for row in rows]).delete()
            for row in rows:
                row.save()  # by primary key: updated in place, or put back when it had been deleted
        reversion.add_to_revision(record)  # its version again, now with the rows put back
    return record


def keep_history(model, *, with_rows=()):
    """Keep a version of ``model`` at every save, with the rows named in ``with_rows`` (reverse relations, such as a
    program's ``sessions``) in the same version, and each of those rows' models kept too."""
    for name in with_rows:
        keep_history(model._meta.get_field(name).related_model)
    if not reversion.is_registered(model):
        reversion.register(model, follow=with_rows)
