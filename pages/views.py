"""Public views: home, articles, topics, people and the team, content pages, notices, the feed and the sitemap."""

import re

from django.conf import settings
from django.contrib.sitemaps.views import x_robots_tag
from django.contrib.sites.requests import RequestSite
from django.core.paginator import InvalidPage, Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.http import http_date
from django.utils.text import Truncator
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from center import civil_rights
from center.models import Notice, Payer, SiteSettings
from center.translation import visitor_text, words

from . import seo
from .cache import cache_public_page
from .language_assistance import TAGLINES
from .models import Article, ContentPage, Person, Program, Topic
from .self_check import SelfCheckForm
from .sitemaps import sitemaps

ARTICLES_PER_PAGE = 10
FEED_LENGTH = 20
HOME = (gettext_lazy("Home"), reverse_lazy("pages:home"))
ARTICLES = (gettext_lazy("Articles"), reverse_lazy("pages:article_list"))
TEAM = (gettext_lazy("Our team"), reverse_lazy("pages:team"))
# A page number as the site's own links spell it; int() would also take "02", "+2", " 2" and "٢".
PAGE_NUMBER = re.compile(r"[1-9][0-9]*")


def _last_modified(response, objects):
    """Send the newest ``updated_at`` among ``objects`` as Last-Modified (for conditional requests)."""
    dates = [obj.updated_at for obj in objects]
    if dates:
        response["Last-Modified"] = http_date(max(dates).timestamp())
    return response


@require_safe
@cache_public_page
def home(request):
    return render(
        request,
        "pages/home.html",
        {
            "latest_articles": Article.objects.published().in_language().prefetch_related("topics")[:3],
            "program": Program.objects.published().in_language().filter(slug=Program.MAIN_SLUG).first(),
        },
    )


def requested_page(request, items):
    """The page of ``items`` that ``?page=`` names (the first without it); 404 for a value that names no page.

    One spelling per page is also what keeps the page cache to one copy of each (pages/cache.py).
    """
    number = request.GET.get("page", "1")
    if not PAGE_NUMBER.fullmatch(number):
        raise Http404(gettext("No such page of this list."))
    try:
        return Paginator(items, ARTICLES_PER_PAGE).page(number)
    except InvalidPage:
        raise Http404(gettext("No such page of this list.")) from None


@require_safe
@cache_public_page(query_parameters=("page", "topic"))
def article_list(request):
    topic_slug = request.GET.get("topic")
    if topic_slug:  # the topic filter is the topic's own page, so each list has one address
        topic = get_object_or_404(Topic, slug=topic_slug)
        return redirect(topic)
    page = requested_page(request, Article.objects.published().in_language().prefetch_related("topics"))
    breadcrumbs = [HOME, ARTICLES]
    response = render(
        request,
        "pages/article_list.html",
        {
            "page_obj": page,
            "topics": Topic.objects.in_use(),
            "breadcrumbs": breadcrumbs,
            "jsonld": seo.web_page(request, "CollectionPage", ARTICLES[0], ARTICLES[0], breadcrumbs),
        },
    )
    return _last_modified(response, page)


def article_breadcrumbs(article):
    breadcrumbs = [HOME, ARTICLES]
    topics = list(article.topics.all())
    if topics:
        breadcrumbs.append((topics[0].name, topics[0].get_absolute_url()))
    return [*breadcrumbs, (article.title, article.get_absolute_url())]


def render_article(request, article, translations=None, preview=False):
    """The article page, for visitors or (``preview``) for staff looking at a draft; ``translations`` are its
    versions in each language ({language: article}) when the caller has them already."""
    if translations is None:
        translations = article.language_versions(public=not preview)
    with translation.override(article.language):  # a preview is at a staff address, which is in English
        breadcrumbs = article_breadcrumbs(article)
        response = render(
            request,
            "pages/article_detail.html",
            {
                "article": article,
                "translations": translations,
                "related_articles": article.related_articles(),
                "breadcrumbs": breadcrumbs,
                "jsonld": seo.article_page(request, article, breadcrumbs, SiteSettings.load()),
                "preview": preview,
            },
        )
    return _last_modified(response, [article])


def article_with_people():
    """Articles with what their page shows alongside: author, reviewer and topics (no query per item)."""
    return Article.objects.select_related("author", "reviewer").prefetch_related("topics")


@require_safe
@cache_public_page
def article_detail(request, slug):
    versions = article_with_people().public_versions(slug)
    article = versions.get(translation.get_language())
    if article is None:
        raise Http404(gettext("No article has this address."))
    return render_article(request, article, versions)


