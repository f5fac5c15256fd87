"""Content editors run the articles on their own: the Editors group, and what the admin shows them."""

from django.contrib.auth.models import Group

from pages.models import Article
from tests.support.builders import article_form_data, make_article, make_editor, staff_login
from tests.support.htmlpage import parse_html

CONTENT_MODELS = {("pages", m) for m in ("article", "contentpage", "program", "programsession", "topic", "person")} | {
    ("search", "synonym"),
    ("redirects", "redirect"),
}


def test_the_editors_group_holds_exactly_the_content_permissions(db):
    permissions = Group.objects.get(name="Editors").permissions.select_related("content_type")
    granted = {(p.content_type.app_label, p.content_type.model, p.codename.split("_")[0]) for p in permissions}
    expected = {(app, model, action) for app, model in CONTENT_MODELS for action in ("add", "change", "delete", "view")}
    reports = {("search", "topsearch", "view"), ("search", "searchwithoutresults", "view")}
    assert granted == expected | {("center", "sitesettings", "view")} | reports


def test_editors_have_no_permission_on_inquiries_users_or_settings(db):
    editor = make_editor()
    labels = {perm.split(".")[0] for perm in editor.get_all_permissions()}
    assert labels == {"pages", "center", "search", "redirects"}
    assert not editor.has_perm("center.change_sitesettings")
    assert not any(perm.startswith(("contact.", "auth.")) for perm in editor.get_all_permissions())


def test_an_editor_writes_and_publishes_an_article_in_the_admin(client, db):
    staff_login(client, make_editor())
    form = client.get("/admin/pages/article/add/")
    assert form.status_code == 200
    text = parse_html(form.content).text
    assert "Markdown: a blank line starts a new paragraph" in text
    assert "Save the article first; then you can preview it." in text
    assert b"django-admin-prepopulated-fields-constants" in form.content  # the slug fills itself from the title
    assert b"&quot;#id_slug&quot;" in form.content or b'"#id_slug"' in form.content
    response = client.post(
        "/admin/pages/article/add/",
        article_form_data(status=Article.Status.PUBLISHED, publish_without_medical_review="on"),
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.is_public
    assert client.get(article.get_absolute_url()).status_code == 200


def test_the_article_list_in_the_admin_says_what_visitors_can_see(client, db):
    import datetime

    from django.utils import timezone

    make_article(title="Live one", slug="live-one")
    make_article(title="Planned one", slug="planned-one", published_at=timezone.now() + datetime.timedelta(days=2))
    make_article(title="Draft one", slug="draft-one", status=Article.Status.DRAFT)
    staff_login(client, make_editor())
    text = parse_html(client.get("/admin/pages/article/").content).text
    assert "Published" in text and "Scheduled for" in text and "Draft" in text
    draft = Article.objects.get(slug="draft-one")
    assert f'href="/admin/pages/article/{draft.pk}/preview/"' in client.get("/admin/pages/article/").content.decode()
    assert "Draft one" in parse_html(client.get("/admin/pages/article/?q=draft").content).text


def test_an_editor_can_manage_redirects_but_not_users(client, db):
    staff_login(client, make_editor())
    assert client.get("/admin/redirects/redirect/add/").status_code == 200
    assert client.get("/admin/auth/user/").status_code == 403


def test_the_article_list_writes_every_date_the_same_way(client, db):
    import datetime

    from django.utils import timezone

    published = timezone.make_aware(datetime.datetime(2026, 3, 5, 14, 0))
    make_article(published_at=published)
    make_article(title="Planned", slug="planned", published_at=timezone.now() + datetime.timedelta(days=400))
    staff_login(client, make_editor())
    rows = {row[1]: row for row in parse_html(client.get("/admin/pages/article/").content).table_rows()}
    today = f"{timezone.localdate():%b %-d, %Y}"
    assert rows["Quokka Mornings in Recovery"][4:6] == ["Published Mar 5, 2026", today]
    planned = timezone.localtime(Article.objects.get(slug="planned").published_at)
    assert rows["Planned"][4] == f"Scheduled for {planned:%b %-d, %Y, %-I:%M %p}"
