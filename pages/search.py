"""Keyword search over published articles."""

from django.db.models import Q

from .models import Article

MAX_QUERY_LENGTH = 200


def search_articles(query):
    """Published articles matching every word of the query in the title, summary or body."""
    results = Article.objects.published()
    for word in query.split()[:20]:
        results = results.filter(Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word))
    return results
