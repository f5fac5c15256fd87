"""Staff sign-in: password plus a one-time code, enrolment, throttling, session limits and the audit trail."""

import base64
import datetime
import importlib
import io
import ipaddress
import re
import time

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.middleware import StaffSessionTimeoutMiddleware
from staff.models import AuditEvent
from tests.support.builders import make_staff, staff_login
from tests.support.htmlpage import parse_html
from tests.support.inquiries import LIST_URL, change_url, make_inquiry

pytestmark = pytest.mark.django_db

LOGIN_URL = "/admin/login/"
VERIFY_URL = "/admin/two-factor/"
SETUP_URL = "/admin/two-factor/setup/"
PASSWORD = "a-long-test-password"


def sign_in(client, user, password=PASSWORD, next_url=LIST_URL, **headers):
    data = {"username": user.username, "password": password, "next": next_url}
    return client.post(LOGIN_URL, data, follow=True, **headers)


def current_code(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def actions():
    return list(AuditEvent.objects.order_by("pk").values_list("action", flat=True))


def setup_key_shown(response):
    """The setup key the page shows for typing into an app, or None when it shows none."""
    match = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', response.content.decode())
    return match and match.group(1).replace(" ", "")


def start_setup(client, password=PASSWORD):
    """Type the password again at the setup step, as it asks before it shows a key; returns the page."""
    return client.post(SETUP_URL, {"password": password}, follow=True)


def code_for(secret):
    return f"{totp(base64.b32decode(secret)):06d}"


def test_a_new_staff_member_is_sent_to_enrol_and_then_sees_inquiries(client, admissions):
    inquiry = make_inquiry()
    response = sign_in(client, admissions)
    assert response.redirect_chain[-1][0].startswith(SETUP_URL)
    response = start_setup(client)
    page = parse_html(response.content)
    [qr] = page.find_all("img", **{"class": "two-factor-qr"})
    assert qr.attrs["src"].startswith("data:image/svg+xml"), "the QR code is drawn here, not by another service"
    secret = setup_key_shown(response)
    [code_input] = page.find_all("input", name="otp_token")
    assert code_input.attrs["autocomplete"] == "one-time-code"
    assert page.find_all("label", **{"for": code_input.attrs["id"]})

    response = client.post(SETUP_URL + f"?next={LIST_URL}", {"otp_token": code_for(secret), "next": LIST_URL})
    codes = re.findall(r"<li><code>([\w-]+)</code></li>", response.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    assert not set("".join(codes)) & set("01ilo"), "no characters that look alike"
    assert TOTPDevice.objects.get(user=admissions).confirmed
    assert client.get(LIST_URL).status_code == 200
    assert f"#{inquiry.pk}" in client.get(LIST_URL).content.decode()
    assert actions()[:2] == ["login", "2fa_enrolled"]


def test_setup_asks_for_the_password_again_before_it_shows_a_key(client, admissions):
    response = sign_in(client, admissions)
    assert setup_key_shown(response) is None, "a session that only knows the cookie would read the key"
    page = parse_html(response.content)
    [password] = page.find_all("input", name="password")
    assert page.find_all("label", **{"for": password.attrs["id"]})
    response = start_setup(client, password="not-the-password")
    assert setup_key_shown(response) is None
    assert "That password isn’t right" in parse_html(response.content).text
    assert actions()[-1] == "login_failed", "a wrong password here counts towards the lockout like any other"
    assert setup_key_shown(start_setup(client))


def test_each_session_gets_its_own_setup_key_and_only_the_one_confirmed_works(admissions):
    stranger, owner = Client(), Client()  # a stranger who has the password, and its owner
    sign_in(stranger, admissions)
    strangers_key = setup_key_shown(start_setup(stranger))
    sign_in(owner, admissions)
    owners_key = setup_key_shown(start_setup(owner))
    assert strangers_key != owners_key, "every session that opened the setup page shared one secret"
    assert setup_key_shown(stranger.get(SETUP_URL)) == strangers_key, "a reload shows the same key"

    assert "Save your backup codes" in owner.post(SETUP_URL, {"otp_token": code_for(owners_key)}).content.decode()
    assert not TOTPDevice.objects.filter(user=admissions, confirmed=False).exists()
    # The stranger's key now opens nothing, at the setup step they stayed on or at a new sign-in.
    stranger.post(SETUP_URL, {"otp_token": code_for(strangers_key)})
    assert stranger.get(LIST_URL).status_code == 302
    stranger = Client()
    sign_in(stranger, admissions)
    assert stranger.post(VERIFY_URL, {"otp_token": code_for(strangers_key)}).status_code == 200
    assert stranger.get(LIST_URL).status_code == 302


def test_a_setup_key_left_unconfirmed_expires(client, admissions):
    sign_in(client, admissions)
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        secret = setup_key_shown(start_setup(client))
        traveller.shift(datetime.timedelta(minutes=16))
        response = client.post(SETUP_URL, {"otp_token": code_for(secret)}, follow=True)
    assert setup_key_shown(response) is None and parse_html(response.content).find_all("input", name="password")
    assert not TOTPDevice.objects.filter(user=admissions).exists()


def test_a_wrong_enrolment_code_is_explained_and_enrols_nothing(client, admissions):
    sign_in(client, admissions)
    start_setup(client)
    response = client.post(SETUP_URL, {"otp_token": "000000"})
    page = parse_html(response.content)
    assert "That code didn’t match" in page.text
    assert page.find_all("input", name="otp_token")[0].attrs["aria-invalid"] == "true"
    assert not TOTPDevice.objects.filter(user=admissions, confirmed=True).exists()
    assert client.get(LIST_URL).status_code == 302


def test_a_password_alone_never_opens_the_inquiries(client, admissions):
    device = TOTPDevice.objects.create(user=admissions, name="phone", confirmed=True)
    response = sign_in(client, admissions)
    assert response.redirect_chain[-1][0].startswith(VERIFY_URL)
    assert client.get(LIST_URL).status_code == 302
    response = client.post(VERIFY_URL, {"otp_token": "123456", "next": LIST_URL})
    assert "That code didn’t work" in parse_html(response.content).text
    assert client.get(LIST_URL).status_code == 302
    time.sleep(1.1)  # django-otp makes each wrong code wait longer before the next try: 1 s after the first
    response = client.post(VERIFY_URL, {"otp_token": current_code(device), "next": LIST_URL})
    assert response.status_code == 302 and response["Location"] == LIST_URL
    assert client.get(LIST_URL).status_code == 200
    assert actions() == ["login", "login_failed", "listed"]


def test_a_session_cookie_copied_before_the_code_step_opens_nothing_after_it(client, admissions):
    device = TOTPDevice.objects.create(user=admissions, name="phone", confirmed=True)
    sign_in(client, admissions)
    copied = Client()
    copied.cookies["sessionid"] = client.cookies["sessionid"].value
    client.post(VERIFY_URL, {"otp_token": current_code(device), "next": LIST_URL})
    assert client.get(LIST_URL).status_code == 200
    assert copied.get(LIST_URL).status_code == 302, "the id given out before the code must not become a staff session"


def test_a_right_code_just_after_a_wrong_one_is_told_to_wait_and_is_accepted_after_the_wait(client, admissions):
    device = TOTPDevice.objects.create(user=admissions, name="phone", confirmed=True)
    sign_in(client, admissions)
    client.post(VERIFY_URL, {"otp_token": "123456", "next": LIST_URL})
    response = client.post(VERIFY_URL, {"otp_token": current_code(device), "next": LIST_URL})
    page = parse_html(response.content)
    assert "didn’t work" not in page.text, "the code was not even checked: calling it wrong sends staff astray"
    assert "Wait 1 second and try again." in page.text
    [countdown] = page.find_all("p", **{"class": "two-factor-wait"})
    assert countdown.attrs["data-wait-seconds"] == "1"
    assert page.find_all("script", src="/static/js/code-wait.js")
    assert client.get(LIST_URL).status_code == 302
    time.sleep(1.1)
    response = client.post(VERIFY_URL, {"otp_token": current_code(device), "next": LIST_URL})
    assert response.status_code == 302 and response["Location"] == LIST_URL
    assert actions() == ["login", "login_failed"], "only the code that was checked, and was wrong, is a failure"


def test_a_backup_code_works_at_once_after_a_wrong_app_code(client, admissions):
    from staff.two_factor import enrol_two_factor

    codes = enrol_two_factor(TOTPDevice.objects.create(user=admissions, name="phone", confirmed=False))
    sign_in(client, admissions)
    client.post(VERIFY_URL, {"otp_token": "123456"})
    assert client.post(VERIFY_URL, {"otp_token": codes[0]}).status_code == 302
    assert client.get(LIST_URL).status_code == 200


def test_a_backup_code_read_off_paper_works_as_shown_with_its_hyphen_in_capitals_or_with_spaces(client, admissions):
    from staff.two_factor import enrol_two_factor, readable_backup_code

    codes = enrol_two_factor(TOTPDevice.objects.create(user=admissions, name="phone", confirmed=False))
    for typed in (readable_backup_code(codes[0]).upper(), f" {codes[1][:5]} {codes[1][5:]} "):
        client.logout()
        sign_in(client, admissions)
        assert client.post(VERIFY_URL, {"otp_token": typed}).status_code == 302, typed


def test_a_right_enrolment_code_just_after_a_wrong_one_is_told_to_wait(client, admissions):
    sign_in(client, admissions)
    start_setup(client)
    client.post(SETUP_URL, {"otp_token": "000000"})
    device = TOTPDevice.objects.get(user=admissions, confirmed=False)
    page = parse_html(client.post(SETUP_URL, {"otp_token": current_code(device)}).content)
    assert "didn’t match" not in page.text
    assert "Wait 1 second and try again." in page.text
    time.sleep(1.1)
    assert "Save your backup codes" in client.post(SETUP_URL, {"otp_token": current_code(device)}).content.decode()


def test_a_backup_code_works_once(client, admissions):
    staff_login(client, admissions)
    client.logout()
    TOTPDevice.objects.filter(user=admissions).delete()
    from staff.two_factor import enrol_two_factor

    codes = enrol_two_factor(TOTPDevice.objects.create(user=admissions, name="phone", confirmed=False))
    sign_in(client, admissions)
    assert client.post(VERIFY_URL, {"otp_token": codes[0]}).status_code == 302
    assert client.get(LIST_URL).status_code == 200
    client.logout()
    sign_in(client, admissions)
    assert client.post(VERIFY_URL, {"otp_token": codes[0]}).status_code == 200, "used up"
    assert StaticToken.objects.filter(device__user=admissions).count() == 9


def test_five_wrong_passwords_lock_the_account_with_a_friendly_page_and_an_audit_entry(client, admissions):
    for _ in range(4):
        assert sign_in(client, admissions, password="wrong-password").status_code == 200
    response = sign_in(client, admissions, password="wrong-password")
    assert response.status_code == 429
    assert "Sign-in is paused" in response.content.decode()
    assert "30 minutes" in response.content.decode()
    assert sign_in(client, admissions).status_code == 429, "even the right password waits"
    assert actions().count("login_failed") >= 5
    locked = AuditEvent.objects.filter(action=AuditEvent.Action.LOCKED_OUT)
    assert locked.exists() and {event.username for event in locked} == {"casey-admissions"}


def test_a_forged_forwarded_for_header_does_not_dodge_the_lockout(client, settings, admissions):
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("10.0.0.2")]  # the load balancer
    # Guesses sent straight to the app port, each with a new made-up X-Forwarded-For.
    guesses = [
        client.post(
            LOGIN_URL,
            {"username": "casey-admissions", "password": "guess"},
            REMOTE_ADDR="203.0.113.7",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number}",
        )
        for number in range(6)
    ]
    assert [response.status_code for response in guesses] == [200] * 4 + [429] * 2
    details = set(AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN_FAILED).values_list("detail", flat=True))
    assert details == {"from 203.0.113.7"}


