"""Public pages come from the shared cache, yet every change is visible on the very next request.

Also: conditional requests (ETag, Last-Modified → 304), the query budget of an article page, and previews
that no cache ever keeps.
"""

import datetime
import time

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from center.models import SiteSettings
from pages.cache import content_changed, content_generation
from pages.models import Article, Person, Topic
from tests.support.builders import make_article, make_editor, staff_login
from tests.support.htmlpage import parse_html

PUBLIC_PAGES = ["/", "/articles/", "/topics/sleep/", "/articles/quokka-mornings-in-recovery/"]


@pytest.fixture
def article(db):
    SiteSettings.load()  # created on first use, which (being a save) would empty the page cache once
    article = make_article()
    article.topics.add(Topic.objects.create(name="Sleep", slug="sleep"))
    return article


def links_to(client, url, target):
    return bool(parse_html(client.get(url).content).find_all("a", href=target))


def test_the_second_request_for_an_article_costs_no_query(client, article, django_assert_num_queries):
    client.get(article.get_absolute_url())
    with django_assert_num_queries(0):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Quokka Mornings" in response.content.decode()


def test_an_uncached_article_page_costs_at_most_five_queries(client, article, django_assert_max_num_queries):
    """The article with its versions in other languages (the switcher, hreflang), its topics, related articles; then,
    once per content generation, when the next scheduled publication goes live and when the next notice version
    takes effect (how long the page may be kept)."""
    author = Person.objects.create(name="Ana Ruiz", slug="ana-ruiz", credentials="LMFT")
    Article.objects.filter(pk=article.pk).update(author=author, reviewer=author, last_reviewed_at=timezone.now())
    make_article(title="Another", slug="another").topics.add(*article.topics.all())
    with django_assert_max_num_queries(5):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    page = parse_html(response.content)
    assert page.find_all("a", href="/articles/another/")  # related articles are part of the budget
    assert "Ana Ruiz, LMFT" in page.text


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_an_edit_shows_on_the_next_request(client, article, url):
    client.get(url)
    article.title = "Quokka Evenings in Recovery"
    article.save()
    assert "Quokka Evenings" in client.get(url).content.decode()


@pytest.mark.parametrize("url", PUBLIC_PAGES[:3])
def test_unpublishing_and_publishing_show_on_the_next_request(client, article, url):
    target = article.get_absolute_url()
    assert links_to(client, url, target)
    article.status = Article.Status.DRAFT
    article.save()
    assert not links_to(client, url, target)
    assert client.get(target).status_code == 404
    article.status = Article.Status.PUBLISHED
    article.save()
    assert links_to(client, url, target)


def test_deleting_shows_on_the_next_request(client, article):
    assert links_to(client, "/articles/", article.get_absolute_url())
    Article.objects.filter(pk=article.pk).delete()  # a bulk delete, as the admin's action does
    assert not links_to(client, "/articles/", article.get_absolute_url())


def test_a_topic_change_shows_on_the_next_request(client, article):
    assert links_to(client, "/topics/sleep/", article.get_absolute_url())
    article.topics.clear()
    assert not links_to(client, "/topics/sleep/", article.get_absolute_url())


def test_a_site_settings_change_shows_on_the_next_request(client, article):
    client.get("/")
    settings_record = SiteSettings.load()
    settings_record.phone = "(916) 555-0199"
    settings_record.save()
    assert "(916) 555-0199" in client.get("/").content.decode()


def test_the_admins_unpublish_action_shows_on_the_next_request(admin_user, client, article):
    assert links_to(client, "/articles/", article.get_absolute_url())
    admin_client = Client()
    staff_login(admin_client, admin_user)
    admin_client.post("/admin/pages/article/", {"action": "unpublish", "_selected_action": [article.pk]}, follow=True)
    assert Article.objects.get().status == Article.Status.DRAFT
    assert not links_to(client, "/articles/", article.get_absolute_url())


