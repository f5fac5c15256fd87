"""Hero images: bad uploads are refused with a clear message; good ones are cleaned and served responsively."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms, PngImagePlugin

from pages import images
from pages.models import Article
from tests.support.builders import (
    article_form_data,
    image_file,
    linear_light_icc_profile,
    make_article,
    make_editor,
    png_bomb,
    staff_login,
)
from tests.support.htmlpage import parse_html

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
    "a PNG with a broken colour profile": (
        lambda: image_file("odd.png", image_format="PNG", icc_profile=b"not a colour profile"),
        "colour profile cannot be used",
    ),
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


XMP_WITH_LOCATION = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="38,34.85N"/></rdf:RDF></x:xmpmeta>'
)
SRGB_PROFILE = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def png_text(**texts):
    info = PngImagePlugin.PngInfo()
    for key, value in texts.items():
        info.add_itxt(key, value)
    return info


# Every kind of metadata each format can carry, as a camera or an editing program writes it.
UPLOADS_FULL_OF_METADATA = {
    "JPEG with EXIF, GPS, XMP, a comment and a profile": lambda: image_file(
        "river.jpg",
        exif=camera_exif(orientation=1),
        xmp=XMP_WITH_LOCATION.encode(),
        comment=b"Taken at 1234 Elm Street",
        icc_profile=SRGB_PROFILE,
    ),
    "PNG with a profile, EXIF and text chunks": lambda: image_file(
        "river.png",
        image_format="PNG",
        exif=camera_exif(orientation=1),
        icc_profile=SRGB_PROFILE,
        pnginfo=png_text(Comment="Taken at 1234 Elm Street", **{"XML:com.adobe.xmp": XMP_WITH_LOCATION}),
    ),
    "WebP with EXIF, XMP and a profile": lambda: image_file(
        "river.webp",
        image_format="WEBP",
        exif=camera_exif(orientation=1),
        xmp=XMP_WITH_LOCATION.encode(),
        icc_profile=SRGB_PROFILE,
    ),
}
JPEG_PIXEL_SEGMENTS = {0xC4, 0xDB, 0xDD, 0xDA} | set(range(0xC0, 0xD0))  # tables, frame and scan headers
PNG_PIXEL_CHUNKS = {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}
WEBP_PIXEL_CHUNKS = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH"}


def jpeg_segments(data):
    """``(marker, payload)`` of every segment of a JPEG file, read from its bytes (not through Pillow)."""
    assert data[:2] == b"\xff\xd8"
    position = 2
    while data[position + 1] != 0xD9:  # EOI
        marker = data[position + 1]
        length = int.from_bytes(data[position + 2 : position + 4])
        yield marker, data[position + 4 : position + 2 + length]
        position += 2 + length
        if marker == 0xDA:  # the scan's coded data runs to the next marker that is not a stuffed 0xFF or a restart
            while data[position] != 0xFF or data[position + 1] in {0x00, 0xFF, *range(0xD0, 0xD8)}:
                position += 1


def png_chunks(data):
    """The chunk names of a PNG file: each chunk is a 4-byte size, the name, the data and a CRC."""
    position = 8
    while position < len(data):
        yield data[position + 4 : position + 8]
        position += 12 + int.from_bytes(data[position : position + 4])


def webp_chunks(data):
    """The chunk names of a WebP file: each chunk is the name, a little-endian size and the data, padded to even."""
    position = 12
    while position < len(data):
        size = int.from_bytes(data[position + 4 : position + 8], "little")
        yield data[position : position + 4]
        position += 8 + size + size % 2


def metadata_in(data):
    """Everything in an image file that is not needed to draw its pixels: comments, EXIF, XMP, profiles, text."""
    if data[:2] == b"\xff\xd8":
        return [
            f"JPEG segment {marker:#x} {payload[:12]!r}"
            for marker, payload in jpeg_segments(data)
            if marker not in JPEG_PIXEL_SEGMENTS and not (marker == 0xE0 and payload.startswith(b"JFIF\0"))
        ]
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return [f"PNG chunk {name!r}" for name in png_chunks(data) if name not in PNG_PIXEL_CHUNKS]
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    return [f"WebP chunk {name!r}" for name in webp_chunks(data) if name not in WEBP_PIXEL_CHUNKS]


def test_the_metadata_detector_sees_what_cameras_write():
    """The check below is only worth something if it finds metadata where there is some."""
    for make_upload in UPLOADS_FULL_OF_METADATA.values():
        assert len(metadata_in(make_upload().read())) >= 3
    assert metadata_in(image_file().read()) == []


@pytest.mark.parametrize("make_upload", UPLOADS_FULL_OF_METADATA.values(), ids=UPLOADS_FULL_OF_METADATA.keys())
def test_no_file_written_keeps_any_metadata(editor_client, settings, make_upload):
    data = article_form_data(hero_image=make_upload(), hero_image_alt="A river")
    assert editor_client.post(ADD_ARTICLE, data).status_code == 302
    written = files_under(settings.MEDIA_ROOT)
    assert len(written) == 1 + 2 * len(Article.objects.get().hero_renditions["sizes"])  # the original, WebP, JPEG
    for path in written:
        assert metadata_in(path.read_bytes()) == [], path.name


def srgb_encoded(linear_value):
    """The sRGB transfer function, on values from 0 to 255: how a linear-light value is written in sRGB."""
    v = linear_value / 255
    return round(255 * (12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055))


@pytest.mark.parametrize("image_format", ["PNG", "JPEG", "WEBP"])
def test_a_picture_in_another_colour_space_is_converted_to_srgb(editor_client, settings, image_format):
    linear_colour = (64, 128, 200)
    upload = image_file(
        f"linear.{image_format.lower()}",
        size=(900, 600),
        image_format=image_format,
        colour=linear_colour,
        icc_profile=linear_light_icc_profile(),
        **({"quality": 95} if image_format != "PNG" else {}),
    )
    data = article_form_data(hero_image=upload, hero_image_alt="A river")
    assert editor_client.post(ADD_ARTICLE, data).status_code == 302
    expected = tuple(srgb_encoded(value) for value in linear_colour)  # (137, 188, 229): visibly lighter
    for path in files_under(settings.MEDIA_ROOT):
        with Image.open(path) as written:
            pixel = written.convert("RGB").getpixel((300, 300))
        assert pixel == pytest.approx(expected, abs=3), path.name


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
