"""``/.well-known/security.txt`` (RFC 9116): where to report a security problem, from the site settings.

Served here rather than in the pages app so it stays one small view; it reads the pages app's SiteSettings
through the app registry (the record's ``email`` is the contact).
"""

import datetime

from django.apps import apps
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

EXPIRES_AFTER = datetime.timedelta(days=180)  # RFC 9116 asks for less than a year


@require_safe
def security_txt(request):
    site = apps.get_model("pages", "SiteSettings").load()
    expires = (timezone.now() + EXPIRES_AFTER).replace(microsecond=0)
    lines = [
        f"Contact: mailto:{site.email}",
        f"Expires: {expires.astimezone(datetime.UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: en",
        f"Canonical: {request.build_absolute_uri()}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