def test_a_wave_of_failures_from_many_addresses_pauses_new_browsers_only_and_only_while_it_lasts(admissions):
    device = TOTPDevice.objects.create(user=admissions, name="phone", confirmed=True)
    usual = Client(REMOTE_ADDR="198.51.100.20")  # the browser casey signed in with last week
    sign_in(usual, admissions)
    usual.post(VERIFY_URL, {"otp_token": current_code(device)})
    usual.post("/admin/logout/")
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for number in range(30):  # a few guesses each from many addresses: no one address reaches its limit
            Client(REMOTE_ADDR=f"203.0.113.{number}").post(
                LOGIN_URL, {"username": f"staff-{number % 3}", "password": "guess"}
            )
        response = sign_in(Client(REMOTE_ADDR="192.0.2.50"), admissions)
        assert response.status_code == 429, "a new browser got in during the wave"
        assert "a browser that has not signed in to this account before" in parse_html(response.content).text
        assert sign_in(usual, admissions).redirect_chain[-1][0].startswith(VERIFY_URL), "staff's own browser did not"
        traveller.shift(datetime.timedelta(minutes=31))
        response = sign_in(Client(REMOTE_ADDR="192.0.2.50"), admissions)
        assert response.redirect_chain[-1][0].startswith(VERIFY_URL), "the pause ends when the failures stop"


