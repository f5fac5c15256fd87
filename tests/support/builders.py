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


def make_translation(original, language="es", **overrides):
    """A published translation of ``original`` (an article, content page or program) into ``language``, at the
    same slug, with words of its own; override any field."""
    fields = {
        "language": language,
        "translation_of": original,
        "title": f"Traducción: {original.title}",
        "slug": original.slug,
        "summary": "Un resumen breve en español.",
        "body": "Unas palabras en español sobre la recuperación.\n",
        "status": original.Status.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(minutes=1),
    }
    return type(original).objects.create(**fields | overrides)


def days_from_today(days):
    """A date ``days`` from today in the site's time zone (negative: in the past)."""
    return timezone.localdate() + datetime.timedelta(days=days)


def make_license(**overrides):
    """A DHCS certification in force for another year, with its lookup page; override any field."""
    from center.models import License

    fields = {
        "kind": License.Kind.CERTIFIED_PROGRAM,
        "number": "190001AP",
        "expires_on": days_from_today(365),
        "lookup_url": "https://dhcs-lookup.example.org/facility?number=190001AP",
    }
    return License.objects.create(**fields | overrides)


def make_accreditation(**overrides):
    """A Joint Commission accreditation that began a year ago and runs for two more; override any field."""
    from center.models import Accreditation

    fields = {
        "body": "The Joint Commission",
        "scope": "Behavioral Health Care and Human Services",
        "valid_from": days_from_today(-365),
        "valid_until": days_from_today(730),
        "lookup_url": "https://quality-check.example.org/center/1234",
    }
    return Accreditation.objects.create(**fields | overrides)


def make_payer(days_since_verified=7, **overrides):
    """An insurance plan as staff enter it, last verified ``days_since_verified`` days ago; override any field."""
    from center.models import Payer

    fields = {
        "name": "Quokka Health",
        "plan_types": "PPO, EPO",
        "network_status": Payer.Network.IN_NETWORK,
        "verified_on": timezone.localdate() - datetime.timedelta(days=days_since_verified),
    }
    return Payer.objects.create(**fields | overrides)


def fill_site_settings(**fields):
    """Enter ``fields`` in the site settings record, as staff do in the admin."""
    from center.models import SiteSettings

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
        "language": "en",
        "status": Article.Status.DRAFT,
        "published_at_0": now.strftime("%Y-%m-%d"),
        "published_at_1": now.strftime("%H:%M:%S"),
        "hero_image_alt": "",
        "review_interval_months": 12,
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
# The Spanish lists search 0005 seeds, which apply to Spanish searches only.
SEEDED_SPANISH_SYNONYMS = importlib.import_module("search.migrations.0005_search_in_each_language").SPANISH_SEED


def seed_synonyms():
    """The seeded synonym lists, again, since a transactional test's flush empties the table."""
    from search.models import Synonym

    for terms in SEEDED_SYNONYMS:
        Synonym.objects.get_or_create(language="en", terms=terms)
    for terms in SEEDED_SPANISH_SYNONYMS:
        Synonym.objects.get_or_create(language="es", terms=terms)


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


# Made up for tests only: a notice text with each element center/notice_rules.py looks for. Not a notice to issue.
COMPLETE_NOTICE = """\
# Notice of Privacy Practices of Test Program

This notice describes:

- HOW HEALTH INFORMATION ABOUT YOU MAY BE USED AND DISCLOSED
- YOUR RIGHTS WITH RESPECT TO YOUR HEALTH INFORMATION
- HOW TO FILE A COMPLAINT CONCERNING A VIOLATION OF THE PRIVACY OR SECURITY OF YOUR HEALTH INFORMATION, OR OF
  YOUR RIGHTS CONCERNING YOUR INFORMATION

YOU HAVE A RIGHT TO A COPY OF THIS NOTICE (IN PAPER OR ELECTRONIC FORM) AND TO DISCUSS IT WITH the Privacy Officer.

Test text: uses without your written consent; uses with your written consent; no civil, criminal, administrative,
or legislative proceedings; redisclosure; a paper copy; how to complain to us and to the Secretary of Health and
Human Services. Effective date: the day below.
"""


