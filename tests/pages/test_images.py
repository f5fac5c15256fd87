"""Hero images: bad uploads are refused with a clear message; good ones are cleaned and served responsively."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from pages import images
from pages.models import Article
from tests.builders import article_form_data, image_file, make_article, make_editor, png_bomb, staff_login
from tests.htmlpage import parse_html

ADD_ARTICLE = "/admin/pages/article/add/"
ORIENTATION, GPS_INFO, CAMERA_MAKE = 0x0112, 0x8825, 0x010F


def files_under(folder):
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def camera_exif(orientation=6):
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[CAMERA_MAKE] = "Canon"
    exif[GPS_INFO] = {1: "N", 2: (38.0, 34.0, 51.0), 3: "W", 4: (121.0, 29.0, 41.0)}
    return exif


@pytest.fixture
def editor_client(client, db):
    staff_login(client, make_editor())
    return client


BAD_UPLOADS = {
    "a text file renamed .jpg": (
        lambda: SimpleUploadedFile("holiday.jpg", b"This is just some text, not a picture.\n" * 20),
        "not an image we can read",
    ),
    "a 20000 x 20000 PNG bomb": (lambda: png_bomb(), "too many pixels"),
    "a 30 MB file": (
        lambda: SimpleUploadedFile("huge.jpg", b"\xff\xd8\xff\xe0" + b"0" * (30 * 1024 * 1024)),
        "the limit is 10.0 MB",
    ),
    "a GIF": (lambda: image_file("moving.gif", image_format="GIF"), "must be JPEG, PNG or WebP"),
}


@pytest.mark.parametrize(("make_upload", "message"), BAD_UPLOADS.values(), ids=BAD_UPLOADS.keys())
def test_a_bad_upload_gets_a_clear_form_error_and_nothing_is_saved(editor_client, settings, make_upload, message):
    data = article_form_data(hero_image=make_upload(), hero_image_alt="A path by the river")
    response = editor_client.post(ADD_ARTICLE, data)
    assert response.status_code == 200  # the form again, not a 400 or 500
    errors = " ".join(response.context["adminform"].form.errors.get("hero_image", []))
    assert message in errors
    assert message in parse_html(response.content).text
    assert Article.objects.count() == 0
    assert files_under(settings.MEDIA_ROOT) == []


def test_a_hero_image_needs_a_description(editor_client, settings):
    response = editor_client.post(ADD_ARTICLE, article_form_data(hero_image=image_file()))
    assert response.status_code == 200
    assert "Describe the hero image" in parse_html(response.content).text
    assert Article.objects.count() == 0


def test_a_good_upload_is_stored_upright_without_metadata_with_renditions(editor_client, settings):
    upload = image_file("river.jpg", size=(1600, 1000), exif=camera_exif(orientation=6))
    response = editor_client.post(ADD_ARTICLE, article_form_data(hero_image=upload, hero_image_alt="A river"))
    assert response.status_code == 302
    article = Article.objects.get()
    with article.hero_image.open("rb") as stored, Image.open(stored) as original:
        assert original.size == (1000, 1600)  # rotated as the camera meant
        exif = original.getexif()
        assert GPS_INFO not in exif and CAMERA_MAKE not in exif and ORIENTATION not in exif
    widths = [size["width"] for size in article.hero_renditions["sizes"]]
    assert widths == [480, 800, 1000]
    for size in article.hero_renditions["sizes"]:
        webp_path, jpeg_path = settings.MEDIA_ROOT / size["webp"], settings.MEDIA_ROOT / size["jpeg"]
        with Image.open(webp_path) as webp, Image.open(jpeg_path) as jpeg:
            assert (webp.format, jpeg.format) == ("WEBP", "JPEG")
            assert webp.size == jpeg.size == (size["width"], size["height"])
            assert GPS_INFO not in jpeg.getexif()


def test_renditions_are_made_once_and_replaced_with_the_image(db, settings):
    article = make_article(hero_image=images.clean_image_upload(image_file(size=(900, 600))), hero_image_alt="Sky")
    first = article.hero_renditions
    article.title = "A new title"
    article.save()
    assert Article.objects.get().hero_renditions == first
    article.hero_image = images.clean_image_upload(image_file("other.png", size=(700, 700), image_format="PNG"))
    article.save()
    second = Article.objects.get().hero_renditions
    assert [s["width"] for s in second["sizes"]] == [480, 700]
    assert not (settings.MEDIA_ROOT / first["sizes"][0]["webp"]).exists()


def test_the_article_page_draws_the_hero_as_a_responsive_picture(client, db):
    article = make_article(hero_image=images.clean_image_upload(image_file(size=(2000, 1250))), hero_image_alt="Sky")
    page = parse_html(client.get(article.get_absolute_url()).content)
    (source,) = page.find_all("source")
    (img,) = page.find_all("img", alt="Sky")
    assert source.attrs["type"] == "image/webp"
    assert [part.split()[1] for part in source.attrs["srcset"].split(", ")] == ["480w", "800w", "1200w", "1600w"]
    assert img.attrs["srcset"].count(".jpg") == 4
    assert img.attrs["sizes"] == source.attrs["sizes"] == images.HERO_SIZES
    assert (img.attrs["width"], img.attrs["height"]) == ("800", "500")
    assert img.attrs["fetchpriority"] == "high"
    assert "loading" not in img.attrs


def test_card_images_below_the_fold_load_lazily(client, db):
    make_article(hero_image=images.clean_image_upload(image_file()), hero_image_alt="Sky")
    (img,) = parse_html(client.get("/articles/").content).find_all("img", alt="Sky")
    assert img.attrs["loading"] == "lazy"
    assert "fetchpriority" not in img.attrs
    assert img.attrs["width"] and img.attrs["height"]
