"""The import commands: rerunning updates in place; a bad file is refused whole, naming the file and field."""

import io

import pytest
from django.core.management import CommandError, call_command

from pages.models import Article, ContentPage, Person, Program, Topic
from tests.support.builders import image_file, write_content_file
from tests.support.seed import (
    ARTICLES_DIR,
    PAGES_DIR,
    PROGRAM_URL,
    PROGRAMS_DIR,
    SEED_ARTICLE_SLUG,
    SPANISH_SEED_ARTICLE_SLUG,
)

GOOD_ARTICLE = {
    "title": "Sleep and Early Recovery",
    "slug": "sleep-and-early-recovery",
    "summary": "Why sleep matters in the first weeks of recovery.",
    "topic": "Wellbeing, Intensive Outpatient Program",
    "published": "2025-03-04",
}


def import_articles(*paths):
    out = io.StringIO()
    call_command("import_articles", *map(str, paths), stdout=out)
    return out.getvalue()


def test_importing_the_seed_twice_changes_nothing_the_second_time(db):
    first = import_articles(ARTICLES_DIR)
    updated_at = dict(Article.objects.values_list("language", "updated_at"))
    second = import_articles(ARTICLES_DIR)
    assert f"created: /articles/{SEED_ARTICLE_SLUG}/" in first
    assert f"unchanged: /articles/{SEED_ARTICLE_SLUG}/" in second
    assert f"unchanged: /es/articles/{SPANISH_SEED_ARTICLE_SLUG}/" in second
    assert Article.objects.count() == 2  # the English article and its Spanish translation
    assert Topic.objects.count() == 1
    assert dict(Article.objects.values_list("language", "updated_at")) == updated_at


def test_importing_pages_twice_changes_nothing_the_second_time(db):
    call_command("import_pages", str(PAGES_DIR), stdout=io.StringIO())
    out = io.StringIO()
    call_command("import_pages", str(PAGES_DIR), stdout=out)
    assert out.getvalue().count("unchanged: ") == 12
    assert ContentPage.objects.count() == 12  # six in English, and each of them in Spanish


def test_the_program_is_imported_as_a_program_at_its_address(db):
    call_command("import_programs", str(PROGRAMS_DIR), stdout=io.StringIO())
    out = io.StringIO()
    call_command("import_programs", str(PROGRAMS_DIR), stdout=out)
    assert out.getvalue() == (
        f"unchanged: {PROGRAM_URL} ({Program.MAIN_SLUG}.md)\nunchanged: /es{PROGRAM_URL} ({Program.MAIN_SLUG}.es.md)\n"
    )
    assert Program.objects.get(language="en").get_absolute_url() == PROGRAM_URL


def test_an_imported_article_keeps_its_fields(db, tmp_path):
    import_articles(write_content_file(tmp_path, "sleep.md", GOOD_ARTICLE, body="## Rest\n\nSleep helps.\n"))
    article = Article.objects.get(slug="sleep-and-early-recovery")
    assert article.title == "Sleep and Early Recovery"
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at.date().isoformat() == "2025-03-04"
    assert sorted(article.topics.values_list("name", flat=True)) == ["Intensive Outpatient Program", "Wellbeing"]
    assert '<h2 id="rest">Rest</h2>' in article.body_html


def test_reimporting_an_edited_file_changes_the_article(db, tmp_path):
    path = write_content_file(tmp_path, "sleep.md", GOOD_ARTICLE)
    import_articles(path)
    write_content_file(tmp_path, "sleep.md", {**GOOD_ARTICLE, "title": "Sleep, Rest and Recovery"})
    assert "updated: /articles/sleep-and-early-recovery/" in import_articles(path)
    assert Article.objects.get(slug="sleep-and-early-recovery").title == "Sleep, Rest and Recovery"
    assert Article.objects.count() == 1


def test_reimporting_with_a_changed_topic_updates_the_article(db, tmp_path):
    path = write_content_file(tmp_path, "sleep.md", GOOD_ARTICLE)
    import_articles(path)
    write_content_file(tmp_path, "sleep.md", {**GOOD_ARTICLE, "topic": "Wellbeing"})
    assert "updated:" in import_articles(path)
    assert list(Article.objects.get().topics.values_list("name", flat=True)) == ["Wellbeing"]


def without(meta, key):
    return {k: v for k, v in meta.items() if k != key}


