"""An article tells the reader who wrote it, who checked it and when, and where to go next."""

import datetime

import pytest
from django.utils import timezone

from pages.models import Article, Person, Topic
from tests.support.builders import make_article
from tests.support.htmlpage import parse_html


@pytest.fixture
def topic(db):
    return Topic.objects.create(name="Sleep", slug="sleep")


def article_in(topic, days_ago, **fields):
    article = make_article(published_at=timezone.now() - datetime.timedelta(days=days_ago), **fields)
    article.topics.add(topic)
    return article


def test_the_byline_names_the_author_and_the_medical_review(client, topic):
    ana = Person.objects.create(name="Ana Ruiz", slug="ana-ruiz", credentials="LMFT")
    sam = Person.objects.create(name="Sam Lee", slug="sam-lee", credentials="MD")
    article = article_in(topic, 3, author=ana, reviewer=sam, last_reviewed_at=datetime.date(2026, 10, 1))
    page = parse_html(client.get(article.get_absolute_url()).content)
    assert "By Ana Ruiz, LMFT" in page.text
    assert "Medically reviewed by Sam Lee, MD on October 1, 2026" in page.text
    assert page.find_all("a", href="/authors/ana-ruiz/") and page.find_all("a", href="/authors/sam-lee/")


def test_the_page_gives_reading_time_and_the_updated_date(client, topic):
    article = article_in(topic, 30, body="word " * 650)
    page = parse_html(client.get(article.get_absolute_url()).content)
    assert "4 min read" in page.text
    assert f"Updated {timezone.localdate():%B} {timezone.localdate().day}, {timezone.localdate().year}" in page.text


def test_an_article_not_changed_since_publication_shows_no_update_date(client, topic):
    article = article_in(topic, 0)
    assert "Updated" not in parse_html(client.get(article.get_absolute_url()).content).text


def test_related_articles_share_a_topic_newest_first_and_exclude_the_article_itself(client, topic):
    other_topic = Topic.objects.create(name="Work", slug="work")
    article = article_in(topic, 1, slug="this-one", title="This one")
    article_in(topic, 5, slug="older", title="Older")
    article_in(topic, 2, slug="newer", title="Newer")
    article_in(topic, 3, slug="draft", title="Draft", status=Article.Status.DRAFT)
    make_article(slug="elsewhere", title="Elsewhere").topics.add(other_topic)
    page = parse_html(client.get(article.get_absolute_url()).content)
    related = [el.attrs["href"] for el in page.find_all("a") if el.attrs.get("href", "").startswith("/articles/")]
    assert [href for href in related if href != "/articles/"] == ["/articles/newer/", "/articles/older/"]
    assert "Related articles" in page.texts("h2")


def test_the_page_says_it_is_not_medical_advice_and_invites_contact(client, topic):
    article = article_in(topic, 1, citations="- [SAMHSA](https://www.samhsa.gov/)\n- A book, 2020\n")
    page = parse_html(client.get(article.get_absolute_url()).content)
    assert "Not medical advice." in page.text
    assert page.find_all("a", href="/contact/")
    assert "Sources" in page.texts("h2")
    (citation,) = page.find_all("a", href="https://www.samhsa.gov/")
    assert "noopener" in citation.attrs["rel"]


def test_breadcrumbs_lead_back_through_the_topic(client, topic):
    article = article_in(topic, 1)
    html = client.get(article.get_absolute_url()).content.decode()
    trail = parse_html(html.split('<nav aria-label="Breadcrumb">', 1)[1].split("</nav>", 1)[0])
    assert [a.attrs["href"] for a in trail.find_all("a")] == ["/", "/articles/", "/topics/sleep/"]
    assert trail.text == f"Home Articles Sleep {article.title}"
    assert len(trail.find_all("li", **{"aria-current": "page"})) == 1


def test_editor_text_is_escaped_everywhere(client, topic):
    article = article_in(
        topic,
        1,
        title='<img src=x onerror="alert(1)">',
        summary="<b>bold</b> & <script>alert(1)</script>",
        body='<script>alert(1)</script>\n\n<a href="javascript:alert(1)" onclick="x()">link</a>\n',
        citations="<style>body{}</style>\n- ok\n",
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in html and "<style>" not in html and "javascript:" not in html
    handlers = [el for el in parse_html(html).elements if any(name.startswith("on") for name in el.attrs)]
    assert handlers == []
    assert "&lt;img src=x onerror=" in html  # the title is shown as the text the editor typed


def test_an_author_page_lists_what_they_wrote_and_reviewed(client, topic):
    ana = Person.objects.create(name="Ana Ruiz", slug="ana-ruiz", credentials="LMFT", bio="Ana leads the IOP groups.")
    written = article_in(topic, 1, author=ana, slug="written", title="Written by Ana")
    reviewed = make_article(slug="reviewed", title="Reviewed by Ana", reviewer=ana, last_reviewed_at=timezone.now())
    response = client.get("/authors/ana-ruiz/")
    page = parse_html(response.content)
    assert page.texts("h1") == ["Ana Ruiz"]
    assert "Ana leads the IOP groups." in page.text
    assert page.meta_content("description") == "Ana leads the IOP groups."
    assert page.find_all("a", href=written.get_absolute_url())
    assert page.find_all("a", href=reviewed.get_absolute_url())


def test_reserved_slugs_are_refused(db):
    from django.core.exceptions import ValidationError

    article = Article(title="Feed", slug="feed", summary="s", body="b")
    with pytest.raises(ValidationError, match="taken by a page"):
        article.full_clean()
