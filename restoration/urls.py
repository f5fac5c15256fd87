"""Project URLs. The pages app's catch-all ``<slug>/`` (old WordPress permalinks) comes last."""

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import TemplateView

from pages.sitemaps import sitemaps
from restoration.wellknown import security_txt

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    path("contact/", include("contact.urls")),
    path("", include("pages.urls")),
]

handler500 = "pages.views.server_error"