BAD_FILES = {
    "missing title": (without(GOOD_ARTICLE, "title"), "title"),
    "summary too long": ({**GOOD_ARTICLE, "summary": "x" * 161}, "summary"),
    "slug with capitals and spaces": ({**GOOD_ARTICLE, "slug": "Sleep And Recovery"}, "slug"),
    "unknown front-matter key": ({**GOOD_ARTICLE, "colour": "blue"}, "colour"),
    "impossible date": ({**GOOD_ARTICLE, "published": "2025-13-45"}, "published"),
    "unknown status": ({**GOOD_ARTICLE, "status": "live"}, "status"),
}


@pytest.mark.parametrize(("meta", "field"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_is_refused_naming_the_file_and_the_field(db, tmp_path, meta, field):
    path = write_content_file(tmp_path, "broken-article.md", meta)
    with pytest.raises(CommandError) as raised:
        import_articles(path)
    message = str(raised.value)
    assert "broken-article.md" in message
    assert f"'{field}'" in message
    assert Article.objects.count() == 0
    assert Topic.objects.count() == 0


def test_a_summary_of_exactly_160_characters_is_accepted(db, tmp_path):
    import_articles(write_content_file(tmp_path, "sleep.md", {**GOOD_ARTICLE, "summary": "x" * 160}))
    assert Article.objects.filter(slug="sleep-and-early-recovery").exists()


def test_a_bad_file_does_not_stop_the_good_ones_beside_it(db, tmp_path):
    write_content_file(tmp_path, "a-broken.md", without(GOOD_ARTICLE, "title"))
    write_content_file(tmp_path, "b-good.md", GOOD_ARTICLE)
    with pytest.raises(CommandError, match=r"a-broken\.md"):
        import_articles(tmp_path)
    assert list(Article.objects.values_list("slug", flat=True)) == ["sleep-and-early-recovery"]


def test_a_file_without_front_matter_is_refused(db, tmp_path):
    path = tmp_path / "plain.md"
    path.write_text("Just some text.\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"plain\.md"):
        import_articles(path)


def test_a_folder_without_markdown_is_an_error(db, tmp_path):
    with pytest.raises(CommandError, match="No Markdown files"):
        import_articles(tmp_path)


def test_authors_and_reviewers_become_people_split_at_the_first_comma(db, tmp_path):
    meta = {**GOOD_ARTICLE, "author": "Ana Ruiz, LMFT, CADC-II", "reviewer": "Sam Lee, MD", "reviewed": "2025-04-01"}
    import_articles(write_content_file(tmp_path, "sleep.md", meta))
    import_articles(write_content_file(tmp_path, "other.md", {**meta, "slug": "other", "title": "Other"}))
    article = Article.objects.get(slug="sleep-and-early-recovery")
    assert (article.author.name, article.author.credentials) == ("Ana Ruiz", "LMFT, CADC-II")
    assert (article.reviewer.name, article.reviewer.credentials) == ("Sam Lee", "MD")
    assert article.last_reviewed_at.isoformat() == "2025-04-01"
    assert Person.objects.count() == 2  # reused by the second file
    assert "unchanged:" in import_articles(tmp_path / "sleep.md")


def test_a_hero_image_is_read_relative_to_the_file_cleaned_and_rendered(db, tmp_path, settings):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "dawn.jpg").write_bytes(image_file(size=(1000, 700)).read())
    meta = {**GOOD_ARTICLE, "hero_image": "images/dawn.jpg", "hero_image_alt": "Dawn over the river"}
    path = write_content_file(tmp_path, "sleep.md", meta)
    import_articles(path)
    article = Article.objects.get()
    assert article.hero_image.name.startswith("articles/dawn")
    assert [size["width"] for size in article.hero_renditions["sizes"]] == [480, 800, 1000]
    assert "unchanged:" in import_articles(path)


BAD_HERO_IMAGES = {
    "missing file": ("nowhere.jpg", b"", "must be a picture file inside the folder of broken-article.md"),
    "text renamed .jpg": ("fake.jpg", b"not a picture", "not an image we can read"),
}


@pytest.mark.parametrize(("name", "content", "message"), BAD_HERO_IMAGES.values(), ids=BAD_HERO_IMAGES.keys())
def test_a_bad_hero_image_refuses_the_file_whole(db, tmp_path, settings, name, content, message):
    if content:
        (tmp_path / name).write_bytes(content)
    meta = {**GOOD_ARTICLE, "author": "Ana Ruiz, LMFT", "hero_image": name, "hero_image_alt": "x"}
    with pytest.raises(CommandError) as raised:
        import_articles(write_content_file(tmp_path, "broken-article.md", meta))
    assert "broken-article.md" in str(raised.value) and "'hero_image'" in str(raised.value)
    assert message in str(raised.value)
    assert Article.objects.count() == Person.objects.count() == Topic.objects.count() == 0
    assert not (settings.MEDIA_ROOT).exists() or not any(settings.MEDIA_ROOT.rglob("*.*"))


def test_a_reviewer_needs_the_review_date(db, tmp_path):
    with pytest.raises(CommandError, match="'reviewed'"):
        import_articles(write_content_file(tmp_path, "broken-article.md", {**GOOD_ARTICLE, "reviewer": "Sam Lee, MD"}))
    assert Person.objects.count() == 0


def hero_image_refusal(content_folder, hero_image):
    """The importer's message for an article in ``content_folder`` whose hero_image is ``hero_image``."""
    meta = {**GOOD_ARTICLE, "hero_image": hero_image, "hero_image_alt": "A secret"}
    with pytest.raises(CommandError) as raised:
        import_articles(write_content_file(content_folder, "sleep.md", meta))
    assert Article.objects.count() == 0
    return str(raised.value)


@pytest.fixture
def content_folder_beside_a_secret(tmp_path):
    """``articles/`` to import from, and beside it a real picture the import must not read."""
    (tmp_path / "secret.png").write_bytes(image_file("secret.png", image_format="PNG").read())
    (tmp_path / "articles").mkdir()
    return tmp_path / "articles"


def test_a_hero_image_outside_the_files_folder_is_refused_with_one_message(db, content_folder_beside_a_secret):
    folder = content_folder_beside_a_secret
    (folder / "images").mkdir()
    (folder / "images" / "escape.png").symlink_to(folder.parent / "secret.png")
    (folder / "loop.png").symlink_to(folder / "loop.png")
    refusals = {
        "a path up and out": "../secret.png",
        "an absolute path": str(folder.parent / "secret.png"),
        "a path that goes down and back out": "images/../../secret.png",
        "a symlink inside that points outside": "images/escape.png",
        "a file that does not exist": "../nowhere.png",
        "a folder": "images",
        "nothing inside the folder": "missing.png",
        "a symlink loop": "loop.png",
        "a name with a NUL byte": "secret\0.png",
    }
    messages = {name: hero_image_refusal(folder, hero_image) for name, hero_image in refusals.items()}
    expected = f"{folder / 'sleep.md'}: field 'hero_image' must be a picture file inside the folder of sleep.md"
    # One message whatever the reason, so an import cannot be used to learn whether a path exists.
    assert set(messages.values()) == {f"Not imported:\n{expected}"}, messages


def test_a_symlink_that_stays_inside_the_folder_is_followed(db, tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "dawn.jpg").write_bytes(image_file(size=(1000, 700)).read())
    (tmp_path / "hero.jpg").symlink_to(tmp_path / "images" / "dawn.jpg")
    import_articles(
        write_content_file(tmp_path, "sleep.md", {**GOOD_ARTICLE, "hero_image": "hero.jpg", "hero_image_alt": "Dawn"})
    )
    assert [size["width"] for size in Article.objects.get().hero_renditions["sizes"]] == [480, 800, 1000]


GOOD_PAGE = {"title": "About us", "slug": "about-us", "summary": "Who we are."}
SPANISH_PAGE = {
    "title": "Quiénes somos",
    "slug": "quienes-somos",
    "summary": "Quiénes somos.",
    "language": "es",
    "translation_of": "about-us",
}


def import_pages(*paths):
    out = io.StringIO()
    call_command("import_pages", *map(str, paths), stdout=out)
    return out.getvalue()


def test_a_translation_is_imported_in_its_language_and_paired_with_its_original(db, tmp_path):
    write_content_file(tmp_path, "about.md", GOOD_PAGE)
    write_content_file(tmp_path, "about.es.md", SPANISH_PAGE)
    output = import_pages(tmp_path)
    assert "created: /es/quienes-somos/ (about.es.md)" in output
    original, translation = ContentPage.objects.get(language="en"), ContentPage.objects.get(language="es")
    assert translation.translation_of == original
    assert original.language_versions() == {"en": original, "es": translation}
    assert "unchanged: /es/quienes-somos/" in import_pages(tmp_path)


def test_the_original_is_imported_first_whatever_the_files_are_called(db, tmp_path):
    write_content_file(tmp_path, "a-translation.md", {**SPANISH_PAGE, "translation_of": "zebra"})
    write_content_file(tmp_path, "z-original.md", {**GOOD_PAGE, "slug": "zebra"})
    output = import_pages(tmp_path)
    assert output.index("(z-original.md)") < output.index("(a-translation.md)")
    assert ContentPage.objects.get(language="es").translation_of.slug == "zebra"


def test_a_translation_may_keep_the_slug_of_its_original(db, tmp_path):
    out = io.StringIO()
    write_content_file(tmp_path, "iop.md", {**GOOD_PAGE, "slug": "iop", "title": "IOP"})
    write_content_file(tmp_path, "iop.es.md", {**SPANISH_PAGE, "slug": "iop", "translation_of": "iop"})
    call_command("import_programs", str(tmp_path), stdout=out)
    assert "created: /es/programs/iop/ (iop.es.md)" in out.getvalue()
    assert Program.objects.get(language="es").translation_of == Program.objects.get(language="en")


def test_reimporting_a_file_without_translation_of_makes_it_an_original_again(db, tmp_path):
    write_content_file(tmp_path, "about.md", GOOD_PAGE)
    path = write_content_file(tmp_path, "about.es.md", SPANISH_PAGE)
    import_pages(tmp_path)
    write_content_file(tmp_path, "about.es.md", without(SPANISH_PAGE, "translation_of"))
    assert "updated: /es/quienes-somos/" in import_pages(path)
    assert ContentPage.objects.get(language="es").translation_of is None


BAD_TRANSLATIONS = {
    "unknown language": ({**SPANISH_PAGE, "language": "fr"}, "language", "must be 'en' or 'es'"),
    "no such original": ({**SPANISH_PAGE, "translation_of": "nowhere"}, "translation_of", "none with the slug"),
    "original in the same language": (
        {**SPANISH_PAGE, "language": "en", "translation_of": "about-us"},
        "translation_of",
        "in another language than 'en'",
    ),
    "original of another kind": ({**SPANISH_PAGE, "translation_of": "an-article"}, "translation_of", "content page"),
}


@pytest.mark.parametrize(("meta", "field", "message"), BAD_TRANSLATIONS.values(), ids=BAD_TRANSLATIONS.keys())
def test_a_bad_translation_is_refused_whole_naming_the_file_and_the_field(db, tmp_path, meta, field, message):
    import_pages(write_content_file(tmp_path, "about.md", GOOD_PAGE))
    import_articles(write_content_file(tmp_path / "..", "an-article.md", {**GOOD_ARTICLE, "slug": "an-article"}))
    with pytest.raises(CommandError) as raised:
        import_pages(write_content_file(tmp_path, "broken-page.md", meta))
    assert "broken-page.md" in str(raised.value)
    assert f"'{field}'" in str(raised.value)
    assert message in str(raised.value)
    assert list(ContentPage.objects.values_list("slug", flat=True)) == ["about-us"]


def test_a_second_translation_into_the_same_language_is_refused(db, tmp_path):
    write_content_file(tmp_path, "about.md", GOOD_PAGE)
    write_content_file(tmp_path, "about.es.md", SPANISH_PAGE)
    import_pages(tmp_path)
    with pytest.raises(CommandError) as raised:
        import_pages(write_content_file(tmp_path, "again.es.md", {**SPANISH_PAGE, "slug": "otra-vez"}))
    assert "again.es.md: field 'translation_of': 'about-us' already has a translation in 'es', 'quienes-somos'" in str(
        raised.value
    )
    assert ContentPage.objects.count() == 2


def test_an_article_translation_keeps_its_own_status(db, tmp_path):
    write_content_file(tmp_path, "sleep.md", GOOD_ARTICLE)
    spanish = {
        **GOOD_ARTICLE,
        "title": "El sueño",
        "slug": "el-sueno",
        "language": "es",
        "translation_of": GOOD_ARTICLE["slug"],
        "status": "draft",
    }
    write_content_file(tmp_path, "el-sueno.es.md", spanish)
    assert "created: /es/articles/el-sueno/" in import_articles(tmp_path)
    translation = Article.objects.get(language="es")
    assert translation.translation_of.slug == GOOD_ARTICLE["slug"]
    assert not translation.is_public
    assert Article.objects.get(language="en").is_public
