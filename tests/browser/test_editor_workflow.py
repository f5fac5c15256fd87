"""A new editor, in a real browser, takes an article from draft to scheduled to published to retired.

After each step a visitor (another browser context, not logged in) checks what the public sees: the article
list, the topic page, the sitemap and the feed follow every change on the very next request.
"""

import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from pages.models import Article, Person
from tests.support import axe
from tests.support.browser import DESKTOP_WIDTH, PHONE_WIDTH
from tests.support.builders import image_file, make_editor

pytestmark = pytest.mark.browser

TITLE = "Finding Calm Mornings in Early Recovery"
SLUG = "finding-calm-mornings-in-early-recovery"
ARTICLE_PATH = f"/articles/{SLUG}/"
TOPIC_PATH = "/topics/intensive-outpatient-program/"
PASSWORD = "a-long-test-password-1"


@pytest.fixture
def editor(site_url):
    """An editor account as staff would set it up: staff status and the Editors group, nothing more."""
    # The live-server tests empty the database between tests; re-run the migration that creates the group.
    call_command("migrate", "pages", "0002", stdout=io.StringIO())
    call_command("migrate", stdout=io.StringIO())  # every app: going back undid search's migrations too
    Person.objects.create(name="Ana Ruiz", slug="ana-ruiz", credentials="LMFT", bio="Ana leads our IOP groups.")
    Person.objects.create(name="Sam Lee", slug="sam-lee", credentials="MD")
    user = make_editor("new.editor")
    TOTPDevice.objects.create(user=user, name="Editor's phone", confirmed=True)  # enrolled on their first day
    return user


def sign_in(page, user):
    """The admin's sign-in as an enrolled editor does it: password, then the code from their app."""
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    device = TOTPDevice.objects.get(user=user)
    page.get_by_label("One-time code").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture
def hero_jpeg(tmp_path):
    path = tmp_path / "morning-light.jpg"
    path.write_bytes(image_file(size=(1600, 1000)).read())
    return path


def visitor_sees(visitor, site_url):
    """Where the public can see the article right now."""

    def body(path):
        response = visitor.goto(site_url + path)
        return response.status, visitor.content()

    status, _ = body(ARTICLE_PATH)
    return {
        "article page": status == 200,
        "article list": ARTICLE_PATH in body("/articles/")[1],
        "topic page": ARTICLE_PATH in body(TOPIC_PATH)[1],
        "sitemap": f"{site_url}{ARTICLE_PATH}" in visitor.request.get(site_url + "/sitemap.xml").text(),
        "feed": f"{site_url}{ARTICLE_PATH}" in visitor.request.get(site_url + "/articles/feed/").text(),
    }


def save_and_continue(page):
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("successfully")


def test_an_editor_drafts_previews_schedules_publishes_and_unpublishes(site_url, open_page, editor, hero_jpeg):
    page = open_page(DESKTOP_WIDTH)
    visitor = open_page(PHONE_WIDTH)
    nowhere = dict.fromkeys(["article page", "article list", "topic page", "sitemap", "feed"], False)
    everywhere = dict.fromkeys(nowhere, True)

    # Log in as a new editor would: the admin's address, then the login form.
    page.goto(site_url + "/admin/")
    sign_in(page, editor)
    expect(page.get_by_role("heading", name="Staff home")).to_be_visible()

    # A draft with a hero image; the slug fills itself in from the title.
    page.get_by_role("link", name="Articles").first.click()
    page.get_by_role("link", name="Add article").click()
    page.get_by_label("Title:", exact=True).press_sequentially(TITLE)  # typed, so the slug follows
    expect(page.get_by_label("Slug:", exact=True)).to_have_value(SLUG)
    page.get_by_label("Summary:", exact=True).fill("Small, steady habits that make the first hour of your day calmer.")
    page.get_by_label("Body:", exact=True).fill("## Start small\n\nA glass of water and five quiet minutes.\n")
    page.get_by_label("Intensive Outpatient Program").check()
    page.set_input_files("#id_hero_image", str(hero_jpeg))
    page.get_by_label("Hero image description:").fill("Morning light through a kitchen window")
    page.select_option("#id_author", label="Ana Ruiz, LMFT")
    page.select_option("#id_reviewer", label="Sam Lee, MD")
    page.get_by_label("Last medically reviewed:").fill(timezone.localdate().isoformat())
    save_and_continue(page)
    assert visitor_sees(visitor, site_url) == nowhere

    # Preview: the draft exactly as it will look, for staff only, never cached.
    with page.expect_popup() as popup:
        page.get_by_role("link", name=re.compile("^Preview")).click()
    preview = popup.value
    expect(preview.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(preview.get_by_role("status")).to_contain_text("This is a draft")
    preview_url = preview.url
    violations = axe.violations(preview)
    assert violations == [], axe.readable(violations)
    cache_control = preview.request.get(preview_url).headers["cache-control"]
    assert {"private", "no-store"} <= {part.strip() for part in cache_control.split(",")}
    visitor.goto(preview_url)  # a visitor gets the admin's login form, not the draft
    expect(visitor.get_by_role("button", name="Log in")).to_be_visible()
    expect(visitor.get_by_text(TITLE)).to_have_count(0)
    preview.close()

    # Schedule it for tomorrow: still invisible.
    page.select_option("#id_status", label="Published")
    page.locator("#id_published_at_0").fill((timezone.localdate() + timezone.timedelta(days=1)).isoformat())
    page.locator("#id_published_at_1").fill("09:00:00")  # a draft has no date, so no time to keep either
    save_and_continue(page)
    page.goto(site_url + "/admin/pages/article/")
    expect(page.get_by_role("row", name=re.compile(TITLE))).to_contain_text("Scheduled for")
    assert visitor_sees(visitor, site_url) == nowhere

    # Publish it now, with the date widget's own "Today" and "Now" shortcuts.
    page.get_by_role("link", name=TITLE, exact=True).click()
    page.locator("#id_published_at_0 ~ .datetimeshortcuts a", has_text="Today").click()
    page.locator("#id_published_at_1 ~ .datetimeshortcuts a", has_text="Now").click()
    save_and_continue(page)
    assert Article.objects.get(slug=SLUG).is_public
    assert visitor_sees(visitor, site_url) == everywhere

    visitor.goto(site_url + ARTICLE_PATH)
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(visitor.get_by_text("By Ana Ruiz, LMFT")).to_be_visible()
    expect(visitor.get_by_text("Medically reviewed by Sam Lee, MD on")).to_be_visible()
    hero = visitor.get_by_role("img", name="Morning light through a kitchen window")
    expect(hero).to_have_attribute("fetchpriority", "high")
    for path in (ARTICLE_PATH, "/authors/ana-ruiz/"):
        visitor.goto(site_url + path)
        violations = axe.violations(visitor)
        assert violations == [], axe.readable(violations)

    # Retire it: back to draft, and gone from every public place on the next request.
    page.select_option("#id_status", label="Draft")
    save_and_continue(page)
    assert visitor_sees(visitor, site_url) == nowhere


BAD_FILES = {
    "a 30 MB file": ("huge.jpg", b"\xff\xd8\xff\xe0" + b"0" * (30 * 1024 * 1024), "the limit is 10.0 MB"),
    "a renamed text file": ("notes.jpg", b"Shopping list: milk, bread.\n" * 10, "not an image we can read"),
}


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_an_editor_uploading_a_bad_file_sees_why_and_nothing_is_saved(
    site_url, open_page, editor, tmp_path, name, content, message
):
    path = tmp_path / name
    path.write_bytes(content)
    page = open_page(DESKTOP_WIDTH)
    page.goto(site_url + "/admin/pages/article/add/")
    sign_in(page, editor)
    page.get_by_label("Title:", exact=True).press_sequentially("A picture that will not upload")
    page.get_by_label("Summary:", exact=True).fill("A summary.")
    page.get_by_label("Body:", exact=True).fill("Some text.")
    page.set_input_files("#id_hero_image", str(path))
    page.get_by_label("Hero image description:").fill("A picture")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".errornote")).to_be_visible()
    expect(page.locator(".field-hero_image .errorlist")).to_contain_text(message)
    assert not Article.objects.filter(title="A picture that will not upload").exists()


