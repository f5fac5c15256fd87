"""go_live_check asks the Section 1557 and recovery-residence questions, and names each required element a privacy
notice in effect lacks (42 CFR 2.22, 45 CFR 164.520)."""

import datetime

import pytest

from center.models import Notice
from center.notice_rules import ELEMENTS
from center.readiness import go_live_readiness
from tests.support.builders import COMPLETE_NOTICE, fill_center_facts, fill_site_settings, make_staff, staff_login
from tests.support.htmlpage import parse_html


def gap_messages():
    return [item.message for item in go_live_readiness().gaps]


def test_a_notice_of_privacy_practices_typed_as_one_paragraph_is_listed_with_each_element_it_lacks(seeded):
    fill_center_facts()
    notice = Notice.objects.in_effect(Notice.Kind.PRIVACY_PRACTICES)
    notice.body = "We protect your health information and share it only as the law allows. Call us with questions."
    notice.save()
    lacking = [message for message in gap_messages() if message.startswith("The Notice of Privacy Practices")]
    assert lacking == [
        f"The Notice of Privacy Practices in effect lacks {name} (see the notices checklist)."
        for name in (
            "the prescribed header",
            "uses and disclosures without consent",
            "uses and disclosures with consent",
            "the bar on use in proceedings",
            "redisclosure",
            "the right to a paper copy",
            "complaints to the program",
            "complaints to HHS",
            "the effective date",
        )
    ]


def test_a_notice_with_every_element_but_one_is_told_just_that_one(seeded):
    fill_center_facts()
    notice = Notice.objects.in_effect(Notice.Kind.RECORDS_CONFIDENTIALITY)
    notice.body = COMPLETE_NOTICE.replace("redisclosure", "sharing onward")
    notice.save()
    assert [message for message in gap_messages() if "lacks" in message] == [
        "The Confidentiality of substance use records in effect lacks redisclosure (see the notices checklist)."
    ]


def test_a_header_reworded_is_not_the_prescribed_one(seeded):
    fill_center_facts()
    notice = Notice.objects.in_effect(Notice.Kind.PRIVACY_PRACTICES)
    notice.body = COMPLETE_NOTICE.replace("YOUR RIGHTS WITH RESPECT TO", "YOUR RIGHTS OVER")
    notice.save()
    assert "The Notice of Privacy Practices in effect lacks the prescribed header (see the notices checklist)." in (
        gap_messages()
    )


def test_a_notice_in_effect_since_before_the_part_2_compliance_date_is_flagged(seeded):
    fill_center_facts()
    Notice.objects.filter(kind=Notice.Kind.PRIVACY_PRACTICES).update(effective_on=datetime.date(2026, 2, 15))
    assert (
        "The Notice of Privacy Practices in effect took effect on February 15, 2026, before the 2024 Part 2 rule's "
        "compliance date (February 16, 2026): issue a version that meets it."
    ) in gap_messages()


def test_a_notice_effective_on_the_compliance_date_is_not_flagged(seeded):
    fill_center_facts()
    Notice.objects.filter(kind=Notice.Kind.PRIVACY_PRACTICES).update(effective_on=datetime.date(2026, 2, 16))
    assert go_live_readiness().gaps == []


def test_with_federal_assistance_the_notice_details_left_empty_are_asked_for(seeded):
    fill_center_facts()
    fill_site_settings(civil_rights_coordinator="", grievance_procedure=" ")
    assert gap_messages() == [
        "The Notice of nondiscrimination does not give the civil rights coordinator's name or title yet.",
        "The Notice of nondiscrimination does not give the grievance procedure yet.",
    ]


def test_without_federal_assistance_no_nondiscrimination_detail_is_asked_for(seeded):
    fill_center_facts()
    fill_site_settings(receives_federal_assistance="no", civil_rights_coordinator="", grievance_procedure="")
    assert gap_messages() == []


@pytest.mark.parametrize("details", ["", "  "])
def test_an_interest_in_a_recovery_residence_without_the_list_is_still_asked_for(seeded, details):
    fill_center_facts()
    fill_site_settings(recovery_residence_interest="interest", recovery_residences=details)
    assert [item.area for item in go_live_readiness().gaps] == ["Recovery residences"]


def test_the_checklist_page_beside_the_notices_lists_each_element_with_its_source_and_what_is_lacking(
    client, superuser
):
    Notice.objects.create(
        kind=Notice.Kind.PRIVACY_PRACTICES, effective_on=datetime.date(2025, 6, 1), body="We keep your records safe."
    )
    staff_login(client, superuser)
    changelist = parse_html(client.get("/admin/center/notice/").content)
    assert changelist.find_all("a", href="/admin/center/notice/checklist/")
    page = parse_html(client.get("/admin/center/notice/checklist/").content)
    text = " ".join(page.text.split())
    for element in ELEMENTS:
        assert element.explanation in text
    assert page.find_all(
        "a", href="https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2/subpart-B/section-2.22"
    )
    assert (
        "Notice of Privacy Practices: effective June 1, 2025, before the compliance date; lacks the prescribed header"
        in (text)
    )
    assert "Confidentiality of substance use records: no version in effect." in text


def test_the_notice_change_page_names_what_the_text_lacks(client, superuser):
    notice = Notice.objects.create(
        kind=Notice.Kind.RECORDS_CONFIDENTIALITY,
        effective_on=datetime.date(2026, 6, 1),
        body=COMPLETE_NOTICE.replace("a paper copy", "a copy"),
    )
    staff_login(client, superuser)
    page = parse_html(client.get(f"/admin/center/notice/{notice.pk}/change/").content)
    assert "Lacks: the right to a paper copy (the checklist)." in " ".join(page.text.split())


def test_an_editor_without_access_to_notices_cannot_open_the_checklist(client, db):
    user = make_staff("someone")
    staff_login(client, user)
    assert client.get("/admin/center/notice/checklist/").status_code == 403
