"""The search results page and the type-ahead JSON.

Neither is ever stored by a browser or a shared cache: what someone searches for can be about their own health.
"""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from pages.models import Topic

from .analytics import record_search
from .query import MAX_QUERY_LENGTH, about_someone_else
from .results import reading_for_families, results_for, suggest_titles

RESULTS_PER_PAGE = 10
SUGGESTED_TOPICS = 6


@require_safe
@never_cache
def results(request):
    """The results page: ranked, highlighted matches among the published articles and pages in the page's language."""
    query = " ".join(request.GET.get("q", "").replace("\x00", " ").split())
    truncated = len(query) > MAX_QUERY_LENGTH
    query = query[:MAX_QUERY_LENGTH]
    language = request.LANGUAGE_CODE  # the address gives it: /es/search/ searches the Spanish entries
    answer = results_for(query, exact=request.GET.get("exact") == "1", language=language)
    page = Paginator(answer.results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    found = page.paginator.count > 0
    if request.GET.get("page", "1") == "1":  # later pages of the same search are not another search
        record_search(request, query, found=found, language=language)
    someone_else = not found and about_someone_else(query, language)
    context = {
        "query": query,
        "page_obj": page,
        "truncated": truncated,
        "max_query_length": MAX_QUERY_LENGTH,
        "has_words": bool(answer.results.words),
        "corrected": answer.corrected,
        "suggestion": answer.suggestion,
        "more_results": answer.results.ranking.more,
        "suggested_topics": Topic.objects.in_use()[:SUGGESTED_TOPICS] if not found else (),
        "about_someone_else": someone_else,
        "family_reading": reading_for_families(language) if someone_else else (),
    }
    return render(request, "search/results.html", context)


@require_safe
@never_cache
def suggest(request):
    """Type-ahead: at most five published titles in the page's language containing every word typed, as JSON."""
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH]
    return JsonResponse({"suggestions": suggest_titles(query, language=request.LANGUAGE_CODE)})
