"""Project URLs. The pages app's catch-all ``<slug>/`` (old WordPress permalinks) comes last."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from pages.views import sitemap_xml
from restoration.views import security_txt

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("sitemap.xml", sitemap_xml, name="sitemap"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    # English with no prefix, so no address the site had changes; Spanish under /es/.
    *i18n_patterns(
        path("contact/", include("contact.urls")),
        path("", include("search.urls")),
        path("", include("pages.urls")),
        prefix_default_language=False,
    ),
]
# Uploaded images in development only (static() adds nothing when DEBUG is off); see MEDIA_ROOT in settings.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "restoration.views.bad_request"
handler500 = "restoration.views.server_error"
