"""The admin's side of translations: which items lack one, the original a translation names, links between the two,
and the reminder that a translated health article needs a qualified reviewer before it is published."""

import pytest
from django.test import Client
from django.utils import timezone

from pages.models import Article, ContentPage, Program
from tests.support.builders import article_form_data, make_editor, make_team_member, staff_login
from tests.support.htmlpage import parse_html

REVIEW_WARNING = "is a Spanish translation of health information and still a draft"


@pytest.fixture
def editor(seeded):
    """A signed-in editor, with the shipped seed: English items and their Spanish translations."""
    editor = Client()
    staff_login(editor, make_editor())
    return editor


def english(model, slug):
    return model.objects.get(language="en", slug=slug)


def spanish(model, slug=None):
    items = model.objects.filter(language="es")
    return items.get(slug=slug) if slug else items.get()


def list_rows(editor, url):
    """The change list's rows, each as the text of its cells (the tables of the admin's side menu left out)."""
    rows = parse_html(editor.get(url).content).table_rows()
    header = next(index for index, row in enumerate(rows) if row[:2] == ["", "Title"])
    return rows[header + 1 :]


def original_choices(response):
    """The primary keys the "translation of" menu offers, and how it names them (the empty choice left out)."""
    html = response.content.decode()
    menu = parse_html(
        html[html.index('<select name="translation_of"') : html.index("</select>", html.index('name="translation_of"'))]
    )
    return {int(el.attrs["value"]) for el in menu.find_all("option") if el.attrs.get("value")}, menu.text


def change_form(editor, item):
    response = editor.get(f"/admin/pages/{item._meta.model_name}/{item.pk}/change/")
    assert response.status_code == 200
    return response


def change_page(editor, item):
    return parse_html(change_form(editor, item).content)


def test_the_article_list_shows_each_articles_language_and_its_translations(editor):
    rows = {row[1]: row for row in list_rows(editor, "/admin/pages/article/")}
    original = rows["Balancing Work and Recovery with an Intensive Outpatient Program"]
    translation = rows["Cómo equilibrar el trabajo y la recuperación con un Programa Ambulatorio Intensivo"]
    assert original[2:4] == ["English", "Spanish: draft"]
    assert translation[2:4] == [
        "Spanish",
        "Translation of “Balancing Work and Recovery with an Intensive Outpatient Program”",
    ]


def test_lacks_a_spanish_translation_lists_the_originals_still_to_translate(editor):
    text = parse_html(editor.get("/admin/pages/contentpage/").content).text
    assert "Lacks a Spanish translation" in text
    rows = list_rows(editor, "/admin/pages/contentpage/?lacks=es")
    assert [row[1] for row in rows] == [
        "About Restoration Recovery Center", "Accessibility", "Confidentiality",
    ]  # fmt: skip
    assert all(row[3] == "Spanish: missing" for row in rows)


def test_the_language_filter_shows_one_language(editor):
    rows = list_rows(editor, "/admin/pages/contentpage/?language=es")
    assert sorted(row[1] for row in rows) == ["Para familias", "Política de privacidad", "Seguro médico y costos"]
    assert list_rows(editor, "/admin/pages/program/?language=es")[0][2] == "Spanish"


def test_a_translation_may_name_only_an_original_in_another_language(editor):
    choices, _ = original_choices(change_form(editor, spanish(ContentPage, "families")))
    assert choices == set(ContentPage.objects.filter(language="en").values_list("pk", flat=True))


def test_the_add_form_offers_every_original_named_with_its_language(editor):
    choices, labels = original_choices(editor.get("/admin/pages/article/add/"))
    assert choices == {Article.objects.get(language="en").pk}  # not the Spanish translation
    assert "Balancing Work and Recovery with an Intensive Outpatient Program (English)" in labels


def test_a_translations_change_form_links_to_its_original_and_the_original_back(editor):
    original, translation = english(ContentPage, "families"), spanish(ContentPage, "families")
    assert change_page(editor, translation).find_all("a", href=f"/admin/pages/contentpage/{original.pk}/change/")
    page = change_page(editor, original)
    assert page.find_all("a", href=f"/admin/pages/contentpage/{translation.pk}/change/")
    assert "Spanish translation: Para familias (published)" in page.text


