"""Reads Markdown files with a front-matter block (the fields are listed in README.md, "Import").

Parsing and validation happen before anything is written, so a bad file is rejected
whole with a message naming the file and the field.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from center.models import SiteSettings

from . import images, services
from .models import Article, ContentPage, Person, Program, Publishable, Topic

# Every kind of item may be a translation: ``language`` (en, es) and ``translation_of`` (the original's slug).
TRANSLATION_KEYS = {"language", "translation_of"}
ARTICLE_KEYS = {
    "title", "slug", "summary", "topic", "topics", "published", "status",
    "author", "reviewer", "reviewed", "hero_image", "hero_image_alt", *TRANSLATION_KEYS,
}  # fmt: skip
PAGE_KEYS = {"title", "slug", "summary", "status", *TRANSLATION_KEYS}
# A program's facts about the center (level of care, hours, schedule…) are the center's to enter in the admin.
PROGRAM_KEYS = PAGE_KEYS
SUMMARY_MAX = 160


class SourceFileError(ValueError):
    """A content file that cannot be imported; the message names the file and the field."""


@dataclass
class SourceFile:
    """One Markdown file as read: where it came from, its front-matter fields and its body."""

    path: Path
    meta: dict
    body: str


def parse_source_file(path, allowed_keys=None):
    """Split a file into its front matter (``key: value`` lines) and its Markdown body.

    With ``allowed_keys``, a field not among them is refused.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceFileError(f"{path}: cannot be read as UTF-8 text ({exc})") from exc
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise SourceFileError(f"{path}: must start with a front-matter block between '---' lines")
    try:
        end = lines.index("---", 1)
    except ValueError:
        raise SourceFileError(f"{path}: the front-matter block is not closed with '---'") from None
    meta = {}
    for number, line in enumerate(lines[1:end], start=2):
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        key = key.strip()
        if not sep:
            raise SourceFileError(f"{path}, line {number}: expected 'key: value'")
        if allowed_keys is not None and key not in allowed_keys:
            raise SourceFileError(f"{path}, line {number}: unknown field '{key}'")
        meta[key] = value.strip()
    body = "\n".join(lines[end + 1 :]).strip() + "\n"
    return SourceFile(path=path, meta=meta, body=body)


def _validate_common(content):
    meta, path = content.meta, content.path
    for key in ("title", "slug", "summary"):
        if not meta.get(key):
            raise SourceFileError(f"{path}: field '{key}' is required")
    if meta["slug"] != slugify(meta["slug"]):
        raise SourceFileError(f"{path}: field 'slug' must be lowercase letters, digits and hyphens")
    if len(meta["summary"]) > SUMMARY_MAX:
        raise SourceFileError(f"{path}: field 'summary' is {len(meta['summary'])} characters; at most {SUMMARY_MAX}")
    status = meta.get("status", Publishable.Status.PUBLISHED)
    if status not in Publishable.Status.values:
        raise SourceFileError(f"{path}: field 'status' must be 'published' or 'draft'")
    if not content.body.strip():
        raise SourceFileError(f"{path}: the body after the front matter is empty")
    if meta.get("language", settings.LANGUAGE_CODE) not in dict(settings.LANGUAGES):
        codes = " or ".join(f"'{code}'" for code, _ in settings.LANGUAGES)
        raise SourceFileError(f"{path}: field 'language' must be {codes}")


def _language(content):
    return content.meta.get("language", settings.LANGUAGE_CODE)


def _original(model, content):
    """The item ``translation_of`` names: an original of the same kind, in another language; None for an original.

    Read before anything is written, so a translation whose original is missing is refused whole.
    """
    slug = content.meta.get("translation_of", "")
    if not slug:
        return None
    language = _language(content)
    kind = model._meta.verbose_name
    original = model.objects.filter(slug=slug, translation_of=None).exclude(language=language).first()
    if original is None:
        raise SourceFileError(
            f"{content.path}: field 'translation_of' must be the slug of an original {kind} in another language "
            f"than '{language}'; there is none with the slug '{slug}'"
        )
    taken = original.translations.filter(language=language).exclude(slug=content.meta["slug"]).first()
    if taken is not None:
        raise SourceFileError(
            f"{content.path}: field 'translation_of': '{slug}' already has a translation in '{language}', "
            f"'{taken.slug}'"
        )
    return original


def _date(content, key):
    raw = content.meta.get(key)
    if not raw:
        return None
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise SourceFileError(f"{content.path}: field '{key}' must be a date like 2025-01-31") from None


def _published_at(content):
    day = _date(content, "published")
    return day and timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def _person(content, key):
    """The Person named in ``key`` ("Name, Credentials", split at the first comma), reused by name if known.

    "Editorial team, <the center's name>" names one of the center's own teams: an organization, with no credentials.
    """
    raw = content.meta.get(key, "")
    if not raw:
        return None
    name, _, credentials = (part.strip() for part in raw.partition(","))
    if not slugify(name):
        raise SourceFileError(f"{content.path}: field '{key}' must start with a name, like 'Jane Doe, LMFT'")
    # Read, not loaded: importing content must not create the site-settings record staff have yet to fill in.
    center_name = SiteSettings.objects.filter(pk=1).values_list("name", flat=True).first() or SiteSettings().name
    is_team = credentials == center_name
    person, _ = Person.objects.get_or_create(
        slug=slugify(name),
        defaults={"name": name, "credentials": "" if is_team else credentials, "is_organization": is_team},
    )
    return person


