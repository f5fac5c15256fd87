"""The data migrations that seed synonyms keep what editors added or changed, and can be undone."""

import io

import pytest
from django.core.management import call_command

from search.models import Synonym
from tests.support.builders import SEEDED_SPANISH_SYNONYMS, SEEDED_SYNONYMS
from tests.support.migrations import model_as_of

CONCEPT_ROWS = {"job, work, employment, career, employer", "husband, wife, spouse, partner, loved one"}


def migrate(*target):
    call_command("migrate", *target, stdout=io.StringIO())


@pytest.fixture(autouse=True)
def _latest_schema_afterwards(transactional_db):
    """Tests here migrate back; the tests after them need today's tables (search 0003's term list among them)."""
    yield
    migrate()


def synonym_rows(language="en"):
    return set(Synonym.objects.filter(language=language).values_list("terms", flat=True))


def synonyms_before_languages():
    """The synonym model of search 0001, before lists had a language: what the tests write while migrated back."""
    return model_as_of("search", "0001", "Synonym")


def test_the_first_seed_is_replaced_and_editors_rows_stay(transactional_db):
    migrate("pages", "0009")
    OldSynonym = model_as_of("pages", "0009", "Synonym")
    assert OldSynonym.objects.filter(terms="insurance, coverage, cost, pay").exists()
    OldSynonym.objects.create(terms="sober, sobriety")  # an editor's own
    OldSynonym.objects.filter(terms="relapse, slip, setback").update(terms="relapse, slip")  # an editor's change
    migrate()
    assert synonym_rows() == {*SEEDED_SYNONYMS, "sober, sobriety", "relapse, slip"}


def test_the_seeded_job_row_gains_career_and_employer_and_a_row_for_a_partner_is_added(transactional_db):
    migrate("search", "0001")
    synonyms_before_languages().objects.all().delete()
    synonyms_before_languages().objects.create(terms="job, work, employment")  # as pages 0010 seeded it
    migrate("search")
    assert synonym_rows() == CONCEPT_ROWS


def test_an_editors_own_job_row_stays_and_the_work_words_get_a_row_beside_it_until_migrated_back(transactional_db):
    migrate("search", "0001")
    synonyms_before_languages().objects.all().delete()
    synonyms_before_languages().objects.create(terms="job, work, shift")
    migrate("search")
    assert synonym_rows() == {
        "job, work, shift",
        "job, work, career, employer",
        "husband, wife, spouse, partner, loved one",
    }
    migrate("search", "0001")
    assert set(synonyms_before_languages().objects.values_list("terms", flat=True)) == {"job, work, shift"}


def test_migrating_back_restores_the_seeded_job_row_and_keeps_editors_rows(transactional_db):
    migrate("search", "0001")
    synonyms_before_languages().objects.all().delete()
    synonyms_before_languages().objects.create(terms="job, work, employment")
    synonyms_before_languages().objects.create(terms="sober, sobriety")
    migrate("search")
    migrate("search", "0001")
    assert set(synonyms_before_languages().objects.values_list("terms", flat=True)) == {
        "job, work, employment",
        "sober, sobriety",
    }


def test_spanish_lists_are_seeded_for_spanish_searches_and_go_when_migrated_back(transactional_db):
    migrate("search", "0004")
    synonyms_before_languages().objects.all().delete()
    for terms in SEEDED_SYNONYMS:
        synonyms_before_languages().objects.create(terms=terms)
    migrate("search")
    Synonym.objects.create(language="es", terms="recaída, desliz")  # an editor's own Spanish list
    assert synonym_rows("es") == {*SEEDED_SPANISH_SYNONYMS, "recaída, desliz"}
    assert synonym_rows("en") == set(SEEDED_SYNONYMS), "English searches keep their own lists"
    migrate("search", "0004")
    assert set(synonyms_before_languages().objects.values_list("terms", flat=True)) == set(SEEDED_SYNONYMS)
