"""The floor of a Django page for `make bench-peers`: a whole Django project in one module, one view.

Settings in code, DEBUG off, no apps, no middleware and no database: what Django itself costs to answer a request
(WSGI handler, URL resolution, a view, an HttpResponse) with a page about the size of ours (~20 KB of HTML, built
once). Served by gunicorn from our virtualenv exactly as our site is (tools/peer/bench.py):

    .venv/bin/python -m gunicorn --no-control-socket --workers 2 --bind 127.0.0.1:8702 tools.peer.bare_view:application

Never imported by the site or the tests: importing it configures Django.
"""

import secrets

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY=secrets.token_urlsafe(50),  # nothing is signed; Django only insists on having one
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=[],
    MIDDLEWARE=[],
)

PARAGRAPH = (
    "<p>Recovery is a process, not an event. Outpatient care lets people keep their work and family life while "
    "they attend group and individual sessions several times a week, with a care team that adjusts the plan.</p>\n"
)
PAGE_BYTES = 20_000
_head = "<!doctype html>\n<html lang=en><head><meta charset=utf-8><title>A bare Django page</title></head><body>\n"
_tail = "</body></html>\n"
PAGE = _head + PARAGRAPH * ((PAGE_BYTES - len(_head) - len(_tail)) // len(PARAGRAPH)) + _tail


def page(request):
    return HttpResponse(PAGE)


urlpatterns = [path("", page)]
application = get_wsgi_application()
