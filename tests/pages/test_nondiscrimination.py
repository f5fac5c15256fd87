"""/nondiscrimination/: the Section 1557 notice, published while the center says it receives federal assistance."""

import pytest

from tests.support.builders import fill_site_settings
from tests.support.htmlpage import parse_html, text_by_language
from tests.support.page_types import FIXED_PAGES

URLS = {"en": "/nondiscrimination/", "es": "/es/nondiscrimination/"}


@pytest.mark.parametrize("answer", ["", "no"])
def test_there_is_no_notice_and_no_footer_link_unless_the_center_receives_federal_assistance(client, db, answer):
    fill_site_settings(receives_federal_assistance=answer)
    assert client.get(URLS["en"]).status_code == 404
    assert "/nondiscrimination/" not in client.get("/").content.decode()


@pytest.mark.parametrize("path", [path for name, path in FIXED_PAGES])
def test_with_federal_assistance_every_footer_links_the_notice(client, seeded, path):
    fill_site_settings(receives_federal_assistance="yes")
    footer = client.get(path).content.decode().split("<footer", 1)[1]
    if path.startswith("/es/"):
        assert '<a href="/es/nondiscrimination/">Aviso de no discriminación</a>' in footer
    else:
        assert '<a href="/nondiscrimination/">Notice of nondiscrimination</a>' in footer


def test_the_notice_gives_the_coordinator_the_procedure_and_where_to_complain_to_hhs(client, db):
    fill_site_settings(
        receives_federal_assistance="yes",
        civil_rights_coordinator="Compliance Officer",
        civil_rights_phone="(916) 555-0150",
        civil_rights_email="civilrights@restoration-test.org",
        civil_rights_address="100 Test Street, Sacramento, CA 95814",
        grievance_procedure="Write to us; we answer **within 30 days**.",
    )
    response = client.get(URLS["en"])
    assert response.status_code == 200
    page = parse_html(response.content.decode())
    text = " ".join(page.text.split())
    assert "Restoration Recovery Center complies with applicable Federal civil rights laws" in text
    assert "If you need these services, contact Compliance Officer" in text
    grievance_to = (
        "Compliance Officer 100 Test Street, Sacramento, CA 95814 (916) 555-0150 civilrights@restoration-test.org"
    )
    assert grievance_to in text
    assert "we answer within 30 days" in text
    assert page.find_all("a", href="tel:+19165550150")
    assert page.find_all("a", href="https://ocrportal.hhs.gov/ocr/portal/lobby.jsf")
    ocr = (
        "200 Independence Avenue, SW Room 509F, HHH Building Washington, D.C. 20201 1-800-368-1019, 800-537-7697 (TDD)"
    )
    assert ocr in text
    notice = response.content.decode().split("<article", 1)[1].split("</article>", 1)[0]
    assert "not yet set" not in notice


def test_each_detail_staff_have_not_entered_is_a_placeholder(client, db):
    fill_site_settings(receives_federal_assistance="yes")
    text = parse_html(client.get(URLS["en"]).content.decode()).text
    for placeholder in (
        "[Civil rights coordinator not yet set]",
        "[Mailing address not yet set]",
        "[Telephone number not yet set]",
        "[Email not yet set]",
        "[Grievance procedure not yet set]",
    ):
        assert placeholder in text


def test_the_spanish_page_gives_hhs_spanish_statement_and_marks_the_english_notice(client, db):
    fill_site_settings(receives_federal_assistance="yes")
    response = client.get(URLS["es"])
    assert response.status_code == 200
    texts = text_by_language(response.content.decode())
    assert (
        "Restoration Recovery Center cumple con las leyes federales de derechos civiles aplicables y no discrimina "
        "por motivos de raza, color, nacionalidad, edad, discapacidad o sexo."
    ) in texts["es"]
    assert "Discrimination is Against the Law" in texts["en"]
    assert "[Civil rights coordinator not yet set]" in texts["en"]