def _file_inside(folder, relative):
    """``folder / relative`` with ``..`` and symlinks resolved, if that is a file in ``folder`` or below it; else None.

    An absolute ``relative`` replaces the folder, so it is inside only if it names a file there.
    """
    try:
        folder = folder.resolve()
        path = (folder / relative).resolve()
        return path if path.is_relative_to(folder) and path.is_file() else None
    except (OSError, ValueError, RuntimeError):  # a name too long, a NUL byte, a symlink loop
        return None


def _hero_image(content):
    """The hero image named in the front matter (a path relative to the file), validated and cleaned, or None.

    The picture must be a file in the imported file's folder or below it, after resolving ``..`` and symlinks.
    Every path refused gets the same message, so an import cannot tell whether something exists elsewhere.
    """
    raw = content.meta.get("hero_image", "")
    if not raw:
        return None
    if not content.meta.get("hero_image_alt"):
        raise SourceFileError(f"{content.path}: field 'hero_image_alt' is required when 'hero_image' is given")
    refused = SourceFileError(
        f"{content.path}: field 'hero_image' must be a picture file inside the folder of {content.path.name}"
    )
    path = _file_inside(content.path.parent, raw)
    if path is None:
        raise refused
    try:
        with path.open("rb") as stream:
            return images.clean_image_upload(File(stream, name=path.name))
    except OSError:
        raise refused from None
    except ValidationError as exc:
        raise SourceFileError(f"{content.path}: field 'hero_image': {' '.join(exc.messages)}") from None


def _same_file(field_file, new_file):
    if not field_file:
        return False
    with field_file.open("rb") as stored:
        return stored.read() == new_file.read()


def _upsert(model, lookup, values):
    """Create or update by ``lookup``, saving only when something changed (so dates stay honest).

    Returns the object and what happened: "created", "updated" or "unchanged".
    """
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        services.save(obj)
        return obj, "created"
    if all(getattr(obj, key) == value for key, value in values.items()):
        return obj, "unchanged"
    for key, value in values.items():
        setattr(obj, key, value)
    services.save(obj)
    return obj, "updated"


@transaction.atomic
@reversion.create_revision()  # one version of the article with its topics, set after its save
def import_article(path):
    """Create or update one article by language and slug; returns ``(article, what_happened)``."""
    content = parse_source_file(path, ARTICLE_KEYS)
    _validate_common(content)
    meta = content.meta
    published_at = _published_at(content)
    reviewed = _date(content, "reviewed")
    if meta.get("reviewer") and not reviewed:
        raise SourceFileError(f"{content.path}: field 'reviewed' (the date of the review) is required with 'reviewer'")
    hero_image = _hero_image(content)
    original = _original(Article, content)
    # Everything above only reads; writing starts here, inside the transaction.
    topic_names = [name.strip() for name in meta.get("topics", meta.get("topic", "")).split(",") if name.strip()]
    defaults = {
        "title": meta["title"],
        "summary": meta["summary"],
        "body": content.body,
        "status": meta.get("status", Publishable.Status.PUBLISHED),
        "hero_image_alt": meta.get("hero_image_alt", ""),
        "author": _person(content, "author"),
        "reviewer": _person(content, "reviewer"),
        "last_reviewed_at": reviewed,
        "translation_of": original,
    }
    if published_at:
        defaults["published_at"] = published_at
    article, outcome = _upsert(Article, {"language": _language(content), "slug": meta["slug"]}, defaults)
    if hero_image and not _same_file(article.hero_image, hero_image):
        article.hero_image = hero_image
        services.save(article)
        outcome = "updated" if outcome == "unchanged" else outcome
    topics = [Topic.objects.get_or_create(slug=slugify(name), defaults={"name": name})[0] for name in topic_names]
    if set(article.topics.all()) != set(topics):
        article.topics.set(topics)
        outcome = "updated" if outcome == "unchanged" else outcome
    return article, outcome


def _import_publishable(model, path, keys):
    content = parse_source_file(path, keys)
    _validate_common(content)
    original = _original(model, content)
    return _upsert(
        model,
        {"language": _language(content), "slug": content.meta["slug"]},
        {
            "title": content.meta["title"],
            "summary": content.meta["summary"],
            "body": content.body,
            "status": content.meta.get("status", Publishable.Status.PUBLISHED),
            "translation_of": original,
        },
    )


@transaction.atomic
def import_page(path):
    """Create or update one content page by language and slug; returns ``(page, what_happened)``."""
    return _import_publishable(ContentPage, path, PAGE_KEYS)


@transaction.atomic
def import_program(path):
    """Create or update one program's text by language and slug; its facts stay as staff entered them."""
    return _import_publishable(Program, path, PROGRAM_KEYS)


def markdown_files(paths):
    """Expand directories to the ``*.md`` files in them (README.md excluded), sorted, translations last.

    A translation names its original, which must exist when it is imported, whatever the files are called.
    """
    files = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(p for p in path.glob("*.md") if p.name != "README.md"))
        else:
            files.append(path)
    return sorted(files, key=_is_translation)  # a stable sort: the order within each group stays


def _is_translation(path):
    """Whether the file's front matter names an original; a file that cannot be read is imported (and reported)
    with the originals."""
    try:
        return bool(parse_source_file(path).meta.get("translation_of"))
    except SourceFileError:
        return False
