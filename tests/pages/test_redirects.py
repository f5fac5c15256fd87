"""Editors' redirects lead to this site only: the admin refuses other targets, and visitors are never sent off-site."""

import pytest
from django.contrib.redirects.models import Redirect

from tests.support.builders import make_editor, staff_login
from tests.support.htmlpage import parse_html

ADD_REDIRECT = "/admin/redirects/redirect/add/"
OLD_PATH = "/2019/05/old-post/"
PARTNER = "care.example.org"  # a host the operators allowed, in the tests that set REDIRECT_ALLOWED_HOSTS


@pytest.fixture
def editor_client(client, db):
    staff_login(client, make_editor())
    return client


def add_redirect(client, old_path=OLD_PATH, new_path="/articles/"):
    response = client.post(ADD_REDIRECT, {"site": 1, "old_path": old_path, "new_path": new_path, "_save": "Save"})
    errors = response.context["adminform"].form.errors if response.status_code == 200 else {}
    return response, errors


REFUSED_TARGETS = {
    "a look-alike site": "https://restoration-recovery-center.example.net/",
    "a protocol-relative address": "//restoration-recovery-center.example.net/",
    "a backslash trick": "/\\restoration-recovery-center.example.net/",
    "a script": "javascript:alert(1)",
    "a relative address": "articles/",
    "http to an allowed host": f"http://{PARTNER}/intake/",
    "an allowed name inside another host": f"https://{PARTNER}.example.net/",
    "an allowed name as a user name": f"https://{PARTNER}@example.net/",
    "a newline": "/articles/\nSet-Cookie: x=1",
}


@pytest.mark.parametrize("new_path", REFUSED_TARGETS.values(), ids=REFUSED_TARGETS.keys())
def test_the_admin_refuses_a_target_off_the_site_with_a_clear_message(editor_client, settings, new_path):
    settings.REDIRECT_ALLOWED_HOSTS = [PARTNER]
    response, errors = add_redirect(editor_client, new_path=new_path)
    assert response.status_code == 200
    assert "Visitors can only be sent to this site" in " ".join(errors["new_path"])
    assert f"or an https:// address on {PARTNER}" in parse_html(response.content).text
    assert not Redirect.objects.exists()


BAD_OLD_PATHS = {
    "without the leading slash": "2019/05/old-post/",
    "a whole address": "https://old.example.org/2019/05/old-post/",
    "a protocol-relative address": "//old.example.org/2019/",
    "with a space": "/2019/05/old post/",
}


@pytest.mark.parametrize("old_path", BAD_OLD_PATHS.values(), ids=BAD_OLD_PATHS.keys())
def test_the_admin_wants_the_old_address_as_a_path_on_this_site(editor_client, old_path):
    response, errors = add_redirect(editor_client, old_path=old_path)
    assert response.status_code == 200
    assert "Enter the old address as a path on this site" in " ".join(errors["old_path"])
    assert not Redirect.objects.exists()


def test_a_redirect_to_the_same_address_is_refused(editor_client):
    response, errors = add_redirect(editor_client, old_path=OLD_PATH, new_path=OLD_PATH)
    assert response.status_code == 200
    assert "back to the address they came from" in " ".join(errors["new_path"])
    assert not Redirect.objects.exists()


GOOD_TARGETS = {
    "a path": "/articles/?topic=intensive-outpatient-program",
    "empty: the page is gone": "",
    "https to an allowed host": f"https://{PARTNER}/intake/",
}


@pytest.mark.parametrize("new_path", GOOD_TARGETS.values(), ids=GOOD_TARGETS.keys())
def test_the_admin_saves_a_redirect_on_this_site_or_to_an_allowed_host(editor_client, settings, new_path):
    settings.REDIRECT_ALLOWED_HOSTS = [PARTNER]
    response, errors = add_redirect(editor_client, new_path=new_path)
    assert (response.status_code, errors) == (302, {})
    assert Redirect.objects.get().new_path == new_path


def test_without_allowed_hosts_the_admin_says_only_paths_are_allowed(editor_client):
    response, errors = add_redirect(editor_client, new_path=f"https://{PARTNER}/intake/")
    assert "Visitors can only be sent to this site" in " ".join(errors["new_path"])
    assert "https:// address" not in parse_html(response.content).text


@pytest.mark.parametrize("new_path", REFUSED_TARGETS.values(), ids=REFUSED_TARGETS.keys())
def test_a_stored_redirect_off_the_site_is_not_followed(client, db, settings, caplog, new_path):
    """A row made in the shell or a fixture skips the admin's form; visitors still stay on the site."""
    settings.REDIRECT_ALLOWED_HOSTS = [PARTNER]
    Redirect.objects.create(site_id=1, old_path=OLD_PATH, new_path=new_path)
    response = client.get(OLD_PATH)
    assert response.status_code == 404
    assert "We couldn’t find that page" in parse_html(response.content).text
    assert "Location" not in response
    assert "was not followed: it leaves the site" in caplog.text  # so operators can find and fix the row


def test_a_stored_redirect_to_an_allowed_host_is_followed(client, db, settings):
    settings.REDIRECT_ALLOWED_HOSTS = [PARTNER]
    Redirect.objects.create(site_id=1, old_path=OLD_PATH, new_path=f"https://{PARTNER}/intake/")
    response = client.get(OLD_PATH)
    assert (response.status_code, response["Location"]) == (301, f"https://{PARTNER}/intake/")