def everything_stored_about_sign_ins():
    """Every value the audit trail and django-axes' tables hold, as one string to search."""
    return " ".join(
        str(list(model.objects.values_list())) for model in (AuditEvent, AccessAttempt, AccessLog, AccessFailureLog)
    )


def test_a_failed_sign_in_with_an_unknown_name_records_only_that_an_unknown_name_was_tried(client):
    client.post(LOGIN_URL, {"username": "nobody-by-that-name", "password": "guess"})
    event = AuditEvent.objects.get()
    assert (event.action, event.username, event.user) == ("login_failed", "", None)
    assert event.detail.startswith("unknown name tried")
    stored = everything_stored_about_sign_ins()
    assert "nobody-by-that-name" not in stored and "guess" not in stored


def test_a_sign_in_is_kept_once_in_the_audit_trail_and_not_again_in_django_axes_own_log(client, admissions):
    sign_in(client, admissions, HTTP_USER_AGENT="Mozilla/5.0 (the coordinator's laptop)")
    assert actions() == ["login"], "the audit trail has it, with its retention period and purge command"
    assert not AccessLog.objects.exists(), "django-axes would keep name, address and browser with no end date"


def test_a_password_typed_into_the_username_box_is_kept_nowhere(client, admissions):
    client.post(LOGIN_URL, {"username": "violet-harbour-lantern-62", "password": ""})
    client.post(LOGIN_URL, {"username": "violet-harbour-lantern-62", "password": "violet-harbour-lantern-62"})
    assert AccessAttempt.objects.exists(), "the attempts still count towards a lockout"
    assert "violet-harbour-lantern" not in everything_stored_about_sign_ins()


