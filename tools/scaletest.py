"""make scale-test: two app servers (A and B) sharing PostgreSQL and Redis behave as one site, proven over HTTP.

1. An article edited through A's admin is served fresh by B on the very next request (B's page cache warmed first).
2. A user signed in through A (password and one-time code) is signed in on B with the same session cookie.
3. The contact rate limit counts submissions made to A and B together.
4. Inquiries sent to both, with a notification worker per instance running at once: every staff email sent
   exactly once and every inquiry marked notified.

Uses a throwaway database on the machine's PostgreSQL and the machine's Redis (CLUSTER_POSTGRES_URL and
CLUSTER_REDIS_URL override them). Prints one PASS/FAIL line per check; exits 1 if any failed.
"""

import re
import secrets
import sys
import time
import traceback

from tools.cluster import MACHINE_REDIS, cluster, create_superuser, throwaway_database
from tools.prodserver import wait_for
from tools.visitor import Visitor

RATE_LIMIT = 3
INQUIRIES = 20
EDITOR = "scale-editor"
ARTICLE = "/articles/balancing-work-and-recovery-with-an-intensive-outpatient-program/"


def title_of(response):
    match = re.search(r"<h1[^>]*>(.*?)</h1>", response.text, re.DOTALL)
    return match.group(1).strip() if match else ""


def check_staff_sign_in(editor, password):
    """The editor signs in through A's admin login: password, then the code of a newly enrolled authenticator."""
    editor.staff_sign_in(EDITOR, password)
    return "password, then a TOTP code from the enrolled authenticator; verified admin session on A"


def check_edit_is_fresh_everywhere(b, editor):
    """An editor changes the article's title through A; B's next answer carries it."""
    old_title = title_of(b.get(ARTICLE))
    for _ in range(2):  # the second request is answered from the page cache
        warm = b.get(ARTICLE)
    assert warm.status == 200 and title_of(warm) == old_title, f"B answered {warm.status} before the edit"
    assert b.get("/articles/").text.count(old_title) >= 1, "the article list on B lacks the article"

    changelist = editor.get("/admin/pages/article/")
    change_url = re.search(r'href="(/admin/pages/article/\d+/change/)"', changelist.text).group(1)
    new_title = f"{old_title} (edited {secrets.token_hex(3)})"
    saved = editor.submit(change_url, "title", {"title": new_title, "_save": "Save"})
    assert saved.status == 302, f"saving the change form through A answered {saved.status}, not a redirect"

    fresh = b.get(ARTICLE)
    assert title_of(fresh) == new_title, f"B still serves {title_of(fresh)!r} after the edit through A"
    assert new_title in b.get("/articles/").text, "B's article list still shows the old title"
    return f"title changed through A's admin; B's next request served it (was warm with {old_title!r})"


def check_session_is_shared(urls, editor):
    """The session cookie from A opens the admin on B (not a redirect to the login page)."""
    on_b = editor.on(urls[1])
    response = on_b.get("/admin/")
    assert response.status == 200, f"B answered {response.status} {response.location} for the admin"
    assert "Site administration" in response.text, "B's admin page is not the signed-in dashboard"
    return "signed in through A (password + one-time code); B's admin answered 200 with the same cookie"


def check_rate_limit_is_shared(urls):
    """Alternating A and B from one address: the first RATE_LIMIT are stored, the next is refused with 429."""
    address = "198.51.100.77"
    statuses = []
    for number in range(RATE_LIMIT + 1):
        response = Visitor(urls[number % 2], forwarded_for=address).send_inquiry(f"rate-{number}")
        statuses.append(response.status)
        last = response
    assert statuses == [302] * RATE_LIMIT + [429], f"statuses alternating A/B: {statuses}"
    assert "received several messages" in last.text, "the 429 answer is not the friendly rate-limit page"
    return f"alternating A/B from one address: {statuses} (limit {RATE_LIMIT})"


def check_notifications_once(site):
    """INQUIRIES inquiries over A and B; both workers running; each email exactly once, every row notified."""
    statuses = [
        Visitor(site.urls[number % 2], forwarded_for=f"203.0.113.{number + 1}").send_inquiry(number).status
        for number in range(INQUIRIES)
    ]
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
    return f"{len(ids)} rows (incl. the rate-limit ones), {len(subjects)} emails, each exactly once, 1 attempt each"


def main():
    started = time.monotonic()
    password = secrets.token_urlsafe(16)
    env = {
        "CONTACT_RATE_LIMIT": str(RATE_LIMIT),
        "CONTACT_FORM_MIN_SECONDS": "0",
        "DJANGO_TRUSTED_PROXIES": "127.0.0.1",
    }
    failures = 0
    with (
        throwaway_database() as database_url,
        cluster(
            database_url, MACHINE_REDIS, extra_env=env, setup=lambda e: create_superuser(e, EDITOR, password)
        ) as site,
    ):
        print(f"Two instances: A {site.urls[0]}, B {site.urls[1]} (started in {time.monotonic() - started:.0f} s)")
        b = Visitor(site.urls[1])
        editor = Visitor(site.urls[0])
        checks = [
            ("staff sign-in through A", lambda: check_staff_sign_in(editor, password)),
            ("article edited through A is fresh on B", lambda: check_edit_is_fresh_everywhere(b, editor)),
            ("session from A is valid on B", lambda: check_session_is_shared(site.urls, editor)),
            ("rate limit shared by A and B", lambda: check_rate_limit_is_shared(site.urls)),
            ("notifications sent exactly once", lambda: check_notifications_once(site)),
        ]
        for name, check in checks:
            try:
                print(f"PASS  {name}: {check()}")
            except Exception as error:  # every check reports, even after one fails
                failures += 1
                print(f"FAIL  {name}: {error}")
                traceback.print_exc(limit=-1, file=sys.stdout)
        if failures:
            print(site.log_tail())
    print(f"{'FAILED' if failures else 'PASSED'}: {len(checks) - failures}/{len(checks)} checks, "
          f"{time.monotonic() - started:.0f} s")  # fmt: skip
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
