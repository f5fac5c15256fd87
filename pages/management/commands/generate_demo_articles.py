"""Create N realistic-looking demo articles, for benchmarks only (never run by `make run`).

Titles, summaries and bodies are assembled from phrases about recovery, with a fixed random seed so every run
makes the same articles. Each slug starts with "demo-" so they are easy to find and delete.
"""

import itertools
import random

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from pages import services
from pages.models import Article, Topic

SUBJECTS = [
    "cravings",
    "sleep",
    "family visits",
    "going back to work",
    "holidays",
    "stress at home",
    "anxiety",
    "evening routines",
    "weekends",
    "group therapy",
    "telling your employer",
    "money worries",
    "exercise",
    "nutrition",
    "relapse warning signs",
    "sober friendships",
    "parenting in recovery",
    "grief",
    "boredom",
    "social media",
    "shift work",
    "dating",
    "insurance questions",
    "medication",
    "outpatient schedules",
]
OPENINGS = [
    "How to Handle",
    "A Gentle Guide to",
    "Questions About",
    "Five Ways to Approach",
    "Planning Ahead for",
    "What to Know About",
    "Small Steps With",
    "Talking Honestly About",
]
CONTEXTS = [
    "in Early Recovery",
    "During Outpatient Treatment",
    "for Families",
    "After Treatment Ends",
    "When You Work Full Time",
    "in Your First Year",
    "With a Support Network",
    "",
]
SENTENCES = [
    "Many people find that {subject} feels different once they stop drinking or using.",
    "It helps to plan for {subject} before the moment arrives, not during it.",
    "Talk with your counselor about {subject}; you do not have to work it out alone.",
    "Keep a short note of what helped with {subject} last week, and what did not.",
    "Your support group has likely heard about {subject} before, so it is fine to bring it up.",
    "Regular meals, steady sleep and a daily check-in make {subject} easier to manage.",
    "If {subject} starts to feel overwhelming, call someone you trust and say so plainly.",
    "Recovery is not a straight line, and {subject} may take a few tries to get right.",
    "Families can help with {subject} by listening first and offering practical support.",
    "Write down three things you can do instead when {subject} comes up.",
]
HEADINGS = ["Why it matters", "What you can try", "When to ask for help", "A plan for this week"]
TOPIC_NAMES = ["Daily life", "Family", "Work", "Wellness", "Relapse prevention", "Treatment"]
# Small enough for SQLite's limit on query parameters when the batch is indexed (search/index.py).
BATCH_SIZE = 500


def demo_article(number, rng):
    """Field values for one demo article."""
    subject = rng.choice(SUBJECTS)
    title = " ".join(filter(None, [rng.choice(OPENINGS), subject.title(), rng.choice(CONTEXTS)]))
    sections = []
    for heading in rng.sample(HEADINGS, 3):
        paragraph = " ".join(sentence.format(subject=subject) for sentence in rng.sample(SENTENCES, 4))
        sections.append(f"## {heading}\n\n{paragraph}")
    body = "\n\n".join(sections) + "\n"
    summary = f"Practical, kind advice about {subject}: what to expect and what you can do."
    return {"title": f"{title} ({number})", "slug": f"demo-{number}", "summary": summary[:160], "body": body}


class Command(BaseCommand):
    help = "Create N demo articles for benchmarks (slugs start with demo-). Never part of the real content."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)

    def handle(self, *args, count, **options):
        if count < 1 or count > 100_000:
            raise CommandError("Give a number of articles between 1 and 100000.")
        rng = random.Random(6)  # noqa: S311 - demo text, the same articles every run
        topics = [Topic.objects.get_or_create(name=name, defaults={"slug": name.lower().replace(" ", "-")})[0]
                  for name in TOPIC_NAMES]  # fmt: skip
        start = Article.objects.filter(slug__startswith="demo-").count()
        numbers = range(start + 1, start + count + 1)
        # Every text first, then every topic: the order the random draws have always been made in, so a given
        # number of articles is the same articles, whichever version of this command made them.
        texts = [demo_article(number, rng) for number in numbers]
        topic_ids = [rng.choice(topics).pk for _ in numbers]
        now = timezone.now()
        with transaction.atomic():
            # One batch at a time from text to index: only one batch's HTML and index rows are ever held at once.
            for batch in itertools.batched(zip(numbers, texts, topic_ids, strict=True), BATCH_SIZE):
                self.create_batch(batch, now)
        self.stdout.write(f"Created {count} demo articles; they are in the search index.")

    def create_batch(self, batch, now):
        """Insert one batch of (number, text, topic id), with its topics, and put it in the search index."""
        articles = [
            Article(**fields, status=Article.Status.PUBLISHED, published_at=now - timezone.timedelta(hours=number))
            for number, fields, _ in batch
        ]
        services.add_published_articles(articles, [topic_id for _, _, topic_id in batch])
