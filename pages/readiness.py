"""What the content still lacks before the site goes live: the facts of each program, the team, medical review,
translations awaiting a qualified reviewer and reviews come due (checks of the center's readiness,
center/readiness.py)."""

from django.utils import timezone

from center.readiness import AdminPage, Item, admin_page, readiness_check
from center.translation import language_name

from . import translation_sync
from .models import Article, ContentPage, Person, Program

PROGRAM_FACTS = {
    "level_of_care": "the ASAM level of care",
    "service_category": "the DHCS service category",
    "hours_per_week": "the hours per week",
    "length_weeks": "the typical length",
    "suited_to": "who it is for",
    "not_suited_to": "who it is not for",
    "first_day": "what happens on the first day",
    "what_to_bring": "what to bring",
}


# What a program's translation writes in its own language; the other facts and the schedule are the original's.
PROGRAM_TEXT_FACTS = ("suited_to", "not_suited_to", "first_day", "what_to_bring")


def _program_gaps():
    gaps = []
    for program in Program.objects.published().filter(translation_of=None).prefetch_related("sessions"):
        missing = [label for field, label in PROGRAM_FACTS.items() if getattr(program, field) in (None, "")]
        if not program.sessions.all():
            missing.append("the session schedule")
        if missing:
            url = admin_page("pages_program_change", program.pk)
            gaps.append(Item("Programs", f"{program.title}: {', '.join(missing)} not yet given.", url))
    return gaps


def _program_translation_warnings():
    """A published translation whose own text facts are empty: its page shows placeholders in their place."""
    warnings = []
    for program in Program.objects.published().exclude(translation_of=None):
        missing = [PROGRAM_FACTS[field] for field in PROGRAM_TEXT_FACTS if not getattr(program, field)]
        if missing:
            message = (
                f"{program.title} ({language_name(program.language)}): {', '.join(missing)} not yet given in "
                f"{language_name(program.language)}; its page shows a placeholder for each."
            )
            warnings.append(Item("Programs", message, admin_page("pages_program_change", program.pk)))
    return warnings


def _translation_review_warnings():
    """Translated articles waiting, as drafts, for a qualified reviewer before they may be published."""
    warnings = []
    for article in Article.objects.translations_awaiting_review().select_related("translation_of"):
        language = language_name(article.language)
        message = (
            f"“{article.title}”, the {language} translation of “{article.translation_of.title}”, is a draft awaiting "
            f"a qualified reviewer: a credentialed clinician who reads {language} must check it, and be entered as "
            "its medical reviewer, before it is published."
        )
        warnings.append(Item("Translations", message, admin_page("pages_article_change", article.pk)))
    return warnings


def _people_gaps():
    gaps = []
    if not Person.objects.on_team().exists():
        gaps.append(Item("Our team", "No one is shown on the “Our team” page.", admin_page("pages_person_changelist")))
    published = Article.objects.published()
    unreviewed = published.filter(reviewer__isnull=True) | published.with_uncredentialed_reviewer()
    for article in unreviewed.select_related("reviewer"):
        reviewer = article.reviewer
        if reviewer:
            why = f"is reviewed by {reviewer.name}, who has no license or credential"
        else:
            why = "has no medical reviewer"
        gaps.append(Item("Articles", f"“{article.title}” {why}.", admin_page("pages_article_change", article.pk)))
    return gaps


@readiness_check
def program_items(today):
    """A published program lacking a fact (a gap); a translation lacking its own words for one (a warning)."""
    return _program_gaps(), _program_translation_warnings()


@readiness_check
def people_items(today):
    """No one on the team page, an article without a credentialed reviewer (gaps); a translation awaiting one."""
    return _people_gaps(), _translation_review_warnings()


def _review_due_warnings(today):
    """Each published article and page past its review interval, with the reviewer to ask."""
    warnings = []
    for model, change_page in ((Article, "pages_article_change"), (ContentPage, "pages_contentpage_change")):
        for item in model.objects.published().select_related("reviewer").order_by("pk"):
            if not item.review_overdue(today):
                continue
            if item.last_reviewed_at:
                since = f"was last reviewed on {item.last_reviewed_at:%B %-d, %Y}"
            else:
                published_on = timezone.localdate(item.published_at)
                since = f"has not been reviewed since it was published on {published_on:%B %-d, %Y}"
            if item.reviewer:
                ask = f"ask {item.reviewer.name_with_credentials} to review it again"
            else:
                ask = "no reviewer is named: choose one and ask them to review it"
            message = (
                f"“{item.title}” {since}; a review is due every {item.review_interval_months} months: {ask}, "
                "then enter the date of the review."
            )
            warnings.append(Item("Review due", message, admin_page(change_page, item.pk)))
    return warnings


@readiness_check
def review_items(today):
    """Articles and pages whose review is overdue (warnings: the site may go live, but someone must look)."""
    return [], _review_due_warnings(today)


@readiness_check
def translations_behind_items(today):
    """A translation whose original's text changed since it was made from it (a warning), linked to the changes."""
    warnings = []
    for state in translation_sync.translations_behind():
        translation, original = state.translation, state.translation.translation_of
        message = (
            f"“{translation.title}” ({language_name(translation.language)}) is behind its original: "
            f"“{original.title}” changed since the version it was translated from. See what changed."
        )
        page = AdminPage(
            translation_sync.changes_url(state), f"{translation._meta.app_label}.change_{translation._meta.model_name}"
        )
        warnings.append(Item("Translations", message, page))
    return [], warnings
