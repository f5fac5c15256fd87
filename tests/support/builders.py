"""Small builders for test data: articles, content files, images, staff users and the seeded synonyms."""

import datetime
import importlib
import io
import struct
import zlib
from pathlib import Path

from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from pages.models import Article


def make_article(**overrides):
    """A published article with a distinctive title; override any field."""
    fields = {
        "title": "Quokka Mornings in Recovery",
        "slug": "quokka-mornings-in-recovery",
        "summary": "A short summary about quokka mornings.",
        "body": "Some words about quokka mornings and steady routines.\n",
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(minutes=1),
    }
    fields.update(overrides)
    return Article.objects.create(**fields)


def make_payer(days_since_verified=7, **overrides):
    """An insurance plan as staff enter it, last verified ``days_since_verified`` days ago; override any field."""
    from pages.models import Payer

    fields = {
        "name": "Quokka Health",
        "plan_types": "PPO, EPO",
        "network_status": Payer.Network.IN_NETWORK,
        "verified_on": timezone.localdate() - datetime.timedelta(days=days_since_verified),
    }
    return Payer.objects.create(**fields | overrides)


def fill_site_settings(**fields):
    """Enter ``fields`` in the site settings record, as staff do in the admin."""
    from pages.models import SiteSettings

    site = SiteSettings.objects.get_or_create(pk=1)[0]
    for name, value in fields.items():
        setattr(site, name, value)
    site.save()
    return site


def write_content_file(folder, name, meta, body="A paragraph of body text.\n"):
    """Write a Markdown file with a front-matter block (``meta`` in order) and return its path."""
    lines = ["---", *(f"{key}: {value}" for key, value in meta.items()), "---", "", body]
    path = Path(folder) / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def image_file(name="photo.jpg", size=(1600, 1000), image_format="JPEG", colour=(40, 110, 120), **save_options):
    """An uploaded image file made with Pillow, of one colour; ``save_options`` go to Pillow's ``save`` (``exif``,
    ``comment``, ``xmp``, ``icc_profile``, ``pnginfo``…) to embed metadata."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    image = Image.new("RGB", size, colour)
    image.save(buffer, format=image_format, **save_options)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{image_format.lower()}")


def linear_light_icc_profile():
    """A valid ICC colour profile that is not sRGB: sRGB's primaries and white point, but no gamma (linear light).

    A pixel value v in this space is shown in sRGB as the sRGB transfer function of v, so a test can work out the
    converted colour on its own. Built by hand (ICC.1 version 2, a monitor matrix/TRC profile), since Pillow can
    only make sRGB, Lab and XYZ profiles.
    """

    def s15_fixed16(value):
        return struct.pack(">i", round(value * 65536))

    def xyz(x, y, z):
        return b"XYZ \0\0\0\0" + s15_fixed16(x) + s15_fixed16(y) + s15_fixed16(z)

    d50 = (0.9642, 1.0, 0.8249)
    gamma_one = b"curv\0\0\0\0" + struct.pack(">IH", 1, 0x0100)  # one entry: gamma 1.0 as u8Fixed8
    tags = [
        (b"wtpt", xyz(*d50)),
        # sRGB's primaries, adapted to the D50 connection space as ICC requires.
        (b"rXYZ", xyz(0.4361, 0.2225, 0.0139)),
        (b"gXYZ", xyz(0.3851, 0.7169, 0.0971)),
        (b"bXYZ", xyz(0.1431, 0.0606, 0.7141)),
        *((signature, gamma_one) for signature in (b"rTRC", b"gTRC", b"bTRC")),
    ]
    data_start = 128 + 4 + 12 * len(tags)
    table, data = struct.pack(">I", len(tags)), b""
    for signature, body in tags:
        table += signature + struct.pack(">II", data_start + len(data), len(body))
        data += body + b"\0" * (-len(body) % 4)  # tags start on 4-byte boundaries
    header = (
        struct.pack(">I", data_start + len(data))
        + b"\0" * 4  # preferred CMM
        + struct.pack(">I", 0x02100000)  # version 2.1
        + b"mntrRGB XYZ "  # a monitor profile: RGB pixels, XYZ connection space
        + b"\0" * 12  # creation date
        + b"acsp"
        + b"\0" * 24  # platform, flags, manufacturer, model, attributes
        + struct.pack(">I", 0)  # rendering intent: perceptual
        + xyz(*d50)[8:]  # the connection space's illuminant
        + b"\0" * 48  # creator, profile ID, reserved
    )
    return header + table + data


def png_bomb(name="bomb.png", width=20000, height=20000):
    """A tiny PNG whose header claims ``width`` by ``height`` pixels: a decompression bomb."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\0" * 64)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    return SimpleUploadedFile(name, data, content_type="image/png")