@require_safe
@cache_public_page
def article_feed(request):
    """RSS 2.0 feed of the newest published articles."""
    site = SiteSettings.load()
    feed = Rss201rev2Feed(
        title=gettext("%(site)s: articles") % {"site": site.name},
        link=request.build_absolute_uri(reverse("pages:article_list")),
        description=gettext("New articles on recovery and intensive outpatient treatment."),
        language=translation.get_language(),
        feed_url=request.build_absolute_uri(request.path),
    )
    for article in Article.objects.published().in_language().select_related("author")[:FEED_LENGTH]:
        feed.add_item(
            title=article.title,
            link=request.build_absolute_uri(article.get_absolute_url()),
            description=article.summary,
            pubdate=article.published_at,
            updateddate=article.updated_at,
            unique_id=request.build_absolute_uri(article.get_absolute_url()),
            author_name=article.author.name if article.author else site.name,
        )
    response = HttpResponse(content_type=feed.content_type)
    feed.write(response, "utf-8")
    return response


def topic_description(topic, site):
    """What search engines and link previews say of a topic's page: the editor's description when written in the
    page's language, else a sentence in that language."""
    description = visitor_text(topic, "description")
    if description and description.language == translation.get_language():
        return Truncator(description.text).chars(160)
    return gettext("Articles about %(topic)s from %(site)s in Sacramento, CA.") % {
        "topic": words(topic, "name"),
        "site": site.name,
    }


def person_description(person, site):
    """What search engines and link previews say of a person's (or team's) page: their bio, else who they are."""
    bio = visitor_text(person, "bio")
    if bio and bio.language == translation.get_language():
        return Truncator(bio.text).chars(160)
    facts = {"name": person.name_with_credentials, "role": words(person, "role"), "site": site.name}
    if person.on_team and facts["role"]:
        return gettext("%(name)s, %(role)s, on the team at %(site)s.") % facts
    if person.on_team:
        return gettext("%(name)s, on the team at %(site)s.") % facts
    return gettext("Articles written or reviewed by %(name)s for %(site)s.") % facts


@require_safe
@cache_public_page(query_parameters=("page",))
def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    page = requested_page(request, topic.articles.published().in_language().prefetch_related("topics"))
    topic_name = words(topic, "name")
    breadcrumbs = [HOME, ARTICLES, (topic_name, topic.get_absolute_url())]
    description = topic_description(topic, SiteSettings.load())
    response = render(
        request,
        "pages/topic_detail.html",
        {
            "topic": topic,
            "topic_name": topic_name,
            "description": description,
            "page_obj": page,
            "breadcrumbs": breadcrumbs,
            "jsonld": seo.web_page(request, "CollectionPage", topic_name, description, breadcrumbs),
        },
    )
    return _last_modified(response, page)


@require_safe
@cache_public_page
def person_detail(request, slug):
    """A team member's or writer's page, with what they wrote or reviewed (only for people with a public page)."""
    person = get_object_or_404(Person.objects.with_public_page(), slug=slug)
    published = Article.objects.published().in_language()
    parent = TEAM if person.on_team else ARTICLES
    breadcrumbs = [HOME, parent, (person.name, person.get_absolute_url())]
    description = person_description(person, SiteSettings.load())
    return render(
        request,
        "pages/person_detail.html",
        {
            "person": person,
            "description": description,
            "written": published.filter(author=person),
            "reviewed": published.filter(reviewer=person),
            "breadcrumbs": breadcrumbs,
            "jsonld": seo.profile_page(request, person, description, breadcrumbs),
        },
    )


TEAM_DESCRIPTION = gettext_lazy("The people who care for you here: their roles, licenses and backgrounds.")


@require_safe
@cache_public_page
def team_page(request):
    """Our team: the people on the team, in the order staff gave them, each linking to their own page."""
    people = list(Person.objects.on_team())
    breadcrumbs = [HOME, TEAM]
    return render(
        request,
        "pages/team.html",
        {
            "people": people,
            "description": TEAM_DESCRIPTION,
            "breadcrumbs": breadcrumbs,
            "jsonld": seo.team_page(request, people, TEAM_DESCRIPTION, breadcrumbs, SiteSettings.load()),
        },
    )


# What each notice is, in a sentence: the page's lead and its description for search engines. About the law,
# never about what the center's own notice says.
NOTICE_DESCRIPTIONS = {
    Notice.Kind.CLIENT_RIGHTS: gettext_lazy(
        "California law gives people treated for a substance use disorder a set of rights. It asks every treatment "
        "provider to make its client bill of rights available to clients and to people who may become clients."
    ),
    Notice.Kind.PRIVACY_PRACTICES: gettext_lazy(
        "Under HIPAA, a Notice of Privacy Practices tells you how your health information may be used and shared. "
        "It also tells you your rights over it, and a provider's duty to protect it."
    ),
    Notice.Kind.RECORDS_CONFIDENTIALITY: gettext_lazy(
        "Federal law (42 CFR Part 2) gives extra protection to records of treatment for a substance use disorder. "
        "Here is what that means for you, in plain words."
    ),
}


