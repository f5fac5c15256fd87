"""The staff email: sent after commit, holds no personal data, retried with backoff, delivered exactly once."""

import datetime
import io
import logging
import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from contact.models import Inquiry, NotificationRecipient
from contact.notifications import inquiry_notify_staff, retry_delay, send_pending_notifications
from contact.spam import time_trap_token
from tests.support.inquiries import SCRIPT, form_data
from tests.support.seed import ROOT
from tests.support.servers import free_port, production_env
from tests.support.smtp import smtp_mailers, smtp_server

PERSONAL = ["Jordan", "Quill", "jordan.quill@example.com", "555-0142", "5550142", "evening groups"]


def submit(client, django_capture_on_commit_callbacks, **fields):
    """Send the form and run what the commit schedules, as a real request would."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/contact/", form_data(**fields))
    assert response.status_code == 302
    return Inquiry.objects.order_by("-pk").first()


def text_of(message):
    return f"{message.subject}\n{message.body}\n{message.extra_headers}"


@pytest.fixture
def notify_on_submit(settings, recipients):
    settings.CONTACT_NOTIFY_ON_SUBMIT = True
    settings.SITE_URL = ""


@pytest.mark.django_db
def test_the_staff_email_says_only_that_an_inquiry_arrived(
    client, django_capture_on_commit_callbacks, notify_on_submit
):
    inquiry = submit(client, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.subject == f"New inquiry #{inquiry.pk}"
    assert message.to == ["admissions@example.org"]
    assert "Program: Intensive Outpatient Program (IOP)" in message.body
    assert "Preferred contact: Phone call" in message.body
    assert f"http://testserver/admin/contact/inquiry/{inquiry.pk}/change/" in message.body
    for detail in PERSONAL:
        assert detail not in text_of(message)
    inquiry.refresh_from_db()
    assert inquiry.notified_at is not None
    assert inquiry.notify_attempts == 1
    assert inquiry.notification_state == "Delivered"


@pytest.mark.django_db
def test_the_admin_link_uses_site_url_when_it_is_set(
    client, django_capture_on_commit_callbacks, notify_on_submit, settings
):
    settings.SITE_URL = "https://www.example.org"
    inquiry = submit(client, django_capture_on_commit_callbacks)
    assert f"https://www.example.org/admin/contact/inquiry/{inquiry.pk}/change/" in mail.outbox[0].body


@pytest.mark.django_db
def test_without_site_url_the_admin_link_names_the_host_as_browsers_write_it(
    client, django_capture_on_commit_callbacks, notify_on_submit
):
    """Django accepts any port, case and trailing dot on an allowed host: none of them reaches the staff email."""
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/contact/", form_data(), HTTP_HOST="LocalHost.:0080").status_code == 302
    inquiry = Inquiry.objects.get()
    assert f"http://localhost/admin/contact/inquiry/{inquiry.pk}/change/" in mail.outbox[0].body


@pytest.mark.django_db
def test_a_setting_can_include_the_details(client, django_capture_on_commit_callbacks, notify_on_submit, settings):
    settings.CONTACT_NOTIFY_INCLUDE_DETAILS = True
    submit(client, django_capture_on_commit_callbacks, name=SCRIPT, message=SCRIPT)
    body = mail.outbox[0].body
    assert "jordan.quill@example.com" in body
    assert SCRIPT in body, "plain text: the script is shown as the characters typed, never run"
    assert mail.outbox[0].content_subtype == "plain"
    assert mail.outbox[0].subject.startswith("New inquiry #")


@pytest.mark.django_db
def test_no_field_can_reach_the_email_headers(client, django_capture_on_commit_callbacks, notify_on_submit, settings):
    settings.CONTACT_NOTIFY_INCLUDE_DETAILS = True
    submit(client, django_capture_on_commit_callbacks, name="Sam\r\nBcc: victim@example.com", message="a\r\nTo: x@y.z")
    [message] = mail.outbox
    assert message.bcc == []
    assert message.to == ["admissions@example.org"]
    assert "\n" not in message.subject
    assert "victim@example.com" not in str(message.message()["Bcc"] or "")


@pytest.mark.django_db
def test_admin_managed_recipients_take_precedence_over_the_setting(
    client, django_capture_on_commit_callbacks, notify_on_submit
):
    NotificationRecipient.objects.create(email="intake-a@example.org")
    NotificationRecipient.objects.create(email="intake-b@example.org")
    NotificationRecipient.objects.create(email="on-leave@example.org", active=False)
    submit(client, django_capture_on_commit_callbacks)
    assert sorted(mail.outbox[0].to) == ["intake-a@example.org", "intake-b@example.org"]


@pytest.mark.django_db
def test_an_inquiry_to_review_is_emailed_and_the_email_counts_it(
    client, django_capture_on_commit_callbacks, notify_on_submit
):
    usual = submit(client, django_capture_on_commit_callbacks)
    fast = submit(client, django_capture_on_commit_callbacks, started=time_trap_token())  # sent within 3 s
    assert fast.status == Inquiry.Status.NEEDS_REVIEW
    first, second = mail.outbox
    assert first.subject == f"New inquiry #{usual.pk}"
    assert first.body.startswith("1 new inquiry.\n")
    assert second.subject == f"New inquiry #{fast.pk}, to review"
    assert second.body.startswith("1 new inquiry, 1 to review.\n")
    assert "may be a person" in second.body
    assert f"http://testserver/admin/contact/inquiry/{fast.pk}/change/" in second.body
    for detail in PERSONAL:
        assert detail not in text_of(second)


@pytest.mark.django_db
def test_suspected_spam_is_not_emailed(client, django_capture_on_commit_callbacks, notify_on_submit):
    submit(client, django_capture_on_commit_callbacks, website="http://bot.example")
    assert mail.outbox == []
    assert send_pending_notifications() == (0, 0)


@pytest.mark.django_db
def test_in_production_mode_the_request_sends_nothing_and_the_worker_does(
    client, django_capture_on_commit_callbacks, recipients, settings
):
    settings.CONTACT_NOTIFY_ON_SUBMIT = False
    inquiry = submit(client, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert Inquiry.objects.notification_due().get() == inquiry
    call_command("send_pending_notifications", stdout=io.StringIO())
    assert [m.subject for m in mail.outbox] == [f"New inquiry #{inquiry.pk}"]
    assert send_pending_notifications() == (0, 0), "never twice"


@pytest.mark.django_db
def test_without_any_recipient_the_inquiry_waits_unfailed_and_goes_out_once_someone_is_added(
    client, django_capture_on_commit_callbacks, settings, caplog
):
    settings.CONTACT_NOTIFY_ON_SUBMIT = True
    settings.CONTACT_NOTIFY_EMAILS = []
    inquiry = submit(client, django_capture_on_commit_callbacks)
    out = io.StringIO()
    call_command("send_pending_notifications", stdout=out)
    inquiry.refresh_from_db()
    assert (inquiry.notified_at, inquiry.notify_attempts, inquiry.notify_last_error) == (None, 0, "")
    assert inquiry.notification_state == "Waiting", "a site just installed shows no failure"
    assert "1 inquiry waits for a notification recipient" in out.getvalue()
    assert "no recipients" not in caplog.text
    assert mail.outbox == []

    NotificationRecipient.objects.create(email="intake@example.org")
    call_command("send_pending_notifications", stdout=io.StringIO())
    assert [(m.subject, m.to) for m in mail.outbox] == [(f"New inquiry #{inquiry.pk}", ["intake@example.org"])]


@pytest.mark.django_db
def test_the_escalations_list_does_not_receive_the_new_inquiry_email(
    client, django_capture_on_commit_callbacks, notify_on_submit
):
    NotificationRecipient.objects.create(email="intake@example.org")
    NotificationRecipient.objects.create(email="lead@example.org", receives=NotificationRecipient.Receives.ESCALATIONS)
    submit(client, django_capture_on_commit_callbacks)
    assert mail.outbox[0].to == ["intake@example.org"]


@pytest.mark.django_db
def test_with_smtp_down_the_visitor_still_sees_thanks_and_the_worker_delivers_later(
    client, django_capture_on_commit_callbacks, notify_on_submit, settings, caplog
):
    port = free_port()  # nothing listens here yet: connections are refused
    settings.MAILERS = smtp_mailers(port)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/contact/", form_data(), follow=True)
    assert response.redirect_chain == [("/contact/thanks/", 302)]
    inquiry = Inquiry.objects.get()
    assert inquiry.notified_at is None
    assert inquiry.notify_attempts == 1
    assert "ConnectionRefusedError" in inquiry.notify_last_error
    assert inquiry.notify_next_attempt_at > timezone.now()
    for detail in PERSONAL:
        assert detail not in caplog.text

    assert send_pending_notifications() == (0, 0), "backoff: not due yet"
    Inquiry.objects.update(notify_next_attempt_at=timezone.now())
    with smtp_server(port) as (_, inbox):
        call_command("send_pending_notifications", stdout=io.StringIO())
        assert inbox.subjects == [f"New inquiry #{inquiry.pk}"]
        rcpt_tos, message = inbox.messages[0]
        assert rcpt_tos == ["admissions@example.org"]
        body = message.get_content()
        for detail in PERSONAL:
            assert detail not in body
    inquiry.refresh_from_db()
    assert inquiry.notified_at is not None
    assert (inquiry.notify_attempts, inquiry.notify_last_error) == (2, "")


def test_retries_back_off_up_to_an_hour():
    delays = [retry_delay(n) for n in (1, 2, 3, 4, 10, 50)]
    assert delays[:4] == [datetime.timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert delays[4] == delays[5] == datetime.timedelta(hours=1)


@pytest.mark.django_db
def test_a_claimed_inquiry_is_not_sent_by_a_second_sender(recipients, client):
    client.post("/contact/", form_data())
    inquiry = Inquiry.objects.get()
    Inquiry.objects.update(notify_claimed_until=timezone.now() + datetime.timedelta(minutes=5))
    assert inquiry_notify_staff(inquiry.pk) is False
    assert mail.outbox == []
    # A sender that died leaves its lease to expire; then the inquiry is retried, not lost.
    Inquiry.objects.update(notify_claimed_until=timezone.now() - datetime.timedelta(seconds=1))
    assert inquiry_notify_staff(inquiry.pk) is True
    assert inquiry_notify_staff(inquiry.pk) is False
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_senders_deliver_each_inquiry_exactly_once(recipients, client, settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite ignores FOR UPDATE and allows one writer at a time (CI runs PostgreSQL)")
    settings.CONTACT_NOTIFY_ON_SUBMIT = False
    settings.CONTACT_RATE_LIMIT = 100
    for _ in range(20):
        client.post("/contact/", form_data())
    numbers = sorted(Inquiry.objects.values_list("pk", flat=True))
    start = threading.Barrier(2)

    def run_command():
        start.wait()
        try:
            call_command("send_pending_notifications", stdout=io.StringIO())
        finally:
            connection.close()

    with smtp_server(delay=0.05) as (port, inbox):
        settings.MAILERS = smtp_mailers(port)
        runs = [threading.Thread(target=run_command) for _ in range(2)]
        for run in runs:
            run.start()
        for run in runs:
            run.join(timeout=60)
        subjects = inbox.subjects
    assert sorted(subjects) == sorted(f"New inquiry #{pk}" for pk in numbers), "each inquiry exactly once"
    assert set(Inquiry.objects.values_list("notify_attempts", flat=True)) == {1}
    assert not Inquiry.objects.filter(notified_at__isnull=True).exists()


@pytest.mark.django_db
def test_a_failing_send_logs_the_inquiry_number_and_no_personal_data(client, recipients, settings, caplog):
    settings.MAILERS = smtp_mailers(free_port())
    client.post("/contact/", form_data())
    with caplog.at_level(logging.DEBUG):
        assert send_pending_notifications() == (0, 1)
    inquiry = Inquiry.objects.get()
    assert f"Inquiry #{inquiry.pk}" in caplog.text
    for detail in PERSONAL:
        assert detail not in caplog.text


@pytest.mark.django_db(transaction=True)  # the loop closes stale connections, as a long-running worker must
def test_the_worker_loop_sends_what_is_due_and_stops_cleanly_on_sigterm(client, recipients, settings):
    settings.CONTACT_NOTIFY_ON_SUBMIT = False
    client.post("/contact/", form_data())
    assert mail.outbox == []

    def stop_the_worker_once_it_has_sent():
        # Only once the worker's own handler is in place, so a stray signal can never end the test run.
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if mail.outbox and signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, None):
                os.kill(os.getpid(), signal.SIGTERM)
                return
            time.sleep(0.05)

    threading.Thread(target=stop_the_worker_once_it_has_sent, daemon=True).start()
    out = io.StringIO()
    call_command("send_pending_notifications", "--loop", "--interval", "0.1", stdout=out)
    assert out.getvalue() == "Delivered 1, failed 0.\n"
    assert len(mail.outbox) == 1
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL, "the previous handler is back"


def test_the_worker_keeps_running_while_the_database_cannot_be_reached(tmp_path):
    """A database restart must not end the worker (it would then send nothing once the database is back)."""
    unreachable = f"postgres://postgres@127.0.0.1:{free_port()}/restoration"  # nothing listens there
    env = production_env(tmp_path, {"DATABASE_URL": unreachable, "DJANGO_LOG_LEVEL": "WARNING"})
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "send_pending_notifications", "--loop", "--interval", "0.2"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    # Wait for the worker to say so twice (its handler is then in place, and it has outlived one failed pass),
    # not for a fixed time: a busy machine can take seconds just to start Python and Django.
    warning = "Database unavailable (OperationalError); trying again in 0.2 s"
    lines = []
    reader = threading.Thread(target=lambda: lines.extend(worker.stdout), daemon=True)
    reader.start()
    deadline = time.monotonic() + 60
    while sum(warning in line for line in lines) < 2 and worker.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    still_running = worker.poll() is None
    worker.terminate()
    worker.wait(timeout=20)
    reader.join(timeout=20)
    output = "".join(lines)
    assert still_running, output
    assert worker.returncode == 0, "SIGTERM still ends it cleanly"
    assert sum(warning in line for line in lines) >= 2, output
