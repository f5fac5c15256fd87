"""Admin for site search: the synonyms editors keep, and the read-only reports over the anonymous search counts."""

from django.contrib import admin

from .models import SearchWithoutResults, Synonym, TopSearch


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    """The words site search treats as the same; a change applies to the next search."""

    list_display = ["terms", "language"]
    list_filter = ["language"]
    search_fields = ["terms"]


class SearchReportAdmin(admin.ModelAdmin):
    """A read-only report over the anonymous daily search counts, of queries enough searches made (k-anonymity)."""

    date_hierarchy = "day"
    list_filter = ["language", "day"]
    search_fields = ["query"]

    def get_queryset(self, request):
        return super().get_queryset(request).reportable()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(TopSearch)
class TopSearchAdmin(SearchReportAdmin):
    list_display = ["query", "language", "day", "searches", "searches_without_results"]
    ordering = ["-day", "-searches", "query"]


@admin.register(SearchWithoutResults)
class SearchWithoutResultsAdmin(SearchReportAdmin):
    """What visitors looked for and did not find: the content the site is missing."""

    list_display = ["query", "language", "day", "searches_without_results"]
    ordering = ["-day", "-searches_without_results", "query"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(searches_without_results__gt=0)
