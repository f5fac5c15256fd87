"""Public views: home, articles, topics, content pages, search, and the branded error pages."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.views.decorators.http import require_safe

from .models import Article, ContentPage, Topic
from .search import MAX_QUERY_LENGTH, search_articles

ARTICLES_PER_PAGE = 10
PROGRAM_SLUG = "intensive-outpatient-program-sacramento"


@require_safe
def home(request):
    return render(
        request,
        "pages/home.html",
        {
            "latest_articles": Article.objects.published().prefetch_related("topics")[:3],
            "program": ContentPage.objects.published().filter(section=ContentPage.Section.PROGRAMS).first(),
        },
    )


@require_safe
def article_list(request):
    articles = Article.objects.published().prefetch_related("topics")
    page = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "pages/article_list.html", {"page_obj": page, "topics": Topic.objects.all()})


@require_safe
def article_detail(request, slug):
    article = get_object_or_404(Article.objects.published().prefetch_related("topics"), slug=slug)
    return render(request, "pages/article_detail.html", {"article": article})


@require_safe
def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    articles = topic.articles.published()
    page = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "pages/topic_detail.html", {"topic": topic, "page_obj": page})


@require_safe
def program_page(request, slug):
    page = get_object_or_404(ContentPage.objects.published(), section=ContentPage.Section.PROGRAMS, slug=slug)
    return render(request, "pages/content_page.html", {"page": page})


@require_safe
def page_or_legacy_article(request, slug):
    """A top-level content page, or a 301 from an old WordPress permalink to its article."""
    page = ContentPage.objects.published().filter(section=ContentPage.Section.TOP, slug=slug).first()
    if page:
        return render(request, "pages/content_page.html", {"page": page})
    if Article.objects.published().filter(slug=slug).exists():
        return redirect("pages:article", slug=slug, permanent=True)
    raise Http404("No page or article has this address.")


@require_safe
def search(request):
    query = " ".join(request.GET.get("q", "").split())
    truncated = len(query) > MAX_QUERY_LENGTH
    query = query[:MAX_QUERY_LENGTH]
    results = search_articles(query) if query else Article.objects.none()
    page = Paginator(results, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "search/results.html", {"query": query, "page_obj": page, "truncated": truncated})


def csrf_failure(request, reason=""):
    """A failed CSRF check, usually an expired form: the branded 403 page, never Django's debug text."""
    return render(request, "403.html", status=403)


def server_error(request):
    """The branded 500 page; rendered with the request so the crisis banner and phone show."""
    try:
        body = loader.render_to_string("500.html", request=request)
    except Exception:  # the page itself failed: fall back to the context-free template
        body = loader.render_to_string("500.html")
    return HttpResponseServerError(body)
