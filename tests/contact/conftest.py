"""Fixtures for contact-form tests: staff recipients and a local SMTP server."""

import pytest

from tests.support.smtp import smtp_mailers, smtp_server


@pytest.fixture
def recipients(settings):
    settings.CONTACT_NOTIFY_EMAILS = ["admissions@example.org"]
    return settings.CONTACT_NOTIFY_EMAILS


@pytest.fixture
def smtp(settings):
    """A real SMTP server that Django sends to; yields its inbox."""
    with smtp_server() as (port, inbox):
        settings.MAILERS = smtp_mailers(port)
        yield inbox
