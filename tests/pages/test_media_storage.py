"""Uploaded images in S3-compatible object storage, as several app servers need, still linked from our own domain.

The bucket is a real S3 API over HTTP on loopback (moto's server), reached through the same boto3 client that
talks to AWS, R2 or MinIO in production.
"""

import io
import urllib.parse

import boto3
import pytest
from moto.server import ThreadedMotoServer
from PIL import Image

from pages.models import Article
from tests.support.builders import article_form_data, image_file, make_editor, staff_login
from tests.support.htmlpage import parse_html

BUCKET = "restoration-media"
CREDENTIALS = {"region_name": "us-east-1", "aws_access_key_id": "test", "aws_secret_access_key": "test"}


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, settings):
    s3 = boto3.resource("s3", endpoint_url=s3_endpoint, **CREDENTIALS).Bucket(BUCKET)
    s3.create()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "restoration.storage.SameOriginS3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": CREDENTIALS["region_name"],
                "access_key": CREDENTIALS["aws_access_key_id"],
                "secret_key": CREDENTIALS["aws_secret_access_key"],
                "file_overwrite": False,
                "default_acl": None,
            },
        },
    }
    yield s3
    s3.objects.all().delete()
    s3.delete()


def keys(bucket):
    return sorted(item.key for item in bucket.objects.all())


def stored_image(bucket, url):
    """The image a /media/ URL names, read from the bucket the way the load balancer's /media/ route would."""
    key = urllib.parse.unquote(url.removeprefix("/media/"))
    return Image.open(io.BytesIO(bucket.Object(key).get()["Body"].read()))


@pytest.fixture
def published_with_hero(client, db, bucket, settings):
    staff_login(client, make_editor())
    upload = image_file("river.jpg", size=(1600, 1000))
    data = article_form_data(
        hero_image=upload,
        hero_image_alt="A river at dawn",
        status="published",
        publish_without_medical_review="on",
    )
    assert client.post("/admin/pages/article/add/", data).status_code == 302
    client.logout()
    return Article.objects.get()


def test_an_upload_and_its_renditions_go_to_the_bucket_not_the_app_servers_disk(published_with_hero, bucket, settings):
    stored = keys(bucket)
    assert published_with_hero.hero_image.name in stored
    renditions = [key for key in stored if key.startswith("renditions/")]
    assert len(renditions) == 2 * len(published_with_hero.hero_renditions["sizes"]) == 8  # 4 widths, WebP and JPEG
    assert not settings.MEDIA_ROOT.exists() or not any(settings.MEDIA_ROOT.rglob("*.*"))


def test_the_page_links_every_image_from_our_own_domain(client, published_with_hero, bucket):
    page = parse_html(client.get(published_with_hero.get_absolute_url()).content)
    (source,) = page.find_all("source")
    (img,) = page.find_all("img", alt="A river at dawn")
    urls = [part.split()[0] for srcset in (source.attrs["srcset"], img.attrs["srcset"]) for part in srcset.split(", ")]
    urls.append(img.attrs["src"])
    assert all(url.startswith("/media/renditions/") for url in urls), urls
    formats = {stored_image(bucket, url).format for url in urls}
    assert formats == {"WEBP", "JPEG"}


def test_replacing_the_image_removes_the_old_renditions_from_the_bucket(published_with_hero, bucket):
    old = {size["webp"] for size in published_with_hero.hero_renditions["sizes"]}
    article = Article.objects.get()
    article.hero_image.save("sea.png", image_file("sea.png", size=(900, 600), image_format="PNG"), save=True)
    stored = set(keys(bucket))
    assert not old & stored
    assert {size["webp"] for size in Article.objects.get().hero_renditions["sizes"]} <= stored


def test_an_image_kept_across_a_failed_save_waits_in_the_bucket_and_leaves_with_the_save(client, db, bucket):
    staff_login(client, make_editor())
    failed = client.post("/admin/pages/article/add/", article_form_data(hero_image=image_file("river.jpg")))
    (kept,) = parse_html(failed.content).find_all("input", name="kept_hero_image")
    assert keys(bucket) == ["kept-uploads/river.jpg"]
    data = article_form_data(hero_image_alt="A river at dawn", kept_hero_image=kept.attrs["value"])
    assert client.post("/admin/pages/article/add/", data).status_code == 302
    assert Article.objects.get().hero_image.name in keys(bucket)
    assert not [key for key in keys(bucket) if key.startswith("kept-uploads/")]
