"""Reviews never go stale silently: past its review interval an article or page is listed under "Needs attention"
by go_live_check and on the admin's home page, naming the reviewer to ask."""

import datetime
import io

import pytest
from dateutil.relativedelta import relativedelta
from django.core.management import CommandError, call_command
from django.utils import timezone

from pages.models import ContentPage, Person
from tests.support.builders import make_article, make_editor, staff_login
from tests.support.htmlpage import parse_html

pytestmark = pytest.mark.django_db


def months_ago(months):
    return timezone.localdate() - relativedelta(months=months)


def go_live_check_output():
    out = io.StringIO()
    with pytest.raises(CommandError):  # an empty database lacks every fact about the center
        call_command("go_live_check", stdout=out)
    return out.getvalue()


def test_an_article_reviewed_13_months_ago_is_listed_with_its_reviewer_by_the_check_and_the_admin_home(client):
    reviewer = Person.objects.create(name="Sam Lee", slug="sam-lee", credentials="MD")
    reviewed_on = months_ago(13)
    article = make_article(reviewer=reviewer, last_reviewed_at=reviewed_on)
    make_article(title="Fresh", slug="fresh", reviewer=reviewer, last_reviewed_at=months_ago(11))
    expected = (
        f"Review due: “Quokka Mornings in Recovery” was last reviewed on {reviewed_on:%B %-d, %Y}; a review is due "
        "every 12 months: ask Sam Lee, MD to review it again, then enter the date of the review."
    )
    output = go_live_check_output()
    needs_attention = output[output.index("Needs attention") :]
    assert expected in needs_attention
    assert "Fresh" not in output

    staff_login(client, make_editor())
    page = parse_html(client.get("/admin/").content)
    assert "Needs attention" in page.text
    assert expected in page.text
    assert page.find_all("a", href=f"/admin/pages/article/{article.pk}/change/")


def test_a_longer_interval_set_on_the_item_puts_the_review_off(client):
    make_article(last_reviewed_at=months_ago(13), review_interval_months=24)
    assert "Review due" not in go_live_check_output()


def test_a_page_never_reviewed_is_due_a_year_after_publication_and_says_no_reviewer_is_named():
    published = timezone.now() - datetime.timedelta(days=400)
    ContentPage.objects.create(
        title="About us", slug="about", summary="Who we are.", body="Words.", status="published", published_at=published
    )
    assert (
        f"“About us” has not been reviewed since it was published on {timezone.localdate(published):%B %-d, %Y}; "
        "a review is due every 12 months: no reviewer is named: choose one and ask them to review it"
    ) in go_live_check_output()
