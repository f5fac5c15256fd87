"""URLs of the pages app. The catch-all ``<slug>/`` is included last by the project's urls."""

from django.urls import path

from center.models import Notice

from . import views

app_name = "pages"

urlpatterns = [
    path("", views.home, name="home"),
    path("programs/<slug:slug>/", views.program_page, name="program"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/feed/", views.article_feed, name="article_feed"),
    path("articles/<slug:slug>/", views.article_detail, name="article"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path("authors/<slug:slug>/", views.person_detail, name="person"),
    path("insurance-and-cost/", views.insurance, name="insurance"),
    path("families/", views.families, name="families"),
    path("team/", views.team_page, name="team"),
    path("self-check/", views.self_check, name="self-check"),
    path("language-assistance/", views.language_assistance, name="language-assistance"),
    path("nondiscrimination/", views.nondiscrimination, name="nondiscrimination"),
    # One page per kind of notice, at the address its value spells: pages:client-rights, …
    *(path(f"{kind.value}/", views.notice_page, {"kind": kind.value}, name=kind.value) for kind in Notice.Kind),
    path("<slug:slug>/", views.page_or_legacy_article, name="page"),
]
