"""/.well-known/security.txt tells a security researcher whom to write to (RFC 9116)."""

import datetime

from django.utils import timezone

from center.models import SiteSettings


def fields(response):
    return dict(line.split(": ", 1) for line in response.content.decode().splitlines())


def test_security_txt_names_the_site_settings_contact_and_expires_within_a_year(client, db):
    record = SiteSettings.load()
    record.email = "security-reports@example.org"
    record.save()
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    found = fields(response)
    assert found["Contact"] == "mailto:security-reports@example.org"
    assert found["Preferred-Languages"] == "en"
    assert found["Canonical"] == "http://testserver/.well-known/security.txt"
    expires = datetime.datetime.strptime(found["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
    assert timezone.now() < expires < timezone.now() + datetime.timedelta(days=365)


def test_security_txt_answers_only_reads(client, db):
    assert client.post("/.well-known/security.txt").status_code == 405
