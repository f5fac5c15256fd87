"""Contact-form submissions and inquiry rows for tests, and the admissions inbox they are worked in."""

import concurrent.futures
import time

from django.db import connection
from django.test import Client
from django.utils import timezone

from contact.models import Inquiry
from contact.spam import time_trap_token

SCRIPT = '<script>alert("x")</script>'
LIST_URL = "/admin/contact/inquiry/"
SEARCH_URL = LIST_URL + "search/"


def form_data(**overrides):
    """A valid form submission, as a browser would send it, started a minute ago."""
    data = {
        "name": "Jordan Quill",
        "email": "jordan.quill@example.com",
        "phone": "916 555 0142",
        "preferred_contact": "phone",
        "voicemail_ok": "",
        "best_time": "evening",
        "inquiry_for": "myself",
        "program": "iop",
        "message": "I would like to ask about evening groups.",
        "consent": "on",
        "source_page": "/articles/some-article/",
        "website": "",
        "started": time_trap_token(time.time() - 60),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def post_all_at_once(forms):
    """Post each form to /contact/ from a thread of its own, all at the same time; their status codes, sorted."""

    def post(data):
        try:
            return Client().post("/contact/", data).status_code
        finally:
            connection.close()  # the test client leaves each thread's database connection open

    with concurrent.futures.ThreadPoolExecutor(len(forms)) as pool:
        return sorted(pool.map(post, forms))


def make_inquiry(**overrides):
    fields = {
        "name": "Jordan Quill",
        "email": "jordan.quill@example.com",
        "phone": "(916) 555-0142",
        "preferred_contact": "phone",
        "inquiry_for": "myself",
        "message": "Evening groups?",
        "consent": True,
        "source_page": "/articles/some-article/",
        "notify_next_attempt_at": timezone.now(),
    }
    fields.update(overrides)
    fields.setdefault("preferred_language", fields.get("language", "en"))
    return Inquiry.objects.create(**fields)


def change_url(inquiry):
    return f"{LIST_URL}{inquiry.pk}/change/"


def search(client, term, **filters):
    """Type ``term`` into the inbox's search box and send it, as staff do; follows to the list it answers with."""
    return client.post(SEARCH_URL, {"q": term, **filters}, follow=True)


def fill_the_form(page):
    """Fill the contact form in a browser as a visitor asking about a loved one, by text, in the evening."""
    page.get_by_label("Your name").fill("Robin Alder")
    page.get_by_label("Email address").fill("robin.alder@example.com")
    page.get_by_label("Phone number").fill("916 555 0148")
    page.get_by_label("Text message").check()
    page.get_by_label("Evening").check()
    page.get_by_label("A loved one").check()
    page.get_by_label("Intensive Outpatient Program (IOP)").check()
    page.get_by_label("Anything you’d like us to know (optional)").fill("Asking for my brother.")
    page.get_by_label("I agree that the admissions team").check()