def test_names_typed_before_this_release_are_forgotten_unless_they_name_an_account(admissions):
    typed = AuditEvent.record(
        AuditEvent.Action.LOGIN_FAILED, username="hunter2-in-the-wrong-box", detail="from 10.0.0.9"
    )
    locked = AuditEvent.record(
        AuditEvent.Action.LOCKED_OUT, username="hunter2-in-the-wrong-box", detail="from 10.0.0.9"
    )
    account = AuditEvent.record(AuditEvent.Action.LOGIN_FAILED, username="casey-admissions", detail="from 10.0.0.9")
    migration = importlib.import_module("contact.migrations.0005_forget_unknown_sign_in_names")
    # A data migration runs with the models as they were when it was written: the trail was the contact app's then.
    models_then = MigrationLoader(connection).project_state(("contact", "0004_audit_sign_in_events")).apps
    migration.forget_unknown_sign_in_names(models_then, schema_editor=None)
    assert "hunter2" not in str(list(AuditEvent.objects.values_list()))
    for event in (typed, locked):
        event.refresh_from_db()
        assert (event.username, event.detail) == ("", "unknown name tried from 10.0.0.9")
    account.refresh_from_db()
    assert (account.username, account.detail) == ("casey-admissions", "from 10.0.0.9")


def test_a_failed_sign_in_for_an_existing_account_names_the_account(client, admissions):
    client.post(LOGIN_URL, {"username": "casey-admissions", "password": "wrong-password"})
    event = AuditEvent.objects.get()
    assert (event.action, event.username) == ("login_failed", "casey-admissions")


