"""Where the shipped seed content lives and what it holds, and how a test database gets it.

Free of Django models at import time, so the tools can read the paths before Django is set up.
"""

import io
from pathlib import Path

from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent.parent
CONTENT_DIR = ROOT / "content"
ARTICLES_DIR = CONTENT_DIR / "articles"
PAGES_DIR = CONTENT_DIR / "pages"
PROGRAMS_DIR = CONTENT_DIR / "programs"

SEED_ARTICLE_SLUG = "balancing-work-and-recovery-with-an-intensive-outpatient-program"
SEED_ARTICLE_URL = f"/articles/{SEED_ARTICLE_SLUG}/"
SEED_ARTICLE_FILE = ARTICLES_DIR / f"{SEED_ARTICLE_SLUG}.md"
SEED_ARTICLE_TITLE = "Balancing Work and Recovery with an Intensive Outpatient Program"
PROGRAM_URL = "/programs/intensive-outpatient-program-sacramento/"

# The Spanish translations shipped beside their originals (each ``<name>.es.md``): the program and the content pages
# keep their English slugs and are published; the article's translation is a draft until a
# qualified reviewer has read it.
SPANISH_SEED_ARTICLE_SLUG = "como-equilibrar-el-trabajo-y-la-recuperacion-con-un-programa-ambulatorio-intensivo"
SPANISH_SEED_ARTICLE_FILE = ARTICLES_DIR / f"{SPANISH_SEED_ARTICLE_SLUG}.es.md"
SPANISH_PROGRAM_URL = f"/es{PROGRAM_URL}"
SPANISH_PAGE_URLS = [
    "/es/insurance-and-cost/",
    "/es/families/",
    "/es/about/",
    "/es/confidentiality/",
    "/es/accessibility/",
]


def load_seed_content():
    """Import content/pages, content/programs and content/articles exactly as `make content` does (Spanish
    translations included)."""
    call_command("import_pages", str(PAGES_DIR), stdout=io.StringIO())
    call_command("import_programs", str(PROGRAMS_DIR), stdout=io.StringIO())
    call_command("import_articles", str(ARTICLES_DIR), stdout=io.StringIO())
