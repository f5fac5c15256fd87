"""Two app servers (A and B) sharing PostgreSQL and Redis behave as one site, proven over HTTP.

1. A user signed in through A (password and one-time code) is signed in on B with the same session cookie.
2. An article edited through A's admin is served fresh by B on the very next request (B's page cache warmed first).
3. The contact rate limit counts submissions made to A and B together.
4. Inquiries sent to both, with a notification worker per instance running at once: every staff email sent
   exactly once and every inquiry marked notified.

Uses a throwaway database on the machine's PostgreSQL and the machine's Redis (CLUSTER_POSTGRES_URL and
CLUSTER_REDIS_URL override them); the two instances start once for the module, in about 20 s.
"""

import re
import secrets
import time

import pytest

from tests.support.cluster import MACHINE_REDIS, cluster, create_superuser, throwaway_database
from tests.support.seed import SEED_ARTICLE_URL
from tests.support.servers import wait_for
from tests.support.visitor import Visitor, send_inquiries

pytestmark = pytest.mark.system

RATE_LIMIT = 3
INQUIRIES = 20
EDITOR = "scale-editor"
PASSWORD = secrets.token_urlsafe(16)


@pytest.fixture(scope="module")
def site():
    env = {
        "CONTACT_RATE_LIMIT": str(RATE_LIMIT),
        "DJANGO_TRUSTED_PROXIES": "127.0.0.1",
    }
    with (
        throwaway_database() as database_url,
        cluster(
            database_url, MACHINE_REDIS, extra_env=env, setup=lambda e: create_superuser(e, EDITOR, PASSWORD)
        ) as site,
    ):
        yield site


@pytest.fixture(scope="module")
def editor(site):
    """The editor's browser on A, signed in with the password and the code of a newly enrolled authenticator."""
    editor = Visitor(site.urls[0])
    editor.staff_sign_in(EDITOR, PASSWORD)
    return editor


def title_of(response):
    match = re.search(r"<h1[^>]*>(.*?)</h1>", response.text, re.DOTALL)
    return match.group(1).strip() if match else ""


def test_staff_sign_in_through_a_with_a_password_and_a_one_time_code(editor):
    response = editor.get("/admin/")
    assert response.status == 200, f"A answered {response.status} {response.location} for the admin"
    assert "Staff home" in response.text, "A's admin page is not the signed-in dashboard"


def test_an_article_edited_through_a_is_fresh_on_b_at_once(site, editor):
    """An editor changes the article's title through A; B's next answer carries it."""
    b = Visitor(site.urls[1])
    old_title = title_of(b.get(SEED_ARTICLE_URL))
    for _ in range(2):  # the second request is answered from the page cache
        warm = b.get(SEED_ARTICLE_URL)
    assert warm.status == 200 and title_of(warm) == old_title, f"B answered {warm.status} before the edit"
    assert b.get("/articles/").text.count(old_title) >= 1, "the article list on B lacks the article"

    changelist = editor.get("/admin/pages/article/")
    # The seed article's own row: the list also holds its Spanish translation (a draft, listed first on PostgreSQL).
    change_url = re.search(rf'href="(/admin/pages/article/\d+/change/)[^"]*">{re.escape(old_title)}<', changelist.text)
    change_url = change_url.group(1)
    new_title = f"{old_title} (edited {secrets.token_hex(3)})"
    # The seed article has no medical reviewer yet: saving it published asks the editor to confirm, as they do here.
    confirmed = {"title": new_title, "publish_without_medical_review": "on", "_save": "Save"}
    saved = editor.submit(change_url, "title", confirmed)
    assert saved.status == 302, f"saving the change form through A answered {saved.status}, not a redirect"

    fresh = b.get(SEED_ARTICLE_URL)
    assert title_of(fresh) == new_title, f"B still serves {title_of(fresh)!r} after the edit through A"
    assert new_title in b.get("/articles/").text, "B's article list still shows the old title"


def test_the_session_from_a_is_valid_on_b(site, editor):
    """The session cookie from A opens the admin on B (not a redirect to the login page)."""
    on_b = editor.on(site.urls[1])
    response = on_b.get("/admin/")
    assert response.status == 200, f"B answered {response.status} {response.location} for the admin"
    assert "Staff home" in response.text, "B's admin page is not the signed-in dashboard"


def test_the_contact_rate_limit_counts_a_and_b_together(site):
    """Alternating A and B from one address: the first RATE_LIMIT are stored, the next is refused with 429."""
    urls = site.urls
    address = "198.51.100.77"
    responses = send_inquiries(
        [(Visitor(urls[number % 2], forwarded_for=address), f"rate-{number}") for number in range(RATE_LIMIT + 1)]
    )
    statuses = [response.status for response in responses]
    assert statuses == [302] * RATE_LIMIT + [429], f"statuses alternating A/B: {statuses}"
    assert "received several messages" in responses[-1].text, "the 429 answer is not the friendly rate-limit page"


def test_each_staff_email_is_sent_exactly_once_with_a_worker_on_each_instance(site):
    """INQUIRIES inquiries over A and B; both workers running; each email exactly once, every row notified (the
    rate-limit test's inquiries too, when it ran first)."""
    senders = [
        (Visitor(site.urls[number % 2], forwarded_for=f"203.0.113.{number + 1}"), number) for number in range(INQUIRIES)
    ]
    statuses = [response.status for response in send_inquiries(senders)]
    assert statuses == [302] * INQUIRIES, f"submissions answered {statuses}"

    def all_notified():
        with site.database() as db:
            total, notified = db.execute("SELECT count(*), count(notified_at) FROM contact_inquiry").fetchone()
        return total if total == notified and len(site.inbox.subjects) >= total else None

    total = wait_for(all_notified, timeout=30)
    with site.database() as db:
        ids = [pk for (pk,) in db.execute("SELECT id FROM contact_inquiry ORDER BY id")]
        attempts = db.execute("SELECT max(notify_attempts) FROM contact_inquiry").fetchone()[0]
    time.sleep(1.5)  # three more worker passes: a duplicate would arrive now
    subjects = sorted(site.inbox.subjects)
    expected = sorted(f"New inquiry #{pk}" for pk in ids)
    assert total, f"not every inquiry was notified within 30 s ({len(subjects)} emails for {len(ids)} rows)"
    assert subjects == expected, f"emails differ from rows: {len(subjects)} emails for {len(ids)} rows"
    assert attempts == 1, f"an email needed {attempts} attempts"
