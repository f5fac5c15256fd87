"""Small builders for test data, and where the real seed content lives."""

import datetime
from pathlib import Path

from django.utils import timezone

from pages.models import Article

BASE_DIR = Path(__file__).resolve().parent.parent
CONTENT_DIR = BASE_DIR / "content"
ARTICLES_DIR = CONTENT_DIR / "articles"
PAGES_DIR = CONTENT_DIR / "pages"

SEED_ARTICLE_SLUG = "balancing-work-and-recovery-with-an-intensive-outpatient-program"
SEED_ARTICLE_FILE = ARTICLES_DIR / f"{SEED_ARTICLE_SLUG}.md"
SEED_ARTICLE_TITLE = "Balancing Work and Recovery with an Intensive Outpatient Program"
PROGRAM_URL = "/programs/intensive-outpatient-program-sacramento/"


def make_article(**overrides):
    """A published article with a distinctive title; override any field."""
    fields = {
        "title": "Quokka Mornings in Recovery",
        "slug": "quokka-mornings-in-recovery",
        "summary": "A short summary about quokka mornings.",
        "body": "Some words about quokka mornings and steady routines.\n",
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(minutes=1),
    }
    fields.update(overrides)
    return Article.objects.create(**fields)


def write_content_file(folder, name, meta, body="A paragraph of body text.\n"):
    """Write a Markdown file with a front-matter block (``meta`` in order) and return its path."""
    lines = ["---", *(f"{key}: {value}" for key, value in meta.items()), "---", "", body]
    path = Path(folder) / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