def fill_center_facts(today=None):
    """Every fact and notice go_live_check asks for, as staff would enter them (needs the seed content loaded).

    The values are made up for tests only: the shipped site never holds them.
    """
    from center.models import Notice, Weekday
    from contact.models import NotificationRecipient
    from pages.models import Program, Topic

    today = today or timezone.localdate()
    site = fill_site_settings(
        phone="(916) 555-2368",
        email="admissions@restoration-test.org",
        street_address="100 Test Street",
        postal_code="95814",
        self_pay_information="Self-pay rates are explained on the phone.",
        self_pay_information_es="Le explicamos por teléfono las tarifas sin seguro.",
        family_services="A weekly family group.",
        family_services_es="Un grupo semanal para familias.",
        response_target_hours=2,
        is_placeholder=False,
        receives_federal_assistance="yes",
        civil_rights_coordinator="Compliance Officer",
        civil_rights_phone="(916) 555-2369",
        civil_rights_email="compliance@restoration-test.org",
        civil_rights_address="100 Test Street, Sacramento, CA 95814",
        grievance_procedure="Write to the Compliance Officer, who answers within 30 days.",
        recovery_residence_interest="none",
    )
    site.opening_hours.create(first_day=Weekday.MONDAY, last_day=Weekday.FRIDAY, opens="08:00", closes="18:00")
    make_license(number="340000AP", expires_on=today + datetime.timedelta(days=400))
    make_accreditation(valid_from=today - datetime.timedelta(days=30), valid_until=today + datetime.timedelta(days=700))
    fill_program_facts(Program.objects.get(language="en", slug=Program.MAIN_SLUG))
    fill_program_text_in_spanish(Program.objects.get(language="es", slug=Program.MAIN_SLUG))
    make_payer(days_since_verified=0)
    for kind in Notice.Kind.values:
        Notice.objects.create(kind=kind, effective_on=today - datetime.timedelta(days=1), body=COMPLETE_NOTICE)
        Notice.objects.create(
            kind=kind, language="es", effective_on=today - datetime.timedelta(days=1), body=f"El texto de {kind}."
        )
    clinician = make_team_member(
        name="Dana Cole",
        slug="dana-cole",
        credentials="LCSW",
        role_es="Directora clínica",
        bio_es="Ana dirige el grupo de la mañana y trabaja en recuperación desde hace doce años.",
    )
    Topic.objects.filter(slug="intensive-outpatient-program").update(name_es="Programa Ambulatorio Intensivo")
    Article.objects.filter(reviewer__isnull=True).update(reviewer=clinician, last_reviewed_at=today)
    NotificationRecipient.objects.create(email="intake@restoration-test.org")
    return site


def fill_program_facts(program):
    """Enter every fact of ``program`` as staff would in the admin, with a morning and an evening group."""
    from center.models import Weekday
    from pages import services

    program.level_of_care = "2.1"
    program.service_category = "Intensive Outpatient Treatment"
    program.hours_per_week = 9
    program.length_weeks = 12
    program.suited_to = "Adults with a stable place to live\n\nPeople who can keep working while in treatment\n"
    program.not_suited_to = "People who need medical detox first"
    program.first_day = "You meet your counselor.\n\nThen you join your first group."
    program.what_to_bring = "A photo ID\nYour insurance card, if you have one"
    services.save(program)
    for english, spanish, opens, closes in [
        ("Morning group", "Grupo de la mañana", "09:00", "12:00"),
        ("Evening group", "Grupo de la noche", "18:00", "21:00"),
    ]:
        program.sessions.create(
            name_en=english,
            name_es=spanish,
            first_day=Weekday.MONDAY,
            last_day=Weekday.THURSDAY,
            opens=opens,
            closes=closes,
        )
    return program


def fill_program_text_in_spanish(program):
    """Enter the text a Spanish program writes in its own words (its numbers and schedule are the original's), as
    its translator does after the original's facts were entered: it then follows the original's current version."""
    from pages import services, translation_sync

    translation_sync.bring_up_to_date(program)

    program.suited_to = "Adultos con un lugar estable donde vivir"
    program.not_suited_to = "Personas que primero necesitan una desintoxicación médica"
    program.first_day = "Usted conoce a su consejero."
    program.what_to_bring = "Una identificación con foto"
    services.save(program)
    return program


def make_team_member(**overrides):
    """A person shown on the "Our team" page; pass ``photo=portrait_file()`` for one with a photo."""
    from pages.models import Person

    fields = {
        "name": "Ana Ruiz",
        "slug": "ana-ruiz",
        "credentials": "LMFT",
        "role": "Clinical director",
        "bio": "Ana leads the morning IOP group and has worked in recovery care for twelve years.",
        "on_team": True,
    }
    return Person.objects.create(**fields | overrides)


def portrait_file(name="portrait.jpg", size=(900, 1200)):
    """An uploaded portrait, cleaned as the admin cleans it (upright, no metadata), ready to store on a Person."""
    from pages import images

    return images.clean_image_upload(image_file(name, size=size, colour=(180, 140, 110)))