def run_action(page, title, action):
    """Tick one article in the admin's list and run a bulk action on it, as an editor does."""
    page.goto(page.url.split("/admin/")[0] + "/admin/pages/article/")
    page.get_by_role("row", name=re.compile(re.escape(title))).get_by_role("checkbox").check()
    page.select_option("select[name=action]", label=action)
    page.get_by_role("button", name="Run", exact=True).click()
    expect(page.locator(".messagelist")).to_be_visible()


def visitor_finds(visitor, site_url, title, screenshot):
    """Whether a visitor finds the article by its title: in the results of the header box, and in the type-ahead."""
    visitor.goto(site_url + "/")
    visitor.locator(".header-search summary").click()  # on a phone the box is behind the header's Search button
    box = visitor.get_by_role("combobox", name="Search the site")
    box.focus()
    with visitor.expect_response(lambda response: "/search/suggest/" in response.url and "work" in response.url):
        visitor.keyboard.type("balancing work")
    try:  # the list is drawn just after the answer arrives
        visitor.get_by_role("option", name=title).wait_for(timeout=2000)
        offered = True
    except PlaywrightTimeoutError:
        offered = False
    box.fill(title)
    box.press("Enter")
    visitor.wait_for_url("**/search/?q=*")
    visitor.screenshot(path=screenshot, full_page=True)
    found = visitor.locator(".search-result h2 a", has_text=title).count() > 0
    return {"results": found, "type-ahead": offered}


def test_the_bulk_actions_take_an_article_out_of_search_and_back_at_once(site_url, open_page, editor, tmp_path):
    """An editor's walk-through: Unpublish, and search and type-ahead know nothing of it; Publish now, found."""
    # The editor fixture migrates pages back and forth, which empties the search index the seed filled.
    call_command("rebuild_search_index", stdout=io.StringIO())
    page = open_page(DESKTOP_WIDTH)
    visitor = open_page(PHONE_WIDTH)
    page.goto(site_url + "/admin/pages/article/")
    sign_in(page, editor)
    title = "Balancing Work and Recovery with an Intensive Outpatient Program"
    assert visitor_finds(visitor, site_url, title, tmp_path / "1-published.png") == {
        "results": True,
        "type-ahead": True,
    }

    run_action(page, title, "Unpublish the selected articles (back to draft)")
    expect(page.get_by_role("row", name=re.compile(re.escape(title)))).to_contain_text("Draft")
    assert visitor_finds(visitor, site_url, title, tmp_path / "2-unpublished.png") == {
        "results": False,
        "type-ahead": False,
    }

    run_action(page, title, "Publish the selected articles now")
    assert visitor_finds(visitor, site_url, title, tmp_path / "3-published-again.png") == {
        "results": True,
        "type-ahead": True,
    }