def requested_version(request, versions):
    """The version that ``?version=`` names by its effective date, as the page's own links spell it; else 404.

    Only versions already in effect can be named: one dated ahead is not shown before its day. One spelling per
    version also keeps the page cache to one copy of each (pages/cache.py).
    """
    value = request.GET["version"]
    for version in versions:
        if version.effective_on.isoformat() == value:
            return version
    raise Http404("No version of this notice took effect on that day.")


@require_safe
@cache_public_page(query_parameters=("version",))
def notice_page(request, kind):
    """A notice the center must make available: the version in effect (or, with ``?version=``, an earlier one) and
    the list of versions; until staff enter its text, how to get it from admissions.

    A page in a language the notice has no version in yet shows the center's English one, and says a copy in the
    page's language can be asked for.
    """
    versions = Notice.objects.shown_in(kind, translation.get_language())
    notice = versions[0] if versions else None
    if "version" in request.GET:
        notice = requested_version(request, versions)
        if notice == versions[0]:
            return redirect(request.path)  # the version in effect has one address: the notice's own
    # Newest first, each with the day the next one replaced it (none for the first: the one in effect).
    history = [(version, versions[i - 1].effective_on if i else None) for i, version in enumerate(versions)]
    title = Notice.Kind(kind).label
    breadcrumbs = [HOME, (title, request.path)]
    return render(
        request,
        "pages/notice_detail.html",
        {
            "kind": kind,
            "title": title,
            "description": NOTICE_DESCRIPTIONS[kind],
            "notice": notice,
            "is_earlier": notice is not None and notice != versions[0],
            "replaced_on": dict(history).get(notice),
            "versions": history,
            "breadcrumbs": breadcrumbs,
            "jsonld": seo.web_page(request, "WebPage", title, NOTICE_DESCRIPTIONS[kind], breadcrumbs),
        },
    )


@require_safe
@cache_public_page
def language_assistance(request):
    """Language assistance: free language help and how to ask for it, in English and in Spanish (the page's
    language first), and as HHS's taglines in the other languages it lists as most spoken in California."""
    title = gettext("Language assistance")
    summary = gettext("Free help in your language, and how to ask for it.")
    page_language = translation.get_language()
    breadcrumbs = [HOME, (title, request.path)]
    return render(
        request,
        "pages/language_assistance.html",
        {
            "title": title,
            "summary": summary,
            "statement_languages": [page_language, *(code for code, _ in settings.LANGUAGES if code != page_language)],
            "taglines": TAGLINES,
            "breadcrumbs": breadcrumbs,
            "jsonld": seo.web_page(request, "WebPage", title, summary, breadcrumbs),
        },
    )


@require_safe
@cache_public_page
def nondiscrimination(request):
    """The Notice of nondiscrimination (Section 1557, 45 CFR 92.10), while the center says it receives federal
    financial assistance: HHS's sample wording with the center's coordinator and grievance procedure, each detail a
    placeholder until staff enter it, and where to complain to HHS's Office for Civil Rights."""
    site = SiteSettings.load()
    if not site.publishes_nondiscrimination_notice:
        raise Http404(gettext("No page has this address."))
    title = gettext("Notice of nondiscrimination")
    summary = gettext("Your civil rights here, free help to communicate with us, and how to file a grievance.")
    breadcrumbs = [HOME, (title, request.path)]
    return render(
        request,
        "pages/nondiscrimination.html",
        {
            "title": title,
            "summary": summary,
            "ocr": civil_rights,
            "spanish_statement": civil_rights.SPANISH_STATEMENT.format(name=site.name),
            "breadcrumbs": breadcrumbs,
            "jsonld": seo.web_page(request, "WebPage", title, summary, breadcrumbs),
        },
    )


def render_content_page(request, page):
    breadcrumbs = [HOME, (page.title, page.get_absolute_url())]
    return render(
        request,
        "pages/content_page.html",
        {
            "page": page,
            "translations": page.language_versions(),
            "title": page.title,
            "summary": page.summary,
            "breadcrumbs": breadcrumbs,
            "jsonld": seo.web_page(request, "WebPage", page.title, page.summary, breadcrumbs),
        },
    )


