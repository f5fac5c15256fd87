"""The center's details come from one editable record, and a change shows on the very next page."""

import re

from center.models import SiteSettings
from tests.support.builders import make_staff, staff_login
from tests.support.htmlpage import parse_html

PLACEHOLDER_NOTE = "are placeholders until our staff confirm them"


def footer_text(client, url="/"):
    page = parse_html(client.get(url).content)
    (footer,) = page.texts("footer")
    return footer


def test_the_footer_shows_the_phone_from_the_record(client, seeded):
    SiteSettings.objects.create(phone="(916) 555-0142")
    assert "(916) 555-0142" in footer_text(client)


def test_an_edited_phone_shows_on_the_very_next_request(client, seeded):
    assert "(916) 555-0100" in footer_text(client)  # the default, now cached
    record = SiteSettings.load()
    record.phone = "(916) 555-0199"
    record.save()
    footer = footer_text(client, "/about/")
    assert "(916) 555-0199" in footer
    assert "(916) 555-0100" not in footer
    assert parse_html(client.get("/").content).find_all("a", href="tel:+19165550199")


def test_placeholder_details_are_labelled_as_placeholders(client, seeded):
    SiteSettings.objects.create(is_placeholder=True)
    assert PLACEHOLDER_NOTE in footer_text(client)


def test_confirmed_details_carry_no_placeholder_note(client, seeded):
    SiteSettings.objects.create(is_placeholder=False, phone="(916) 555-0123")
    assert PLACEHOLDER_NOTE not in footer_text(client)


def test_the_record_is_a_single_row(db):
    SiteSettings.objects.create(phone="1")
    SiteSettings(phone="2").save()
    assert SiteSettings.objects.count() == 1
    assert SiteSettings.load().phone == "2"


def test_the_admin_shows_each_text_in_english_and_spanish_side_by_side(client, seeded):
    SiteSettings.load()
    staff_login(client, make_staff("lead", superuser=True))
    html = client.get("/admin/center/sitesettings/1/change/").content.decode()
    for field in ("hours_note", "self_pay_information", "family_services"):
        row = re.search(rf'<div class="form-row [^"]*field-{field}_en field-{field}_es">(.*?)</fieldset>', html, re.S)
        assert row, f"{field}: English and Spanish on one line"
        labels = re.findall(r"<label[^>]*>([^<]*)</label>", row.group(1).split('class="form-row', 1)[0])
        assert [label.rsplit("(", 1)[1] for label in labels] == ["English):", "Spanish):"]
