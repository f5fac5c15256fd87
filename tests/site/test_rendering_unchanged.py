"""The speed-ups are invisible: a page built from the frame's cached fragments, and the contact form filled into its
once-rendered copy, read exactly as the same page rendered afresh (issue 18)."""

import re

import pytest
from django.utils import translation

from center.models import SiteSettings
from contact.forms import InquiryForm, form_markup, rendered_fields
from tests.support.page_types import FIXED_PAGES

# The page types, and a second content page after the About page: they share a view, not the menu's current item.
PAGES = [page for page in FIXED_PAGES for page in [page, *([("privacy", "/privacy/")] if page[0] == "about" else [])]]
# What differs from one request to the next by design: the CSRF token and the form's time-trap token.
PER_REQUEST = re.compile(r'(name="(?:csrfmiddlewaretoken|started)" value=)"[^"]*"')


def page(client, path):
    response = client.get(path)
    return response.status_code, PER_REQUEST.sub(r'\1"…"', response.content.decode())


@pytest.mark.django_db
def test_every_page_type_reads_the_same_from_the_frames_fragments_as_rendered_afresh(client, seeded, settings):
    settings.PAGE_CACHE_SECONDS = 0  # every page rendered, none answered from the page cache
    settings.FRAME_CACHE_SECONDS = 0
    afresh = {name: page(client, path) for name, path in PAGES}
    settings.FRAME_CACHE_SECONDS = 600
    # Every page type in turn, the fragments kept throughout: a fragment that varies on less than it shows (the
    # current menu item, the language) would surface on a later page as another page's.
    for round_ in ("filling the fragments", "from the fragments"):
        for name, path in PAGES:
            assert page(client, path) == afresh[name], f"{name} ({path}), {round_}"


@pytest.mark.django_db
def test_the_frame_shows_an_edit_on_the_very_next_page(client, seeded, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/about/")
    site = SiteSettings.load()
    site.phone = "(916) 555-0142"
    site.save()
    html = client.get("/about/").content.decode()
    # The header's call button, the footer and the call bar (the number is the site's, set by staff).
    assert html.count("(916) 555-0142") >= 3


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize(
    "initial",
    [
        {"source_page": ""},
        {"source_page": "/families/"},
        {"source_page": '/odd/"<path>&amp;'},  # escaped as Django escapes it
        {"source_page": "/", "inquiry_for": "loved_one", "insurance_check": True},
    ],
)
def test_a_blank_contact_form_reads_as_rendered_afresh_with_this_visitors_values(language, initial):
    with translation.override(language):
        form = InquiryForm(initial=initial)
        assert form_markup(form) == rendered_fields(form)
        # The copy is reused: a second visitor's values, not the first one's, are in theirs.
        another = InquiryForm(initial={**initial, "source_page": "/another/"})
        assert form_markup(another) == rendered_fields(another)
        assert form.initial["started"] not in form_markup(another)
