"""No log line, error email or exception report carries a message, name, email address, phone number or insurance
detail."""

import logging

import pytest
from django.core import mail
from django.test import Client

import contact.services
from tests.support.htmlpage import parse_html
from tests.support.inquiries import form_data
from tests.support.servers import free_port
from tests.support.smtp import smtp_mailers

PERSONAL = {
    "name": "Zebulon Marchetti",
    "email": "zebulon.marchetti@example.com",
    "phone": "(916) 555-0143",
    "message": "Private words about my situation.",
    "insurance_check": "on",
    "insurance_payer": "Quillfeather Mutual",
    "insurance_member_id": "ZKV9930417",
    "insurance_group_number": "GRP55107",
    "insurance_policy_holder": "Ottoline Marchetti",
}
FRAGMENTS = [
    "Zebulon", "Marchetti", "zebulon.marchetti", "555-0143", "555 0143", "Private words",
    "Quillfeather", "ZKV9930417", "9930417", "GRP55107", "55107", "Ottoline",
]  # fmt: skip


@pytest.fixture
def error_emails(settings):
    """Django's default logging mails server errors to ADMINS when DEBUG is off (as in production)."""
    settings.ADMINS = ["ops@example.org"]
    return mail.outbox


def assert_nothing_personal(*texts):
    joined = "\n".join(texts)
    leaked = [fragment for fragment in FRAGMENTS if fragment in joined]
    assert leaked == [], f"personal data reached a log or report: {leaked}"


@pytest.mark.django_db
def test_a_crash_while_storing_an_inquiry_reports_nothing_personal(monkeypatch, caplog, error_emails):
    def broken(**kwargs):
        raise RuntimeError("spam check failed")

    monkeypatch.setattr(contact.services, "spam_verdict", broken)
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.DEBUG):
        response = client.post("/contact/", form_data(**PERSONAL))
    assert response.status_code == 500
    assert "988" in parse_html(response.content).text, "the visitor gets the branded page"
    assert len(error_emails) == 1, "the error is reported"
    report = error_emails[0]
    assert "spam check failed" in report.body
    assert_nothing_personal(caplog.text, report.subject, report.body)


@pytest.mark.django_db
def test_a_failed_staff_email_logs_nothing_personal(client, settings, caplog, django_capture_on_commit_callbacks):
    settings.CONTACT_NOTIFY_ON_SUBMIT = True
    settings.CONTACT_NOTIFY_INCLUDE_DETAILS = True  # even with details in the email, the log stays clean
    settings.CONTACT_NOTIFY_EMAILS = ["admissions@example.org"]
    settings.MAILERS = smtp_mailers(free_port())
    with caplog.at_level(logging.DEBUG), django_capture_on_commit_callbacks(execute=True):
        response = client.post("/contact/", form_data(**PERSONAL))
    assert response.status_code == 302
    assert "failed (attempt 1)" in caplog.text
    assert_nothing_personal(caplog.text)
