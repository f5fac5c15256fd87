"""Publishing from the admin, as editors do it: what visitors see and find follows at once, dated honestly."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from pages.importer import import_article
from pages.models import Article
from tests.support.builders import article_form_data, make_article, make_editor, staff_login, write_content_file
from tests.support.htmlpage import parse_html

CHANGE_LIST = "/admin/pages/article/"


@pytest.fixture
def editor(db):
    """A signed-in editor (password and second factor), in a browser of their own."""
    editor = Client()
    staff_login(editor, make_editor())
    return editor


def run_action(editor, action, *articles):
    response = editor.post(
        CHANGE_LIST, {"action": action, "_selected_action": [article.pk for article in articles]}, follow=True
    )
    assert response.status_code == 200
    return parse_html(response.content).text


def what_a_visitor_finds(client, article):
    """Where a visitor meets ``article``: its page, the search results, the type-ahead and a corrected search."""
    results = parse_html(client.get("/search/", {"q": "quokka mornings"}).content)
    typo = parse_html(client.get("/search/", {"q": "quokkka"}).content)  # a typo, corrected from published words
    suggestions = client.get("/search/suggest/", {"q": "quokka mor"}).json()["suggestions"]
    return {
        "its page": client.get(article.get_absolute_url()).status_code == 200,
        "search": bool(results.find_all("a", href=article.get_absolute_url())),
        "type-ahead": article.title in [item["title"] for item in suggestions],
        "corrected search": "Showing results for quokka." in typo.text,
    }


def test_unpublish_and_publish_actions_change_what_search_finds_at_once(client, editor):
    article = make_article()
    everywhere = dict.fromkeys(what_a_visitor_finds(client, article), True)
    assert what_a_visitor_finds(client, article) == everywhere

    assert "1 article(s) are drafts again" in run_action(editor, "unpublish", article)
    assert what_a_visitor_finds(client, article) == dict.fromkeys(everywhere, False)

    assert "1 article(s) published" in run_action(editor, "publish_now", article)
    assert what_a_visitor_finds(client, article) == everywhere


def test_publish_now_makes_a_draft_findable_at_once(client, editor):
    article = make_article(status=Article.Status.DRAFT)
    run_action(editor, "publish_now", article)
    assert what_a_visitor_finds(client, article) == dict.fromkeys(what_a_visitor_finds(client, article), True)


# Publication dates ---------------------------------------------------------------------------------------------


def published_at_inputs(page):
    """The date and time the "published at" field of an admin form shows, as the browser would send them back."""
    return {
        name: (page.find_all("input", name=name) or [None])[0].attrs.get("value", "")
        for name in ("published_at_0", "published_at_1")
    }


def test_a_draft_has_no_date_until_it_is_published_and_then_it_is_dated_that_moment(client, editor):
    form = parse_html(editor.get("/admin/pages/article/add/").content)
    assert published_at_inputs(form) == {"published_at_0": "", "published_at_1": ""}
    editor.post("/admin/pages/article/add/", article_form_data(**published_at_inputs(form)))
    draft = Article.objects.get()
    assert draft.published_at is None

    # Days later, the editor publishes it, leaving the date as the form shows it.
    change_url = f"/admin/pages/article/{draft.pk}/change/"
    assert published_at_inputs(parse_html(editor.get(change_url).content)) == published_at_inputs(form)
    before = timezone.now()
    response = editor.post(
        change_url,
        article_form_data(
            status=Article.Status.PUBLISHED, publish_without_medical_review="on", **published_at_inputs(form)
        ),
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert before <= article.published_at <= timezone.now()
    assert client.get(article.get_absolute_url()).status_code == 200


def test_a_date_the_editor_chooses_is_kept_and_a_future_one_schedules(client, editor):
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    chosen = {"published_at_0": f"{tomorrow:%Y-%m-%d}", "published_at_1": "09:30:00"}
    editor.post(
        "/admin/pages/article/add/",
        article_form_data(status=Article.Status.PUBLISHED, publish_without_medical_review="on", **chosen),
    )
    article = Article.objects.get()
    assert timezone.localtime(article.published_at).replace(tzinfo=None) == datetime.datetime.combine(
        tomorrow.date(), datetime.time(9, 30)
    )
    assert article.is_scheduled
    assert client.get(article.get_absolute_url()).status_code == 404
    assert "Scheduled for" in parse_html(editor.get(CHANGE_LIST).content).text


def test_publish_now_stamps_the_moment_and_leaves_published_articles_their_date(editor):
    last_month = timezone.now() - datetime.timedelta(days=30)
    old = make_article(title="Old news", slug="old-news", published_at=last_month)
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    before = timezone.now()
    assert "1 article(s) published" in run_action(editor, "publish_now", old, draft)
    assert Article.objects.get(pk=old.pk).published_at == last_month
    assert before <= Article.objects.get(pk=draft.pk).published_at <= timezone.now()


def test_undated_drafts_come_first_in_the_admin_and_have_a_preview(editor):
    make_article(title="Old news", slug="old-news", published_at=timezone.now() - datetime.timedelta(days=30))
    draft = make_article(status=Article.Status.DRAFT, published_at=None)
    listing = editor.get(CHANGE_LIST)
    assert listing.status_code == 200
    text = parse_html(listing.content).text
    assert text.index(draft.title) < text.index("Old news")
    assert editor.get(CHANGE_LIST, {"published_at__year": timezone.now().year}).status_code == 200
    preview = editor.get(f"/admin/pages/article/{draft.pk}/preview/")
    assert preview.status_code == 200
    page = parse_html(preview.content)
    assert "This is a draft" in page.text
    assert "Not published yet" in page.text
    assert "datePublished" not in preview.content.decode()


def test_the_importer_dates_what_it_publishes_and_leaves_drafts_undated(db, tmp_path):
    meta = {"title": "Quiet Mornings", "slug": "quiet-mornings", "summary": "How mornings can help."}
    before = timezone.now()
    import_article(write_content_file(tmp_path, "live.md", meta))
    import_article(write_content_file(tmp_path, "draft.md", {**meta, "slug": "quiet-draft", "status": "draft"}))
    assert before <= Article.objects.get(slug="quiet-mornings").published_at <= timezone.now()
    assert Article.objects.get(slug="quiet-draft").published_at is None
