"""A site just installed tells no one about inquiries: the admin's home says so first, in red, and offers the staff
member who signs in the way to put it right with one click."""

import pytest
from django.contrib.admin.models import LogEntry

from contact.models import NotificationRecipient
from contact.notifications import notification_recipients
from tests.support.builders import make_staff, staff_login
from tests.support.htmlpage import parse_html

ADD_ME = "/admin/contact/notificationrecipient/add-me/"
WARNING = "No one is told about new inquiries"


@pytest.fixture
def nobody_told(settings):
    settings.CONTACT_NOTIFY_EMAILS = []


@pytest.fixture
def first_superuser(db):
    user = make_staff("owner", superuser=True)
    user.email = "owner@restoration-test.org"
    user.save()
    return user


def home(client):
    return parse_html(client.get("/admin/").content)


def test_the_first_superuser_is_offered_the_new_inquiry_email_and_takes_it_in_one_click(
    client, seeded, nobody_told, first_superuser
):
    staff_login(client, first_superuser)
    page = home(client)
    [heading] = page.find_all("h2", id="no-recipients-heading")
    assert heading.text == WARNING
    assert "errornote" in heading.attrs["class"], "in the admin's red"
    assert page.texts("h2").index(WARNING) < page.texts("h2").index(
        "Before the site goes live: 20 items for you to fill in"
    )
    assert page.find_all("form", action=ADD_ME, method="post")
    assert "Email new inquiries to me (owner@restoration-test.org)" in page.text
    assert page.find_all("a", href="/admin/contact/notificationrecipient/add/")

    response = client.post(ADD_ME, follow=True)
    assert response.redirect_chain == [("/admin/", 302)]
    after = parse_html(response.content)
    assert "New inquiries are now emailed to owner@restoration-test.org." in after.text
    assert WARNING not in after.text
    assert "Before the site goes live: 19 items for you to fill in" in after.texts("h2")
    assert notification_recipients() == ["owner@restoration-test.org"]
    entry = LogEntry.objects.get()
    assert (entry.user, entry.object_repr, entry.is_addition()) == (first_superuser, "owner@restoration-test.org", True)


def test_taking_it_twice_adds_no_second_address(client, seeded, nobody_told, first_superuser):
    staff_login(client, first_superuser)
    client.post(ADD_ME)
    client.post(ADD_ME)
    assert NotificationRecipient.objects.count() == 1


def test_admissions_staff_are_told_to_ask_an_administrator_and_cannot_add_themselves(client, seeded, nobody_told):
    coordinator = make_staff("casey", group="Admissions")
    coordinator.email = "casey@restoration-test.org"
    coordinator.save()
    staff_login(client, coordinator)
    page = home(client)
    assert WARNING in page.texts("h2")
    assert "Ask an administrator to add a notification recipient." in page.text
    assert not page.find_all("form", action=ADD_ME)
    assert client.post(ADD_ME).status_code == 403
    assert not NotificationRecipient.objects.exists()


def test_without_an_email_address_of_their_own_a_superuser_is_sent_to_the_recipients_page(client, seeded, nobody_told):
    staff_login(client, make_staff("owner", superuser=True))
    page = home(client)
    assert not page.find_all("form", action=ADD_ME)
    assert page.find_all("a", href="/admin/contact/notificationrecipient/add/")
    response = client.post(ADD_ME, follow=True)
    assert "Your account has no email address: add one first." in parse_html(response.content).text
    assert not NotificationRecipient.objects.exists()


def test_the_offer_is_a_form_and_opening_its_address_just_goes_home(client, seeded, nobody_told, first_superuser):
    staff_login(client, first_superuser)
    response = client.get(ADD_ME)
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert not NotificationRecipient.objects.exists()


def test_an_escalations_list_alone_still_leaves_new_inquiries_untold(client, seeded, nobody_told, first_superuser):
    NotificationRecipient.objects.create(email="lead@example.org", receives=NotificationRecipient.Receives.ESCALATIONS)
    staff_login(client, first_superuser)
    assert WARNING in home(client).texts("h2")


def test_once_someone_is_told_the_warning_is_gone(client, seeded, first_superuser, settings):
    settings.CONTACT_NOTIFY_EMAILS = ["admissions@restoration-test.org"]
    staff_login(client, first_superuser)
    assert WARNING not in home(client).text
