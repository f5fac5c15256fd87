"""Before publishing, an editor is warned of what makes a text harder to use (skipped headings, vague links, images
without a description, English in a Spanish text, hard paragraphs); the save goes through all the same."""

import datetime
from types import SimpleNamespace

import pytest

from pages.editorial_checks import editorial_warnings
from pages.models import Article, Person
from tests.support.builders import article_form_data, make_editor, staff_login
from tests.support.htmlpage import parse_html

# Flesch-Kincaid grade 13.7, which the warning rounds to 14.
GRADE_14 = (
    "An intensive outpatient program combines individual counseling and group therapy. Participants can keep "
    "working while they receive structured clinical support."
)
EASY = "You can call us any time. We will listen and help you find a group that fits your week."


def warnings_for(body, language="en"):
    return editorial_warnings(SimpleNamespace(body=body, language=language))


def test_a_published_article_with_a_skipped_heading_a_click_here_link_and_a_hard_paragraph_saves_with_three_warnings(
    client, db
):
    staff_login(client, make_editor())
    reviewer = Person.objects.create(name="Sam Lee", slug="sam-lee", credentials="MD")
    body = f"## Evenings\n\n{EASY}\n\n#### Groups\n\n{GRADE_14}\n\nTo ask us, [click here](/contact/).\n"
    data = article_form_data(
        status=Article.Status.PUBLISHED,
        body=body,
        reviewer=reviewer.pk,
        last_reviewed_at=datetime.date(2026, 10, 1).isoformat(),
    )
    response = client.post("/admin/pages/article/add/", data, follow=True)
    assert response.status_code == 200
    article = Article.objects.get()
    assert article.is_public and article.body == body.strip()
    warnings = [str(message) for message in response.context["messages"] if message.level_tag == "warning"]
    assert warnings == [
        "“Gentle Evenings After Work”: Headings skip a level: “Groups” (####) after “Evenings” (##). Use ## for a "
        "section and ### for a part of one, so that people who listen to the page can follow its outline.",
        "“Gentle Evenings After Work”: Link text that says nothing out of context: “click here”. Name where the link "
        "leads, for example [our intensive outpatient program](…), so that it makes sense read alone, as screen "
        "readers list links.",
        "“Gentle Evenings After Work”: 1 paragraph is harder to read than grade 8, the health-literacy target: “An "
        "intensive outpatient program combines individual counseling and…” (grade 14). Shorter sentences and "
        "everyday words help.",
    ]
    assert warnings[0] in parse_html(response.content).text


def test_a_plain_article_gets_no_warning():
    assert warnings_for(f"## Evenings\n\n{EASY}\n\n### Groups\n\nSee [our groups](/programs/iop/).\n") == []


def test_a_bare_address_as_link_text_and_an_image_without_a_description_are_warned_of():
    warnings = warnings_for(f"{EASY} See <https://www.samhsa.gov/find-help>.\n\n![](/media/walk.jpg)\n")
    assert warnings[0].startswith("Link text that says nothing out of context: “https://www.samhsa.gov/find-help”.")
    assert warnings[1].startswith("1 image in the text has no description")


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_heading_right_under_the_title_must_be_a_section(language):
    [warning] = warnings_for("### Groups\n\nUn grupo.\n", language)
    assert warning.startswith("Headings skip a level: “Groups” (###) after the page's title.")


def test_a_spanish_text_with_an_english_paragraph_or_an_aqui_link_is_warned_of():
    body = (
        "Usted puede llamarnos hoy. Le ayudamos a encontrar un grupo.\n\n"
        "You can call us today and we will help you find the group that is right for you.\n\n"
        '<p lang="en">Quoted in English on purpose, and marked as such for the screen reader.</p>\n\n'
        "Para escribirnos, haga clic [aquí](/es/contact/).\n"
    )
    warnings = warnings_for(body, "es")
    assert warnings[0].startswith("Link text that says nothing out of context: “aquí”.")
    assert warnings[1].startswith("This Spanish text has paragraphs in English: “You can call us today and we will…”.")
    assert "Quoted" not in warnings[1]
    assert len(warnings) == 2


def test_a_hard_spanish_paragraph_is_measured_on_the_fernandez_huerta_scale():
    hard = (
        "La rehabilitación ambulatoria intensiva comprende intervenciones psicoterapéuticas individualizadas, "
        "administración farmacológica supervisada y evaluaciones multidisciplinarias periódicas."
    )
    [warning] = warnings_for(hard, "es")
    assert warning.startswith("1 paragraph is harder to read than 60 on the Fernández Huerta scale (about grade 8)")