@require_safe
@cache_public_page
def program_page(request, slug):
    """A program with the facts a patient weighs first; each one staff have not entered shows as a placeholder.

    A translation shows its original's numbers and schedule (``Program.facts_source``) beside its own words.
    """
    versions = Program.objects.select_related("translation_of").public_versions(slug)
    program = versions.get(translation.get_language())
    if program is None:
        raise Http404(gettext("No program has this address."))
    prefetch_related_objects([program.facts_source], "sessions")
    breadcrumbs = [HOME, (program.title, program.get_absolute_url())]
    return render(
        request,
        "pages/program_detail.html",
        {
            "program": program,
            "facts": program.facts_source,
            "translations": versions,
            "breadcrumbs": breadcrumbs,
            "jsonld": seo.program_page(request, program, breadcrumbs, SiteSettings.load()),
        },
    )


def render_page_with_facts(request, template, slug, title, summary, **facts):
    """A page of the center's facts with its editor's words: the content page ``slug``, while it is published.

    Without those words the page still stands, under ``title`` and ``summary``: the facts are what a visitor
    came for. The template places the words (the insurance page puts its plan list first).
    """
    page = ContentPage.objects.published().in_language().filter(slug=slug).first()
    if page:
        title, summary = page.title, page.summary
    breadcrumbs = [HOME, (title, request.path)]
    return render(
        request,
        template,
        {
            "page": page,
            "title": title,
            "summary": summary,
            "breadcrumbs": breadcrumbs,
            "jsonld": seo.web_page(request, "WebPage", title, summary, breadcrumbs),
            **facts,
        },
    )


@require_safe
@cache_public_page
def insurance(request):
    """Insurance and cost: the payers as staff last checked them, self-pay, and the right to a Good Faith Estimate."""
    return render_page_with_facts(
        request,
        "pages/insurance.html",
        "insurance-and-cost",
        gettext("Insurance and cost"),
        gettext(
            "The insurance plans we have checked, paying for treatment yourself, and your right to a Good Faith "
            "Estimate."
        ),
        payers=Payer.objects.all(),
    )


@require_safe
@cache_public_page
def families(request):
    """For families: how to help someone you love, what the center offers families, and where to find support."""
    return render_page_with_facts(
        request,
        "pages/families.html",
        "families",
        gettext("For families"),
        gettext(
            "How to help someone you love who is struggling with alcohol or drugs, and where to find support for "
            "yourself."
        ),
    )


SELF_CHECK_DESCRIPTION = gettext_lazy(
    "Three questions about drinking and one about drugs, from screening tests doctors use. Nothing you answer is saved."
)


# No CSRF token: the check changes nothing and keeps nothing, and its answer goes only to the browser that asked,
# so a forged post could learn nothing; without the token the page sets no cookie at all.
@csrf_exempt
@never_cache  # neither the shared page cache nor the browser keeps a page that may hold answers
@require_http_methods(["GET", "HEAD", "POST"])
def self_check(request):
    """The private self-check: the questions, or (after a POST) what the answers add up to. Nothing is stored,
    logged or counted; the answers live only in this request (pages/self_check.py)."""
    title = gettext("A private self-check on alcohol and drugs")
    breadcrumbs = [HOME, (title, request.path)]
    language = translation.get_language()
    form, result, status = SelfCheckForm(language=language), None, 200
    if request.method == "POST":
        answered = SelfCheckForm(request.POST, language=language)
        if answered.is_valid():
            result = answered.result()
        else:
            form, status = answered, 400
    context = {
        "form": form,
        "result": result,
        "title": title,
        "description": SELF_CHECK_DESCRIPTION,
        "breadcrumbs": breadcrumbs,
        "jsonld": seo.web_page(request, "WebPage", title, SELF_CHECK_DESCRIPTION, breadcrumbs),
    }
    return render(request, "pages/self_check.html", context, status=status)


@require_safe
@cache_public_page
def page_or_legacy_article(request, slug):
    """A top-level content page, or a 301 from an old WordPress permalink to its article."""
    page = ContentPage.objects.published().in_language().select_related("translation_of").filter(slug=slug).first()
    if page:
        return render_content_page(request, page)
    if Article.objects.published().in_language().filter(slug=slug).exists():
        return redirect("pages:article", slug=slug, permanent=True)
    raise Http404("No page or article has this address.")


@require_safe
@cache_public_page
@x_robots_tag
def sitemap_xml(request):
    """sitemap.xml for the host the request came to (Django's own view would use the sites framework's domain)."""
    site = RequestSite(request)
    urls = [url for sitemap in sitemaps.values() for url in sitemap().get_urls(site=site, protocol=request.scheme)]
    return TemplateResponse(request, "sitemap.xml", {"urlset": urls}, content_type="application/xml").render()
