"""The admin's article form: every problem reported at once, and a chosen hero image never has to be chosen twice."""

import datetime
import os

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from pages import images
from pages.models import Article, Person
from tests.support.builders import article_form_data, image_file, make_article, make_editor, staff_login
from tests.support.htmlpage import parse_html

ADD_ARTICLE = "/admin/pages/article/add/"
KEPT_FOLDER = "kept-uploads"


@pytest.fixture
def editor_client(client, db):
    staff_login(client, make_editor())
    return client


@pytest.fixture
def reviewer(db):
    return Person.objects.create(name="Sam Lee", slug="sam-lee", credentials="MD")


def kept_files(settings):
    folder = settings.MEDIA_ROOT / KEPT_FOLDER
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def kept_reference(response):
    """What the form carries to the next submit in its hidden ``kept_hero_image`` field ("" when nothing)."""
    (field,) = parse_html(response.content).find_all("input", name="kept_hero_image")
    return field.attrs.get("value", "")


def test_every_problem_is_reported_at_once(editor_client, reviewer):
    data = article_form_data(slug="feed", hero_image=image_file(), reviewer=reviewer.pk, summary="x" * 161)
    response = editor_client.post(ADD_ARTICLE, data)
    assert response.status_code == 200
    text = parse_html(response.content).text
    assert "“feed” is taken by a page of the site" in text
    assert "Describe the hero image for people who cannot see it." in text
    assert "Give the date of the medical review." in text
    assert "Ensure this value has at most 160 characters" in text
    assert Article.objects.count() == 0


def test_a_chosen_image_is_kept_across_failed_saves_until_the_article_is_saved(editor_client, reviewer, settings):
    first = editor_client.post(ADD_ARTICLE, article_form_data(hero_image=image_file("river.jpg"), reviewer=reviewer.pk))
    assert first.status_code == 200
    assert "Describe the hero image" in parse_html(first.content).text
    assert "Your image “river.jpg” is kept" in parse_html(first.content).text
    reference = kept_reference(first)
    assert reference

    # The editor describes the image but still forgets the review date; the file input is empty now.
    data = article_form_data(hero_image_alt="A river at dawn", reviewer=reviewer.pk, kept_hero_image=reference)
    second = editor_client.post(ADD_ARTICLE, data)
    assert second.status_code == 200
    assert "Give the date of the medical review." in parse_html(second.content).text
    assert "Your image “river.jpg” is kept" in parse_html(second.content).text
    assert kept_reference(second) == reference

    data["last_reviewed_at"] = "2026-11-30"
    assert editor_client.post(ADD_ARTICLE, data).status_code == 302
    article = Article.objects.get()
    assert article.hero_image.name == "articles/river.jpg"
    assert article.hero_image_alt == "A river at dawn"
    assert [size["width"] for size in article.hero_renditions["sizes"]] == [480, 800, 1200, 1600]
    assert kept_files(settings) == []  # the kept copy is gone once the article holds the image


def test_a_new_file_replaces_the_kept_one(editor_client, settings):
    first = editor_client.post(ADD_ARTICLE, article_form_data(hero_image=image_file("river.jpg")))
    data = article_form_data(
        hero_image=image_file("lake.png", image_format="PNG"), kept_hero_image=kept_reference(first)
    )
    second = editor_client.post(ADD_ARTICLE, data)
    assert "Your image “lake.png” is kept" in parse_html(second.content).text
    assert kept_files(settings) == ["lake.png"]


def test_a_forged_or_lost_kept_image_is_refused_with_a_clear_message(editor_client, settings):
    forged = editor_client.post(ADD_ARTICLE, article_form_data(hero_image_alt="Sky", kept_hero_image="articles/x.jpg"))
    assert forged.status_code == 200
    message = "The image you chose before is no longer kept; please choose it again."
    assert message in parse_html(forged.content).text
    assert kept_reference(forged) == ""  # so the next save goes ahead without an image, if that is what they want

    first = editor_client.post(ADD_ARTICLE, article_form_data(hero_image=image_file("river.jpg")))
    default_storage.delete(f"{KEPT_FOLDER}/river.jpg")
    lost = editor_client.post(
        ADD_ARTICLE, article_form_data(hero_image_alt="Sky", kept_hero_image=kept_reference(first))
    )
    assert lost.status_code == 200
    assert message in parse_html(lost.content).text
    assert Article.objects.count() == 0


def test_kept_images_of_abandoned_forms_are_removed_after_a_day(editor_client, settings):
    abandoned = default_storage.save(f"{KEPT_FOLDER}/abandoned.jpg", ContentFile(b"an old upload"))
    two_days_ago = (datetime.datetime.now() - datetime.timedelta(days=2)).timestamp()
    os.utime(default_storage.path(abandoned), (two_days_ago, two_days_ago))
    editor_client.post(ADD_ARTICLE, article_form_data(hero_image=image_file("river.jpg")))
    assert kept_files(settings) == ["river.jpg"]


def test_the_change_form_shows_a_thumbnail_of_the_current_hero_image(editor_client):
    article = make_article(hero_image=images.clean_image_upload(image_file(size=(1600, 1000))), hero_image_alt="Sky")
    page = parse_html(editor_client.get(f"/admin/pages/article/{article.pk}/change/").content)
    smallest = article.hero_renditions["sizes"][0]
    (thumbnail,) = page.find_all("img", src=default_storage.url(smallest["jpeg"]))
    assert thumbnail.attrs["alt"] == "Sky"
    assert (thumbnail.attrs["width"], thumbnail.attrs["height"]) == ("240", "150")
    assert default_storage.exists(smallest["jpeg"])