def test_a_scheduled_article_appears_when_its_time_comes_though_nothing_was_saved(
    client, article, django_assert_num_queries
):
    scheduled = make_article(
        title="Scheduled", slug="scheduled", published_at=timezone.now() + datetime.timedelta(seconds=1.5)
    )
    assert not links_to(client, "/articles/", scheduled.get_absolute_url())  # cached now, without it
    time.sleep(2)
    assert links_to(client, "/articles/", scheduled.get_absolute_url())
    with django_assert_num_queries(0):  # and pages are cached again once that moment has passed
        assert links_to(client, "/articles/", scheduled.get_absolute_url())


def test_the_cache_is_shared_through_a_generation_number(client, article):
    """What another app server sees: the generation in the shared cache, bumped by every save."""
    before = content_generation()
    article.save()
    assert content_generation() > before


def test_pages_answer_conditional_requests_with_304(client, article):
    for url in ("/articles/", article.get_absolute_url()):
        first = client.get(url)
        assert first["ETag"] and first["Last-Modified"]
        assert "no-cache" in first["Cache-Control"]
        assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
        assert client.get(url, headers={"If-Modified-Since": first["Last-Modified"]}).status_code == 304


def test_a_change_answers_the_old_etag_with_the_new_page(client, article):
    etag = client.get(article.get_absolute_url())["ETag"]
    article.summary = "A changed summary."
    article.save()
    response = client.get(article.get_absolute_url(), headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_the_page_cache_can_be_switched_off(client, article, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(article.get_absolute_url())
    # Rendered again (the article with its other languages, its topics); no next-publication lookup without a cache.
    with django_assert_max_num_queries(3):
        response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert client.get(article.get_absolute_url(), headers={"If-None-Match": response["ETag"]}).status_code == 304


def test_unknown_query_parameters_share_the_cached_page(client, article, django_assert_num_queries):
    client.get("/articles/")
    with django_assert_num_queries(0):
        assert client.get("/articles/?utm_source=newsletter").status_code == 200


def test_a_query_parameter_the_page_does_not_read_shares_the_cached_page(client, article, django_assert_num_queries):
    client.get(article.get_absolute_url())
    with django_assert_num_queries(0):
        response = client.get(article.get_absolute_url(), {"page": "2", "topic": "sleep"})
    assert response.status_code == 200
    assert parse_html(response.content).texts("h1") == ["Quokka Mornings in Recovery"]


@pytest.fixture
def eleven_articles(article):
    """One more than a list page holds; the oldest, "Quokka Mornings", is alone on page 2."""
    for number in range(10):
        newer = make_article(title=f"Newer {number}", slug=f"newer-{number}", published_at=timezone.now())
        newer.topics.add(*article.topics.all())
    return article


@pytest.mark.parametrize("url", ["/articles/", "/topics/sleep/"])
def test_each_page_of_a_list_is_cached_as_itself(client, eleven_articles, url):
    target = eleven_articles.get_absolute_url()
    assert not links_to(client, url, target)
    assert links_to(client, f"{url}?page=2", target)
    assert links_to(client, f"{url}?page=1", "/articles/newer-0/")


@pytest.mark.parametrize("number", ["3", "0", "-1", "01", "+2", "2.0", "1e1", "١", "abc", "", "9" * 5000])
@pytest.mark.parametrize("url", ["/articles/", "/topics/sleep/"])
def test_a_page_number_that_names_no_page_is_not_found(client, eleven_articles, url, number):
    """Only a page that exists, spelled as the site's own links spell it: one cache entry per page shown."""
    response = client.get(url, {"page": number})
    assert response.status_code == 404
    assert parse_html(response.content).texts("h1") == ["We couldn’t find that page"]


def test_the_topic_filter_still_leads_to_the_topic_page_once_the_list_is_cached(client, article):
    client.get("/articles/")
    assert client.get("/articles/", {"topic": "sleep"})["Location"] == "/topics/sleep/"
    assert client.get("/articles/", {"topic": "no-such-topic"}).status_code == 404


def test_staff_preview_a_draft_that_no_cache_keeps(client, db):
    draft = make_article(status=Article.Status.DRAFT, title="Draft about sleep", slug="draft-about-sleep")
    staff_login(client, make_editor())
    url = f"/admin/pages/article/{draft.pk}/preview/"
    response = client.get(url)
    assert response.status_code == 200
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    assert "ETag" not in response and "Last-Modified" not in response
    page = parse_html(response.content)
    assert page.texts("h1") == ["Draft about sleep"]
    assert "This is a draft: visitors cannot see it." in page.text
    assert page.meta_content("robots") == "noindex"
    draft.title = "Draft about rest"
    draft.save()
    assert "Draft about rest" in client.get(url).content.decode()


def test_visitors_and_staff_without_content_rights_cannot_preview(client, db):
    from django.contrib.auth.models import User

    draft = make_article(status=Article.Status.DRAFT)
    response = client.get(f"/admin/pages/article/{draft.pk}/preview/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert client.get(draft.get_absolute_url()).status_code == 404
    staff_login(client, User.objects.create_user("admissions", is_staff=True))
    assert client.get(f"/admin/pages/article/{draft.pk}/preview/").status_code == 403


def test_a_visit_after_a_preview_sees_no_draft(client, db):
    draft = make_article(status=Article.Status.DRAFT)
    staff = client
    staff_login(staff, make_editor())
    staff.get(f"/admin/pages/article/{draft.pk}/preview/")
    staff.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert cache.get("pages:generation") is not None


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_a_page_from_the_cache_carries_the_same_headers_as_a_fresh_one(client, article, url):
    fresh = client.get(url)
    cached = client.get(url)
    assert cached.content == fresh.content
    # Apart from the request id, which is each request's own and never stored with the page.
    assert cached.headers.pop("X-Request-ID") != fresh.headers.pop("X-Request-ID")
    assert dict(cached.headers) == dict(fresh.headers)
    for header in ("Content-Security-Policy", "X-Frame-Options", "Referrer-Policy", "Permissions-Policy", "ETag"):
        assert cached.headers.get(header), header
    assert not cached.cookies


def test_a_logged_in_editor_sees_the_same_shared_page_and_shares_nothing_personal(client, article):
    staff_login(client, make_editor())
    response = client.get(article.get_absolute_url())
    assert "editor" not in response.content.decode()
    client.logout()
    assert client.get(article.get_absolute_url()).content == response.content


@pytest.mark.parametrize("first", ["en", "es"])
def test_each_language_is_served_its_own_copy_of_a_page(client, article, first, django_assert_num_queries):
    """Both languages' copies of the home page cached, in either order: an English request never gets the Spanish
    copy, nor a Spanish one the English copy, whatever language the browser asks for."""
    home = {"en": "/", "es": "/es/"}
    order = [first, "es" if first == "en" else "en"]
    for language in order:  # each rendered once, and stored
        assert client.get(home[language]).status_code == 200
    for language in order * 2:
        for browser in ("en-US,en;q=0.8", "es-MX,es;q=0.9"):
            with django_assert_num_queries(0):  # from the cache
                response = client.get(home[language], headers={"accept-language": browser})
            assert f'<html lang="{language}">' in response.content.decode()
            assert response["Content-Language"] == language


@pytest.mark.django_db
def test_the_content_generation_never_takes_a_value_again_once_the_cache_is_emptied():
    """Each process keeps the frame's fragments under a generation: a Redis restart must not bring an old one back."""
    seen = [content_generation()]
    for _ in range(3):
        content_changed()
        seen.append(content_generation())
    cache.clear()  # Redis restarted without its data
    assert content_generation() not in seen
    assert len(set(seen)) == len(seen)
