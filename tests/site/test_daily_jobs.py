"""The daily jobs operators run as the README lists them (Production, step 7): each runs, and together they remove
what the site keeps for a limited time."""

import datetime
import io
import re

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from tests.support.seed import ROOT

pytestmark = pytest.mark.django_db


def daily_jobs():
    """The commands of the README's "Daily jobs" step, in its order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    step = readme[readme.index("**Daily jobs**") :]
    step = step[: step.index("\n8. ")]
    return re.findall(r"`python manage\.py (\w+)`", step)


def run_daily_jobs():
    for command in daily_jobs():
        call_command(command, stdout=io.StringIO())


def test_the_daily_jobs_delete_expired_sessions_and_keep_live_ones():
    """Staff sessions hold who signed in and when; an expired one (idle, or past its 12 hours) is of no use to keep."""
    expired, live = SessionStore(), SessionStore()
    for session in (expired, live):
        session["signed_in_as"] = "staff"
        session.create()
    Session.objects.filter(pk=expired.session_key).update(expire_date=timezone.now() - datetime.timedelta(minutes=1))
    run_daily_jobs()
    assert list(Session.objects.values_list("pk", flat=True)) == [live.session_key]
