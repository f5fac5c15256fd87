"""Health information is presented as medically reviewed only when someone with a credential reviewed it; staff see
the articles whose reviewer has none, and may still save them."""

import datetime
import json

import pytest

from pages.models import Article, Person
from tests.support.builders import article_form_data, make_article, make_editor, staff_login
from tests.support.htmlpage import parse_html

REVIEWED_ON = datetime.date(2026, 10, 1)


@pytest.fixture
def articles(db):
    """One article reviewed by a clinician, one by the editorial team (no credential), one not reviewed at all."""
    sam = Person.objects.create(name="Sam Lee", slug="sam-lee", credentials="MD")
    team = Person.objects.create(name="Editorial team", slug="editorial-team", credentials="")
    return {
        "credentialed": make_article(title="Checked", slug="checked", reviewer=sam, last_reviewed_at=REVIEWED_ON),
        "uncredentialed": make_article(
            title="Unchecked", slug="unchecked", reviewer=team, last_reviewed_at=REVIEWED_ON
        ),
        "none": make_article(title="Unreviewed", slug="unreviewed"),
    }


def test_the_articles_whose_reviewer_has_no_credential_are_one_query_away(articles):
    assert list(Article.objects.with_uncredentialed_reviewer()) == [articles["uncredentialed"]]
    Person.objects.filter(slug="sam-lee").update(credentials="   ")  # blanks are no credential either
    assert set(Article.objects.with_uncredentialed_reviewer()) == {articles["credentialed"], articles["uncredentialed"]}
    assert list(Article.objects.published().with_uncredentialed_reviewer().filter(slug="unchecked"))


def article_page(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return response


def webpage_node(response):
    page = parse_html(response.content)
    (block,) = [json.loads(el.text) for el in page.captured if el.attrs.get("type") == "application/ld+json"]
    return next(node for node in block["@graph"] if node["@type"] == "MedicalWebPage")


def test_a_credentialed_reviewer_is_shown_as_the_medical_reviewer(client, articles):
    response = article_page(client, articles["credentialed"])
    assert "Medically reviewed by Sam Lee, MD on October 1, 2026" in parse_html(response.content).text
    node = webpage_node(response)
    assert node["reviewedBy"]["name"] == "Sam Lee"
    assert node["lastReviewed"] == "2026-10-01"


def test_a_reviewer_without_a_credential_is_never_called_a_medical_reviewer(client, articles):
    response = article_page(client, articles["uncredentialed"])
    text = parse_html(response.content).text
    assert "Reviewed by Editorial team on October 1, 2026" in text
    assert "Medically reviewed" not in text
    node = webpage_node(response)
    assert "reviewedBy" not in node and "lastReviewed" not in node


def test_the_reviewers_page_says_medically_reviewed_only_for_a_credentialed_person(client, articles):
    assert "Articles medically reviewed by Sam Lee" in parse_html(client.get("/authors/sam-lee/").content).texts("h2")
    headings = parse_html(client.get("/authors/editorial-team/").content).texts("h2")
    assert "Articles reviewed by Editorial team" in headings


@pytest.fixture
def editor_client(client, db):
    staff_login(client, make_editor())
    return client


def test_the_article_list_flags_a_reviewer_without_a_credential_and_filters_by_review(editor_client, articles):
    text = parse_html(editor_client.get("/admin/pages/article/").content).text
    assert "⚠ Editorial team: no credential" in text
    assert "Sam Lee, MD" in text

    def listed(review):
        page = editor_client.get(f"/admin/pages/article/?review={review}").content.decode()
        return {title for title in ("Checked", "Unchecked", "Unreviewed") if f">{title}</a>" in page}

    assert listed("uncredentialed") == {"Unchecked"}
    assert listed("none") == {"Unreviewed"}
    assert listed("credentialed") == {"Checked"}


def test_the_change_page_warns_about_a_reviewer_without_a_credential(editor_client, articles):
    flagged = parse_html(editor_client.get(f"/admin/pages/article/{articles['uncredentialed'].pk}/change/").content)
    assert "its medical reviewer, Editorial team, has no license or credential" in flagged.text
    fine = parse_html(editor_client.get(f"/admin/pages/article/{articles['credentialed'].pk}/change/").content)
    assert "has no license or credential" not in fine.text


def test_saving_with_a_reviewer_without_a_credential_is_allowed_and_warns(editor_client, articles):
    team = Person.objects.get(slug="editorial-team")
    data = article_form_data(reviewer=team.pk, last_reviewed_at=REVIEWED_ON.isoformat())
    response = editor_client.post("/admin/pages/article/add/", data, follow=True)
    assert response.status_code == 200
    assert Article.objects.get(slug="gentle-evenings-after-work").reviewer == team
    assert "its medical reviewer, Editorial team, has no license or credential" in parse_html(response.content).text


def test_publishing_without_a_medical_reviewer_asks_to_confirm_naming_what_is_missing(editor_client, db):
    data = article_form_data(status=Article.Status.PUBLISHED)
    response = editor_client.post("/admin/pages/article/add/", data)
    assert response.status_code == 200
    assert not Article.objects.exists()
    page = parse_html(response.content)
    assert "This health article would be published without a medical reviewer." in page.text
    assert page.find_all("input", type="checkbox", name="publish_without_medical_review")

    response = editor_client.post("/admin/pages/article/add/", data | {"publish_without_medical_review": "on"})
    assert response.status_code == 302
    assert Article.objects.get().is_public


def test_publishing_with_a_reviewer_without_a_credential_names_the_missing_credential(editor_client, articles):
    team = Person.objects.get(slug="editorial-team")
    data = article_form_data(
        status=Article.Status.PUBLISHED, reviewer=team.pk, last_reviewed_at=REVIEWED_ON.isoformat()
    )
    page = parse_html(editor_client.post("/admin/pages/article/add/", data).content)
    assert "published without a license or credential for its medical reviewer, Editorial team." in page.text


def test_a_draft_and_an_article_with_a_credentialed_reviewer_are_saved_without_a_question(editor_client, articles):
    assert editor_client.post("/admin/pages/article/add/", article_form_data()).status_code == 302
    sam = Person.objects.get(slug="sam-lee")
    data = article_form_data(
        slug="reviewed", status=Article.Status.PUBLISHED, reviewer=sam.pk, last_reviewed_at=REVIEWED_ON.isoformat()
    )
    assert editor_client.post("/admin/pages/article/add/", data).status_code == 302
    assert Article.objects.get(slug="reviewed").is_public