def test_an_original_without_a_translation_offers_to_add_one_prefilled(editor):
    about = english(ContentPage, "about")
    page = change_page(editor, about)
    add_url = f"/admin/pages/contentpage/add/?language=es&translation_of={about.pk}"
    assert "No Spanish translation yet." in page.text
    assert page.find_all("a", href=add_url)
    form = parse_html(editor.get(add_url).content)
    selected = {el.attrs["value"] for el in form.find_all("option") if "selected" in el.attrs}
    assert {"es", str(about.pk)} <= selected


def test_an_editor_adds_a_spanish_translation_of_an_article(editor, client):
    original = Article.objects.get(language="en")
    Article.objects.filter(language="es").delete()
    data = article_form_data(
        title="Noches tranquilas",
        slug="noches-tranquilas",
        language="es",
        translation_of=original.pk,
        status="published",
    )
    response = editor.post("/admin/pages/article/add/", data)
    assert response.status_code == 302
    translation = Article.objects.get(language="es")
    assert translation.translation_of == original
    assert client.get("/es/articles/noches-tranquilas/").status_code == 200


def test_a_second_translation_into_the_same_language_is_refused_kindly(editor):
    original = english(ContentPage, "families")
    data = {
        "title": "Otra", "slug": "otra", "summary": "Otra.", "body": "Texto.", "language": "es",
        "translation_of": original.pk, "status": "draft", "seo_title": "", "_save": "Save",
    }  # fmt: skip
    response = editor.post("/admin/pages/contentpage/add/", data)
    assert response.status_code == 200
    assert "Content page with this Translation of and Language already exists." in parse_html(response.content).text
    assert ContentPage.objects.filter(language="es").count() == 3


def test_a_translation_in_the_language_of_its_original_is_refused_kindly(editor):
    data = article_form_data(translation_of=Article.objects.get(language="en").pk)  # both in English
    response = editor.post("/admin/pages/article/add/", data)
    assert response.status_code == 200
    assert "A translation is in another language than its original." in parse_html(response.content).text
    assert Article.objects.count() == 2


def test_an_items_language_is_fixed_once_saved_and_an_original_with_translations_stays_one(editor):
    page = change_page(editor, english(ContentPage, "families"))
    assert not page.find_all("select", name="language")
    assert not page.find_all("select", name="translation_of")
    assert change_page(editor, english(ContentPage, "about")).find_all("select", name="translation_of")


def test_a_spanish_article_draft_tells_staff_it_needs_a_qualified_reviewer(editor):
    translation = Article.objects.get(language="es")
    assert REVIEW_WARNING in change_page(editor, translation).text
    assert REVIEW_WARNING not in change_page(editor, Article.objects.get(language="en")).text
    translation.reviewer = make_team_member(name="Rosa Díaz", slug="rosa-diaz", credentials="LCSW")
    translation.last_reviewed_at = timezone.localdate()
    translation.save()
    assert REVIEW_WARNING not in change_page(editor, translation).text


def test_a_program_translation_takes_its_facts_and_schedule_from_its_original(editor):
    page = change_page(editor, spanish(Program))
    assert "A translation shows its original's level of care, hours and weekly schedule" in page.text
    assert not page.find_all("input", name="level_of_care")
    assert not page.find_all("input", name="sessions-TOTAL_FORMS")
    assert page.find_all("textarea", name="first_day")  # its own words, in Spanish
    original = change_page(editor, english(Program, Program.MAIN_SLUG))
    assert original.find_all("input", name="level_of_care")
    assert original.find_all("input", name="sessions-TOTAL_FORMS")


def test_publishing_an_unreviewed_translation_from_the_list_warns_the_editor(editor):
    translation = Article.objects.get(language="es")
    response = editor.post(
        "/admin/pages/article/",
        {"action": "publish_now", "_selected_action": [translation.pk]},
        follow=True,
    )
    text = parse_html(response.content).text
    assert "1 article(s) published." in text
    assert f"Published without a qualified reviewer: “{translation.title}”." in text
    translation.refresh_from_db()
    assert translation.is_public


def test_publishing_an_english_article_gives_no_such_warning(editor):
    Article.objects.filter(language="en").update(status=Article.Status.DRAFT, published_at=None)
    response = editor.post(
        "/admin/pages/article/",
        {"action": "publish_now", "_selected_action": [Article.objects.get(language="en").pk]},
        follow=True,
    )
    text = parse_html(response.content).text
    assert "1 article(s) published." in text
    assert "without a qualified reviewer" not in text
