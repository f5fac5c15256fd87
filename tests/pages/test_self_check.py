"""/self-check/: published screening questions in the page's language, an answer in plain words with places to turn,
and nothing of what was answered kept anywhere: not in the database, the logs, the caches or the search counts."""

import logging
import pickle

import pytest
from django.apps import apps
from django.core.cache import caches

from center.models import SiteSettings
from search.models import SearchCount
from tests.support.htmlpage import parse_html, text_by_language

URL = "/self-check/"
SPANISH_URL = "/es/self-check/"
# Answers no page of the site holds otherwise, so finding one anywhere means an answer was kept.
DRUG_USE_TIMES = "4817"
RISKY_DRINKING = {"how_often": "2-3-a-week", "how_many": "5-6", "six_or_more": "monthly"}  # 3 + 2 + 2 = 7


def answer(client, url=URL, **answers):
    return client.post(url, answers)


def test_the_questions_are_the_published_ones_in_english(client, db):
    page = parse_html(client.get(URL).content)
    text = page.text
    assert page.texts("h1") == ["A private self-check on alcohol and drugs"]
    assert "How often do you have a drink containing alcohol?" in text
    assert "How many drinks containing alcohol do you have on a typical day when you are drinking?" in text
    assert "How often do you have six or more drinks on one occasion?" in text
    assert (
        "How many times in the past year have you used an illegal drug or used a prescription medication for "
        "nonmedical reasons?" in text
    )
    (form,) = page.find_all("form", **{"class": "self-check-form"})
    assert form.attrs["method"] == "post"


def test_spanish_shows_the_who_spanish_audit_c_and_the_untranslated_drug_question_marked_english(client, db):
    html = client.get(SPANISH_URL).content
    by_language = text_by_language(html)
    assert "¿Con qué frecuencia consume alguna bebida alcohólica?" in by_language["es"]
    assert "¿Con qué frecuencia toma 6 o más bebidas alcohólicas en un solo día?" in by_language["es"]
    assert "A diario o casi a diario" in by_language["es"]
    assert "used an illegal drug or used a prescription medication for nonmedical reasons?" in by_language["en"]
    assert "no encontramos una versión publicada" in by_language["es"]


def test_a_risky_answer_gives_guidance_988_samhsa_and_the_centers_buttons_but_no_diagnosis(client, db):
    response = answer(client, **RISKY_DRINKING, drug_use_times="2")
    assert response.status_code == 200
    page = parse_html(response.content)
    text = page.text
    assert "Your score: 7 of 12." in text
    assert "not a diagnosis" in text
    assert "It is worth talking over with a doctor or counselor." in text
    hrefs = {el.attrs.get("href") for el in page.find_all("a")}
    site = SiteSettings.load()
    assert {"tel:988", "tel:+18006624357", site.phone_href, "/contact/"} <= hrefs
    for word in ("disorder", "addict", "alcoholic", "diagnos"):
        assert word not in text.replace("not a diagnosis", ""), f"the answer must not label anyone: {word!r}"


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"how_often": "never"}, "You said you never have a drink containing alcohol."),
        (
            {"how_often": "monthly-or-less", "how_many": "3-4", "six_or_more": "less-than-monthly"},
            "For women, 3 or more is the level",
        ),
        ({"how_often": "monthly-or-less", "how_many": "1-2", "six_or_more": "never"}, "That is below the levels"),
        ({"drug_use_times": "0"}, "You answered none in the past year."),
    ],
    ids=["never drinks", "three points", "one point", "no drugs"],
)
def test_the_answer_follows_the_published_scoring(client, db, answers, expected):
    response = answer(client, **answers)
    assert response.status_code == 200
    assert expected in parse_html(response.content).text


def test_the_spanish_answer_is_in_spanish(client, db):
    response = answer(client, SPANISH_URL, **RISKY_DRINKING)
    page = parse_html(response.content)
    assert response.status_code == 200
    assert page.texts("h1") == ["Su autoevaluación"]
    assert "Su puntuación: 7 de 12." in page.text


@pytest.mark.parametrize(
    ("answers", "error"),
    [
        ({}, "Please answer the questions about alcohol, the question about drugs, or both."),
        ({"how_often": "monthly-or-less"}, "Please choose an answer to each question about alcohol"),
        ({"drug_use_times": "a few"}, "Please type a whole number of times"),
        ({"drug_use_times": "-3"}, "Please type 0 or a higher number."),
        ({"drug_use_times": "99999999999999999999999"}, "Please type a number no higher than 10000."),
        ({"how_often": "every hour"}, "Select a valid choice."),
    ],
    ids=["nothing", "half the alcohol questions", "words", "negative", "huge", "made-up answer"],
)
def test_bad_answers_come_back_with_a_friendly_error_and_a_400(client, db, answers, error):
    response = answer(client, **answers)
    assert response.status_code == 400
    page = parse_html(response.content)
    assert error in page.text
    assert page.find_all("form", **{"class": "self-check-form"}), "the form is there to try again"


def test_the_page_is_never_stored_and_sets_no_cookie(client, db):
    for response in (client.get(URL), answer(client, **RISKY_DRINKING)):
        assert "no-store" in response["Cache-Control"]
        assert not response.cookies
    assert not client.cookies, "no session, no CSRF token: nothing that could tie answers to a visitor"


def test_an_answer_in_the_address_is_not_read(client, db):
    """Answers belong in the POST body; a link that carries them shows the questions, unanswered."""
    page = parse_html(client.get(URL, {"how_often": "2-3-a-week", "drug_use_times": DRUG_USE_TIMES}).content)
    assert "Your score" not in page.text
    assert not [el for el in page.find_all("input") if el.attrs.get("value") == DRUG_USE_TIMES]


def every_row():
    """Every row of every table the project's models write to, as text."""
    return [repr(row) for model in apps.get_models() for row in model.objects.values_list()]


def every_cached_value():
    """What each cache holds (these tests run on per-process memory caches), as bytes."""
    return [value for cache in caches.all() for value in getattr(cache, "_cache", {}).values()]


def test_twenty_answers_leave_no_trace_in_the_database_logs_caches_or_search_counts(client, db, caplog):
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.INFO, logger="restoration.requests")  # production's level: a line per request
    client.get(URL)  # the page's own first visit creates the site-settings record it shows
    rows_before = every_row()
    for _ in range(10):
        assert answer(client, **RISKY_DRINKING, drug_use_times=DRUG_USE_TIMES).status_code == 200
        in_spanish_with_a_mistake = {"how_often": "4-or-more-a-week", "drug_use_times": "x" + DRUG_USE_TIMES}
        assert answer(client, SPANISH_URL, **in_spanish_with_a_mistake).status_code == 400
    assert every_row() == rows_before
    assert not SearchCount.objects.exists()
    logged = "\n".join(record.getMessage() + repr(record.__dict__) for record in caplog.records)
    assert "POST /self-check/ 200" in logged, "the request log was listening"
    kept = b"\n".join(pickle.dumps(value) if not isinstance(value, bytes) else value for value in every_cached_value())
    for value in (DRUG_USE_TIMES, "2-3-a-week", "4-or-more-a-week"):
        assert value not in logged
        assert value.encode() not in kept
