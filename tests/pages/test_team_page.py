"""Our team: the people who care for patients, with role, license, bio and photo, each with a page of their own."""

import json

import pytest
from PIL import Image

from pages.models import Person
from tests.support.builders import image_file, make_editor, make_team_member, portrait_file, staff_login
from tests.support.htmlpage import parse_html

TEAM = "/team/"
GPS_INFO, CAMERA_MAKE = 0x8825, 0x010F


def get_page(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return parse_html(response.content)


@pytest.fixture
def team(db):
    """Two on the team (one with a photo, listed second by position) and one author who is not."""
    return {
        "ana": make_team_member(team_position=2),
        "ben": make_team_member(
            name="Ben Okafor",
            slug="ben-okafor",
            credentials="MD",
            role="Medical director",
            bio="",
            team_position=1,
            photo=portrait_file(),
        ),
        "writer": Person.objects.create(name="Wren Writer", slug="wren-writer", bio="Writes for us."),
    }


def test_with_no_one_on_the_team_yet_the_page_says_so(client, db):
    page = get_page(client, TEAM)
    assert page.texts("h1") == ["Our team"]
    assert "[Our team’s profiles are not yet published]" in page.text


def test_the_team_is_listed_in_the_order_staff_gave_with_role_license_and_bio(client, team):
    page = get_page(client, TEAM)
    assert page.texts("h2")[:2] == ["Ben Okafor", "Ana Ruiz"]
    assert "Medical director · MD" in page.text
    assert "Clinical director · LMFT" in page.text
    assert "Ana leads the morning IOP group" in page.text
    assert "Wren Writer" not in page.text
    assert "not yet published" not in page.text
    assert page.find_all("a", href="/authors/ana-ruiz/") and page.find_all("a", href="/authors/ben-okafor/")


def test_a_team_member_without_a_role_shows_a_placeholder(client, db):
    make_team_member(role="")
    assert "[Role not yet set]" in get_page(client, TEAM).text


def test_a_photo_is_drawn_from_the_renditions_with_its_size_reserved(client, team):
    page = get_page(client, TEAM)
    (img,) = page.find_all("img")
    assert img.attrs["src"].startswith("/media/renditions/")
    assert img.attrs["width"] and img.attrs["height"]
    assert img.attrs["alt"] == ""  # the name is beside it; a description would say it twice
    assert img.attrs["loading"] == "lazy"
    (source,) = page.find_all("source", type="image/webp")
    assert ".webp 480w" in source.attrs["srcset"]


def test_each_team_member_has_a_page_without_any_published_work(client, team):
    page = get_page(client, "/authors/ben-okafor/")
    assert page.texts("h1") == ["Ben Okafor"]
    assert "Medical director · MD" in page.text
    assert page.find_all("img")
    assert page.find_all("a", href=TEAM)  # the breadcrumb leads back to the team
    assert (
        page.meta_content("description")
        == "Ben Okafor, MD, Medical director, on the team at Restoration Recovery Center."
    )


def test_someone_neither_on_the_team_nor_with_published_work_has_no_page(client, team):
    assert client.get("/authors/wren-writer/").status_code == 404


def test_the_sitemap_lists_the_team_page_and_each_member(client, team):
    sitemap = client.get("/sitemap.xml").content.decode()
    for path in (TEAM, "/authors/ana-ruiz/", "/authors/ben-okafor/"):
        assert f"<loc>http://testserver{path}</loc>" in sitemap
    assert "wren-writer" not in sitemap


def team_json_ld(client):
    page = get_page(client, TEAM)
    (block,) = [json.loads(el.text) for el in page.captured if el.attrs.get("type") == "application/ld+json"]
    (about,) = [node for node in block["@graph"] if node["@type"] == "AboutPage"]
    return about["mainEntity"]["itemListElement"]


def test_the_json_ld_describes_each_clinician_as_a_person_with_job_title_and_license(client, team):
    ben, ana = (entry["item"] for entry in team_json_ld(client))
    assert ana == {
        "@type": "Person",
        "name": "Ana Ruiz",
        "url": "http://testserver/authors/ana-ruiz/",
        "jobTitle": "Clinical director",
        "honorificSuffix": "LMFT",
        "worksFor": {"@type": "Organization", "name": "Restoration Recovery Center", "url": "http://testserver/"},
    }
    assert ben["honorificSuffix"] == "MD" and ben["jobTitle"] == "Medical director"
    assert ben["image"].startswith("http://testserver/media/renditions/")


@pytest.fixture
def editor_client(client, db):
    staff_login(client, make_editor())
    return client


def person_form_data(**overrides):
    data = {
        "name": "Cara Diaz",
        "slug": "cara-diaz",
        "credentials": "LCSW",
        "role_en": "Therapist",
        "bio_en": "Cara runs the evening group.",
        "on_team": "on",
        "team_position": "3",
        "_save": "Save",
    }
    return data | overrides


def test_an_editor_adds_a_team_member_with_a_photo_cleaned_of_its_metadata(editor_client, client):
    exif = Image.Exif()
    exif[CAMERA_MAKE] = "Canon"
    exif[GPS_INFO] = {1: "N", 2: (38.0, 34.0, 51.0), 3: "W", 4: (121.0, 29.0, 41.0)}
    upload = image_file("cara.jpg", size=(900, 1200), exif=exif)
    response = editor_client.post("/admin/pages/person/add/", person_form_data(photo=upload))
    assert response.status_code == 302
    cara = Person.objects.get(slug="cara-diaz")
    with cara.photo.open("rb") as stored, Image.open(stored) as original:
        assert GPS_INFO not in original.getexif() and CAMERA_MAKE not in original.getexif()
    assert [size["width"] for size in cara.photo_renditions["sizes"]] == [480, 800, 900]
    change_page = parse_html(editor_client.get(f"/admin/pages/person/{cara.pk}/change/").content)
    assert [el for el in change_page.find_all("img") if el.attrs.get("alt") == "Photo of Cara Diaz"]
    client.logout()
    assert "Cara Diaz" in get_page(client, TEAM).texts("h2")


def test_a_bad_photo_gets_a_clear_form_error_and_nothing_is_saved(editor_client):
    upload = image_file("moving.gif", image_format="GIF")
    response = editor_client.post("/admin/pages/person/add/", person_form_data(photo=upload))
    assert response.status_code == 200
    assert "must be JPEG, PNG or WebP" in parse_html(response.content).text
    assert not Person.objects.filter(slug="cara-diaz").exists()


def test_the_team_page_shows_an_edit_on_the_next_request(client, team):
    get_page(client, TEAM)
    team["ana"].role = "Lead therapist"
    team["ana"].save()
    assert "Lead therapist · LMFT" in get_page(client, TEAM).text
