"""go_live_check and the admin's readiness panel: every placeholder listed until staff fill it in."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from center.models import License, Notice, Payer, SiteSettings
from center.readiness import go_live_readiness
from pages.models import Article, Person, Program, Topic
from tests.support.builders import fill_center_facts, make_editor, make_staff, make_team_member, staff_login
from tests.support.htmlpage import parse_html


def go_live_check():
    """The command's output and whether it passed."""
    out = io.StringIO()
    try:
        call_command("go_live_check", stdout=out)
    except CommandError as failure:
        return out.getvalue(), str(failure)
    return out.getvalue(), None


def test_the_shipped_site_is_not_ready_and_the_check_names_every_placeholder(seeded):
    output, failure = go_live_check()
    assert failure == "Not ready to go live: 20 item(s) missing."
    for expected in (
        "The street address is still a placeholder.",
        "The postal code is still a placeholder.",
        "The phone number (916) 555-0100 is a placeholder.",
        "The email address admissions@example.org is a placeholder.",
        "No opening hours are set.",
        "No reply time is set",
        "The footer still says the details are placeholders",
        "No self-pay information is given.",
        "What the center offers families is not described.",
        "No license or certification in force",
        "the ASAM level of care, the DHCS service category, the hours per week, the typical length, who it is "
        "for, who it is not for, what happens on the first day, what to bring, the session schedule not yet given",
        "No insurance plans are listed.",
        "No Client bill of rights is in effect",
        "No Notice of Privacy Practices is in effect",
        "No Confidentiality of substance use records is in effect",
        "No one is shown on the “Our team” page.",
        "has no medical reviewer",
        "No one is told about new inquiries",
        "Say whether the center receives federal financial assistance",
        "Say whether the center owns or has a financial interest in a recovery residence",
    ):
        assert expected in output


def test_with_every_fact_filled_in_the_check_passes(seeded, settings):
    settings.CONTACT_NOTIFY_EMAILS = []
    fill_center_facts()
    output, failure = go_live_check()
    assert failure is None, output
    assert output.strip() == "Ready to go live: every fact and notice is in place."


def test_an_expired_license_fails_the_check_and_one_running_out_warns_without_failing(seeded):
    today = timezone.localdate()
    fill_center_facts(today)
    License.objects.update(expires_on=today + datetime.timedelta(days=59))
    readiness = go_live_readiness(today)
    assert readiness.ready
    last_day = today + datetime.timedelta(days=59)
    assert [item.message for item in readiness.warnings] == [
        f"License or certification “Certified program 340000AP” runs out in 59 days, on {last_day:%B %-d, %Y}. "
        "After that day the site no longer shows it: once it is renewed, enter the new date here."
    ]
    License.objects.update(expires_on=today - datetime.timedelta(days=1))
    messages = [item.message for item in go_live_readiness(today).gaps]
    assert messages == [
        "No license or certification in force: the footer cannot make the statement H&SC §11831.12 requires.",
        f"Certified program 340000AP ran out on {today - datetime.timedelta(days=1):%B %-d, %Y}.",
    ]


def test_a_payer_not_verified_in_90_days_warns(seeded):
    today = timezone.localdate()
    fill_center_facts(today)
    Payer.objects.update(verified_on=today - datetime.timedelta(days=91))
    readiness = go_live_readiness(today)
    assert readiness.ready
    assert "was last verified on" in readiness.warnings[0].message


@pytest.mark.parametrize("phone", ["(916) 555-0199", "916.555.0123"])
def test_a_fictional_phone_number_is_a_placeholder(seeded, phone):
    fill_center_facts()
    site = SiteSettings.load()
    site.phone = phone
    site.save()
    assert [item.message for item in go_live_readiness().gaps] == [f"The phone number {phone} is a placeholder."]


def test_a_program_missing_one_fact_names_just_that_fact(seeded):
    fill_center_facts()
    Program.objects.update(first_day="")
    assert [item.message for item in go_live_readiness().gaps] == [
        "Intensive Outpatient Program in Sacramento, CA: what happens on the first day not yet given."
    ]


def test_the_admin_home_page_lists_what_is_missing_with_links_to_fix_it(client, seeded):
    staff_login(client, make_staff("lead", superuser=True))
    page = parse_html(client.get("/admin/").content)
    assert "Before the site goes live: 20 items for you to fill in" in page.texts("h2")
    assert "Insurance and cost: No insurance plans are listed." in page.text
    assert page.find_all("a", href="/admin/center/payer/")
    assert page.find_all("a", href="/admin/center/sitesettings/1/change/")


def test_the_admin_home_page_says_when_the_site_is_ready(client, seeded, settings):
    fill_center_facts()
    staff_login(client, make_staff("lead", superuser=True))
    page = parse_html(client.get("/admin/").content)
    assert "Ready to go live" in page.texts("h2")
    assert "to fill in" not in page.text


def test_an_editor_is_asked_only_what_they_may_change_and_to_ask_an_administrator_for_the_rest(client, seeded):
    staff_login(client, make_editor())
    page = parse_html(client.get("/admin/").content)
    # Editors may view the site settings, licenses and payers, but only an administrator may change them.
    assert "Before the site goes live: 3 items for you to fill in" in page.texts("h2")
    for theirs in ("Programs: Intensive Outpatient Program in Sacramento, CA:", "Our team:", "has no medical reviewer"):
        assert theirs in page.text
    for not_theirs in ("Site settings:", "Licenses:", "Notices:", "No insurance plans", "No one is told"):
        assert not_theirs not in page.text
    assert "17 more items can only be changed by an administrator: ask an administrator." in page.text
    assert not page.find_all("a", href="/admin/center/sitesettings/1/change/")