def article_form_data(**overrides):
    """What the admin's "Add article" form posts for a good draft; override any field."""
    now = timezone.localtime()
    data = {
        "title": "Gentle Evenings After Work",
        "slug": "gentle-evenings-after-work",
        "summary": "Small habits that help your evenings stay calm while you are in outpatient treatment.",
        "body": "## Wind down\n\nA short walk helps.\n",
        "status": Article.Status.DRAFT,
        "published_at_0": now.strftime("%Y-%m-%d"),
        "published_at_1": now.strftime("%H:%M:%S"),
        "hero_image_alt": "",
        "citations": "",
        "seo_title": "",
        "_save": "Save",
    }
    data.update(overrides)
    return data


def make_editor(username="editor"):
    """A staff user in the Editors group (created by a migration), as a new editor would be set up."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(username, password="a-long-test-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def make_staff(username, *, group=None, permissions=(), superuser=False):
    """A staff user, in ``group`` if given, holding the (app label, codename) ``permissions``."""
    from django.contrib.auth.models import Group, Permission, User

    user = User.objects.create_user(username, password="a-long-test-password", is_staff=True, is_superuser=superuser)
    if group:
        user.groups.add(Group.objects.get(name=group))
    for app_label, codename in permissions:
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return user


def restore_admissions_group():
    """Run the data migration's step again: a live-server test's database flush removes migration-made rows."""
    from django.apps import apps

    migration = importlib.import_module("contact.migrations.0002_admissions_group")
    migration.create_admissions_group(apps, schema_editor=None)


def staff_login(client, user):
    """Sign ``user`` in as the admin requires: a session verified by a (real, confirmed) TOTP device."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="Test phone", confirmed=True
    )
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


# The synonym list the data migrations seed: pages 0010's, with search 0002's concept words.
_PAGES_SEED = importlib.import_module("pages.migrations.0010_synonyms_that_mean_the_same").SEED
_CONCEPT_WORDS = importlib.import_module("search.migrations.0002_concept_word_synonyms")
SEEDED_SYNONYMS = [
    _CONCEPT_WORDS.EXTENDED_WORK if terms == _CONCEPT_WORDS.SEEDED_WORK else terms for terms in _PAGES_SEED
] + [_CONCEPT_WORDS.PARTNER]


def seed_synonyms():
    """The seeded synonym list, again, since a transactional test's flush empties the table."""
    from search.models import Synonym

    for terms in SEEDED_SYNONYMS:
        Synonym.objects.get_or_create(terms=terms)


def make_reviewed_article(**overrides):
    """A published article with everything an editor can add: author, medical reviewer, hero image, sources, topic.

    Needs the seed content loaded (its topic). The author is Ana Ruiz (/authors/ana-ruiz/), the reviewer Sam Lee.
    """
    from pages import images
    from pages.models import Person, Topic

    fields = {
        "author": Person.objects.create(
            name="Ana Ruiz", slug="ana-ruiz", credentials="LMFT", bio="Ana leads IOP groups."
        ),
        "reviewer": Person.objects.create(name="Sam Lee", slug="sam-lee", credentials="MD"),
        "last_reviewed_at": datetime.date(2026, 10, 1),
        "hero_image": images.clean_image_upload(image_file(size=(1600, 1000))),
        "hero_image_alt": "A quiet morning",
        "citations": "- SAMHSA, [*TIP 47: Clinical Issues in Intensive Outpatient Treatment*](https://store.samhsa.gov/)\n",
    }
    article = make_article(**fields | overrides)
    article.topics.add(Topic.objects.get(slug="intensive-outpatient-program"))
    return article
