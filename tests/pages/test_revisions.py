"""Every change an editor makes can be compared and undone: the history of articles, pages, programs and the center's
texts, and the translations that fall behind their original when it changes (docs/revisions.md)."""

import datetime
import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from center.models import SiteSettings
from pages import services
from pages.models import Article, Program, ProgramSession
from tests.support.builders import make_editor, make_staff, make_team_member, staff_login
from tests.support.htmlpage import parse_html

ORIGINAL_SLUG = "balancing-work-and-recovery-with-an-intensive-outpatient-program"


@pytest.fixture
def editor_user(seeded):
    """María, an editor, on the seeded site whose English article a credentialed clinician has reviewed (a health
    article saved as published without one asks for a confirmation first, which is not what these tests are about)."""
    reviewer = make_team_member(name="Dana Cole", slug="dana-cole", credentials="LCSW")
    Article.objects.filter(language="en").update(reviewer=reviewer, last_reviewed_at=timezone.localdate())
    user = make_editor("maria")
    user.first_name, user.last_name = "María", "López"
    user.save()
    return user


@pytest.fixture
def editor(editor_user):
    client = Client()
    staff_login(client, editor_user)
    return client


def english_article():
    return Article.objects.get(language="en", slug=ORIGINAL_SLUG)


def spanish_article():
    return Article.objects.get(language="es", translation_of=english_article())


def article_post(article, **overrides):
    """What the article's change form posts when an editor changes only ``overrides``."""
    published = timezone.localtime(article.published_at)
    data = {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "body": article.body,
        "topics": [topic.pk for topic in article.topics.all()],
        "translation_of": article.translation_of_id or "",
        "status": article.status,
        "published_at_0": f"{published:%Y-%m-%d}",
        "published_at_1": f"{published:%H:%M:%S}",
        "hero_image_alt": article.hero_image_alt,
        "author": article.author_id or "",
        "reviewer": article.reviewer_id or "",
        "last_reviewed_at": article.last_reviewed_at or "",
        "review_interval_months": article.review_interval_months,
        "citations": article.citations,
        "seo_title": article.seo_title,
        "_continue": "Save and continue editing",
    }
    data.update(overrides)
    return data


def save_article(client, article, **changes):
    response = client.post(f"/admin/pages/article/{article.pk}/change/", article_post(article, **changes))
    assert response.status_code == 302, parse_html(response.content).text
    article.refresh_from_db()


def history_rows(client, item):
    page = parse_html(client.get(f"/admin/pages/{item._meta.model_name}/{item.pk}/history/").content)
    rows = page.table_rows()
    return rows[rows.index(["Saved", "By", "What was done", "Compare from", "Compare to", "Actions"]) + 1 :]


def version_ids(client, item):
    html = client.get(f"/admin/pages/{item._meta.model_name}/{item.pk}/history/").content.decode()
    return [int(pk) for pk in re.findall(r'name="to" value="(\d+)"', html)]  # newest first


def marked(tag, word, html):
    """Whether ``word`` is within a <del> or <ins> of the diff ``html``."""
    return re.search(rf"<{tag}>[^<]*(<span[^>]*>[^<]*</span>)?[^<]*{word}[^<]*</{tag}>", html) is not None


def search_titles_and_text(client, query):
    return parse_html(client.get("/search/", {"q": query}).content).text


def test_an_editors_two_changes_are_compared_word_by_word_and_the_first_restored_for_visitors(editor, client):
    article = english_article()
    save_article(editor, article, body=article.body + "\n\nPeople here often mention the marigold garden.\n")
    save_article(editor, article, body=article.body.replace("marigold garden", "sunflower courtyard"))

    rows = history_rows(editor, article)
    assert [row[1] for row in rows[:2]] == ["María López", "María López"]
    assert rows[0][2].startswith("Changed Body.")

    newest, first_change = version_ids(editor, article)[:2]
    compare = editor.get(f"/admin/pages/article/{article.pk}/history/compare/", {"from": first_change, "to": newest})
    diff = compare.content.decode()
    assert marked("del", "marigold", diff) and marked("ins", "sunflower", diff)
    assert "<del>" not in diff.split("Body</dt>")[0].split("revision-changes")[-1]  # only the body changed

    response = editor.post(f"/admin/pages/article/{article.pk}/history/{first_change}/restore/")
    assert response.status_code == 302
    assert "marigold garden" in client.get(article.get_absolute_url()).content.decode()
    assert "marigold garden" in search_titles_and_text(client, "marigold")
    assert "sunflower" not in client.get(article.get_absolute_url()).content.decode()
    restored = history_rows(editor, article)[0]
    assert restored[1] == "María López" and restored[2].startswith("Restored the version of")


def test_restoring_a_published_version_of_a_draft_keeps_it_a_draft(editor):
    article = english_article()
    save_article(editor, article, body=article.body + "\n\nA sentence from when it was public.\n")
    published_version = version_ids(editor, article)[0]
    save_article(editor, article, status=Article.Status.DRAFT, body="Rewritten while it is a draft.")

    editor.post(f"/admin/pages/article/{article.pk}/history/{published_version}/restore/")

    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert "A sentence from when it was public." in article.body
    assert "A sentence from when it was public." in article.body_html  # rendered by the save, as an editor's is