def test_with_only_administrators_items_left_an_editor_has_nothing_to_fill_in(client, seeded):
    fill_center_facts()
    SiteSettings.objects.update(is_placeholder=True)
    staff_login(client, make_editor())
    page = parse_html(client.get("/admin/").content)
    assert "Before the site goes live: nothing for you to fill in" in page.texts("h2")
    assert "1 more item can only be changed by an administrator: ask an administrator." in page.text


SPANISH_DRAFT_AWAITING = (
    "“Cómo equilibrar el trabajo y la recuperación con un Programa Ambulatorio Intensivo”, the Spanish translation of "
    "“Balancing Work and Recovery with an Intensive Outpatient Program”, is a draft awaiting a qualified reviewer: a "
    "credentialed clinician who reads Spanish must check it, and be entered as its medical reviewer, before it is "
    "published."
)


def translation_warnings():
    return [item for item in go_live_readiness().warnings if item.area == "Translations"]


def review_warnings():
    return [item for item in translation_warnings() if "awaiting a qualified reviewer" in item.message]


def test_the_shipped_spanish_article_draft_is_listed_as_awaiting_a_qualified_reviewer(seeded):
    output, failure = go_live_check()
    assert f"Translations: {SPANISH_DRAFT_AWAITING}" in output
    assert "20 item(s) missing" in failure  # a warning: a draft keeps no visitor from anything
    [item] = review_warnings()
    assert item.admin_page.url == f"/admin/pages/article/{Article.objects.get(language='es').pk}/change/"
    assert item.admin_page.permission == "pages.change_article"


def test_a_translation_draft_is_awaiting_review_until_a_credentialed_reviewer_is_entered(seeded):
    spanish = Article.objects.get(language="es")
    spanish.reviewer = make_team_member(name="Lee Park", slug="lee-park", credentials="")
    spanish.last_reviewed_at = timezone.localdate()
    spanish.save()
    assert [item.message for item in review_warnings()] == [SPANISH_DRAFT_AWAITING]
    Person.objects.filter(slug="lee-park").update(credentials="LMFT")
    assert review_warnings() == []


def test_a_published_translation_is_no_longer_a_draft_awaiting_review(seeded):
    Article.objects.filter(language="es").update(status=Article.Status.PUBLISHED, published_at=timezone.now())
    assert review_warnings() == []
    # Published without a reviewer, it is a gap like any other unreviewed article.
    assert "“Cómo equilibrar el trabajo" in " ".join(item.message for item in go_live_readiness().gaps)


def test_the_spanish_program_is_not_asked_for_the_facts_it_takes_from_its_original(seeded):
    fill_center_facts()
    assert go_live_readiness().ready
    Program.objects.filter(language="es").update(first_day="", what_to_bring="")
    [warning] = [item for item in go_live_readiness().warnings if item.area == "Programs"]
    assert warning.message == (
        "Programa Ambulatorio Intensivo en Sacramento, CA (Spanish): what happens on the first day, what to bring not "
        "yet given in Spanish; its page shows a placeholder for each."
    )
    assert go_live_readiness().ready  # a warning: the Spanish page shows a Spanish placeholder meanwhile


def test_english_words_staff_wrote_without_their_spanish_are_each_listed_naming_the_field_and_spanish(seeded):
    fill_center_facts()
    site = SiteSettings.load()
    site.hours_note = "Closed on public holidays."
    site.family_services_es = ""
    site.save()
    program = Program.objects.get(language="en", slug=Program.MAIN_SLUG)
    program.sessions.create(name="Weekend group", first_day=6, last_day=6, opens="10:00", closes="12:00")
    output, failure = go_live_check()
    assert failure is None, "English words marked as English keep no visitor from anything: a warning"
    needs_attention = output[output.index("Needs attention") :]
    for expected in (
        "Site settings: “note on the hours” (“Closed on public holidays.”) has no Spanish version",
        "Site settings: “what we offer families” (“A weekly family group.”) has no Spanish version",
        f"{program.title}, session: “name” (“Weekend group”) has no Spanish version",
    ):
        assert expected in needs_attention
    urls = {item.admin_page.url for item in translation_warnings()}
    assert urls == {"/admin/center/sitesettings/1/change/", f"/admin/pages/program/{program.pk}/change/"}


def test_a_notice_in_effect_only_in_english_is_listed_until_its_spanish_version_is(seeded):
    fill_center_facts()
    Notice.objects.filter(kind=Notice.Kind.CLIENT_RIGHTS, language="es").delete()
    assert [item.message for item in translation_warnings()] == [
        "The Client bill of rights has no Spanish version in effect; the Spanish page shows the English one."
    ]


def test_a_topics_name_without_its_spanish_is_listed_on_the_shipped_site(seeded):
    topic = Topic.objects.get(slug="intensive-outpatient-program")
    [item] = [
        item for item in translation_warnings() if item.admin_page.url == f"/admin/pages/topic/{topic.pk}/change/"
    ]
    assert item.message == (
        "Intensive Outpatient Program: “name” (“Intensive Outpatient Program”) has no Spanish version; "
        "Spanish pages show it in English."
    )