def test_a_lockout_holds_for_that_account_from_that_address_only(client, admissions):
    attacker = {"REMOTE_ADDR": "203.0.113.5"}
    for _ in range(5):
        client.post(LOGIN_URL, {"username": "casey-admissions", "password": "wrong-password"}, **attacker)
    assert client.post(LOGIN_URL, {"username": "casey-admissions", "password": PASSWORD}, **attacker).status_code == 429
    office = Client(REMOTE_ADDR="198.51.100.7")
    response = sign_in(office, admissions)
    assert response.redirect_chain[-1][0].startswith(VERIFY_URL), "the owner still gets in from their own address"
    locked = AuditEvent.objects.filter(action=AuditEvent.Action.LOCKED_OUT)
    assert set(locked.values_list("username", "detail")) == {("casey-admissions", "from 203.0.113.5")}


def test_unlock_sign_in_lifts_a_pause_early(client, admissions):
    for _ in range(5):
        sign_in(client, admissions, password="wrong-password")
    assert sign_in(client, admissions).status_code == 429
    out = io.StringIO()
    call_command("unlock_sign_in", "casey-admissions", stdout=out)
    assert "Lifted the sign-in pause of casey-admissions" in out.getvalue()
    assert sign_in(client, admissions).redirect_chain[-1][0].startswith(VERIFY_URL)


def test_unlock_sign_in_lifts_an_address_pause_early(admissions):
    office = Client(REMOTE_ADDR="2001:db8:5:6::20")
    for number in range(10):
        office.post(LOGIN_URL, {"username": f"staff-{number}", "password": "guess"})
    assert sign_in(office, admissions).status_code == 429
    out = io.StringIO()
    call_command("unlock_sign_in", "--address", "2001:db8:5:6::99", stdout=out)  # any address of that /64
    assert "Lifted the sign-in pause of 2001:db8:5:6::99" in out.getvalue()
    assert sign_in(office, admissions).redirect_chain[-1][0].startswith(VERIFY_URL)


def test_staff_are_signed_out_after_the_idle_limit(client, admissions, monkeypatch):
    monkeypatch.setattr(StaffSessionTimeoutMiddleware, "IDLE_SECONDS", 60)
    staff_login(client, admissions)
    assert client.get(LIST_URL).status_code == 200
    session = client.session
    session["staff_session_last_seen"] = int(time.time()) - 61
    session.save()
    response = client.get(LIST_URL, follow=True)
    assert response.redirect_chain[-1][0].startswith(LOGIN_URL)
    assert "signed out after a while without activity" in response.content.decode()
    assert AuditEvent.objects.filter(action="logout", detail__startswith="idle").exists()


def test_staff_sessions_end_after_the_total_limit_even_when_busy(client, admissions, settings):
    settings.SESSION_COOKIE_AGE = 3600
    staff_login(client, admissions)
    client.get(LIST_URL)
    session = client.session
    session["staff_session_started"] = int(time.time()) - 3601
    session.save()
    assert client.get(LIST_URL).status_code == 302
    assert AuditEvent.objects.filter(action="logout", detail__startswith="session limit").exists()