def test_the_restore_page_shows_what_would_come_back_before_anything_changes(editor):
    article = english_article()
    first = version_ids(editor, article)[0]
    save_article(editor, article, title="A title chosen by mistake")

    page = editor.get(f"/admin/pages/article/{article.pk}/history/{first}/restore/").content.decode()

    assert marked("del", "mistake", page)
    assert Article.objects.get(pk=article.pk).title == "A title chosen by mistake"


def test_a_program_is_restored_with_its_weekly_sessions(editor):
    program = Program.objects.get(language="en", slug=Program.MAIN_SLUG)
    morning = ProgramSession(program=program, name="Morning group", first_day=1, last_day=5)
    morning.opens, morning.closes = datetime.time(9), datetime.time(12)
    morning.save()
    services.save(program)  # as the admin's save does: the program with its sessions, in one version
    kept = version_ids(editor, program)[0]
    program.sessions.all().delete()
    services.save(program)

    editor.post(f"/admin/pages/program/{program.pk}/history/{kept}/restore/")

    assert [session.name for session in program.sessions.all()] == ["Morning group"]


def test_the_site_settings_keep_a_history_that_restores_their_texts(db):
    administrator = make_staff("admin-lee", superuser=True)
    client = Client()
    staff_login(client, administrator)
    site = SiteSettings.load()
    url = f"/admin/center/sitesettings/{site.pk}/change/"
    form = {
        "name": site.name,
        "phone": site.phone,
        "email": site.email,
        "street_address": site.street_address,
        "city": site.city,
        "region": site.region,
        "postal_code": site.postal_code,
        "family_services_en": "Family group on Tuesdays.",
        "opening_hours-TOTAL_FORMS": "0",
        "opening_hours-INITIAL_FORMS": "0",
        "_continue": "Save",
    }
    assert client.post(url, form).status_code == 302
    assert client.post(url, {**form, "family_services_en": "Family group on Thursdays."}).status_code == 302
    html = client.get(f"/admin/center/sitesettings/{site.pk}/history/").content.decode()
    older = [int(pk) for pk in re.findall(r'name="to" value="(\d+)"', html)][1]

    client.post(f"/admin/center/sitesettings/{site.pk}/history/{older}/restore/")

    assert SiteSettings.load().family_services == "Family group on Tuesdays."


def test_publishing_from_the_list_names_the_editor_in_the_history(editor):
    article = english_article()
    article.status = Article.Status.DRAFT
    article.save()
    editor.post("/admin/pages/article/", {"action": "publish_now", "_selected_action": [article.pk]})

    assert history_rows(editor, article)[0][1:3] == ["María López", "Published. (current version)"]


def go_live_warnings():
    out = io.StringIO()
    with pytest.raises(CommandError):  # the seed's placeholders are gaps; the list is printed all the same
        call_command("go_live_check", stdout=out, stderr=out)
    return out.getvalue()


BEHIND = "is behind its original"


def test_a_translation_falls_behind_when_its_original_changes_and_says_where_to_see_the_changes(editor):
    spanish = spanish_article()
    assert BEHIND not in go_live_warnings()
    article = english_article()

    save_article(editor, article, body=article.body + "\n\nA new paragraph about returning to work.\n")

    assert f"“{spanish.title}” (Spanish) {BEHIND}" in go_live_warnings()
    home = parse_html(editor.get("/admin/").content)
    link = next(a for a in home.find_all("a") if BEHIND in a.text)
    changes = editor.get(link.attrs["href"]).content.decode()
    assert marked("ins", "returning", changes)
    translation_form = editor.get(f"/admin/pages/article/{spanish.pk}/change/").content.decode()
    assert "Behind its original" in translation_form


def test_a_minor_edit_of_the_original_leaves_its_translation_up_to_date(editor):
    article = english_article()
    save_article(editor, article, body=article.body.replace("work", "work ", 1), minor_edit="on")

    assert BEHIND not in go_live_warnings()


def test_a_translation_brought_up_to_date_is_no_longer_behind(editor):
    article, spanish = english_article(), spanish_article()
    save_article(editor, article, body=article.body + "\n\nA new paragraph.\n")
    assert BEHIND in go_live_warnings()

    save_article(editor, spanish, brought_up_to_date="on")

    assert BEHIND not in go_live_warnings()


def test_the_spanish_page_keeps_its_own_review_date_and_says_when_the_original_changed_after_it(editor, client):
    article, spanish = english_article(), spanish_article()
    spanish.reviewer = make_team_member(name="Lucía Ortega", slug="lucia-ortega", credentials="LCSW")
    spanish.last_reviewed_at = datetime.date(2026, 11, 2)
    spanish.status = Article.Status.PUBLISHED
    services.save(spanish)
    assert "El artículo original se actualizó" not in client.get(spanish.get_absolute_url()).content.decode()

    save_article(editor, article, body=article.body + "\n\nA new paragraph about returning to work.\n")

    page = parse_html(client.get(spanish.get_absolute_url()).content).text
    assert "El artículo original se actualizó el" in page and "después de que se hizo esta traducción" in page
    assert "Revisión médica de Lucía Ortega, LCSW el 2 de noviembre de 2026" in page
