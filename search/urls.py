"""URLs of site search: the results page and the type-ahead. Included before pages' catch-all ``<slug>/``."""

from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("search/", views.results, name="results"),
    path("search/suggest/", views.suggest, name="suggest"),
]