def test_signing_out_ends_the_session(client, admissions):
    staff_login(client, admissions)
    old_key = client.session.session_key
    client.post("/admin/logout/")
    assert client.get(LIST_URL).status_code == 302
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=old_key).exists()
    assert "logout" in actions()


def test_the_audit_view_filters_by_kind_and_user(client, superuser, admissions):
    AuditEvent.record(AuditEvent.Action.LOCKED_OUT, username="casey-admissions", detail="from 10.0.0.1")
    staff_login(client, superuser)
    response = client.get("/admin/staff/auditevent/", {"action__exact": "locked_out"})
    assert [e.action for e in response.context["cl"].result_list] == ["locked_out"]
    filters = parse_html(client.get("/admin/staff/auditevent/").content).text
    assert "By action" in filters and "By user" in filters


def test_the_audit_trail_is_visible_to_superusers_only_and_never_editable(client, admissions, superuser):
    inquiry = make_inquiry()
    staff_login(client, admissions)
    client.get(change_url(inquiry))
    event = AuditEvent.objects.get(action=AuditEvent.Action.VIEWED)
    assert client.get("/admin/staff/auditevent/").status_code == 403
    staff_login(client, superuser)
    assert client.get("/admin/staff/auditevent/").status_code == 200
    page = parse_html(client.get(f"/admin/staff/auditevent/{event.pk}/change/").content)
    assert not page.find_all("input", type="submit"), "no save button"
    assert client.post(f"/admin/staff/auditevent/{event.pk}/change/", {"detail": "x"}).status_code == 403
    assert client.post(f"/admin/staff/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.get("/admin/staff/auditevent/add/").status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk, detail="").exists()


def test_reset_two_factor_lets_a_locked_out_superuser_enrol_again(client, superuser):
    staff_login(client, superuser)
    out = io.StringIO()
    call_command("reset_two_factor", "root-admin", stdout=out)
    assert "Removed 1 two-factor devices" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=superuser).exists()
    assert client.get(LIST_URL).status_code == 302, "the old verified session no longer counts"
    assert AuditEvent.objects.filter(action="2fa_reset", username="root-admin").exists()
    with pytest.raises(CommandError, match="no account"):
        call_command("reset_two_factor", "nobody")


def test_audit_events_are_kept_six_years_then_purged():
    old = AuditEvent.record(AuditEvent.Action.VIEWED, detail="old")
    AuditEvent.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=6 * 365 + 1))
    recent = AuditEvent.record(AuditEvent.Action.VIEWED, detail="recent")
    AuditEvent.objects.filter(pk=recent.pk).update(created_at=timezone.now() - datetime.timedelta(days=6 * 365 - 1))
    out = io.StringIO()
    call_command("purge_audit_events", stdout=out)
    assert "Deleted 1 audit events" in out.getvalue()
    assert not AuditEvent.objects.filter(pk=old.pk).exists()
    assert AuditEvent.objects.filter(pk=recent.pk).exists()
    with pytest.raises(CommandError):
        call_command("purge_audit_events", "--older-than", "30")


def test_editors_must_enrol_too(client):
    editor = make_staff("eddie-editor")
    editor.user_permissions.set(Permission.objects.filter(content_type__app_label="pages"))
    response = sign_in(client, editor, next_url="/admin/")
    assert re.search(r"/admin/two-factor/setup/", response.redirect_chain[-1][0])


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("Sh0rt-pass!", "at least 12 characters"),
        ("1qaz2wsx3edc", "too common"),
        ("839201746651", "entirely numeric"),
    ],
)
def test_weak_staff_passwords_are_refused_without_any_network_lookup(password, reason):
    user = make_staff("new-staff-member")
    with pytest.raises(ValidationError, match=reason):
        validate_password(password, user)
    validate_password("violet-harbour-lantern-62", user)  # a long passphrase passes
