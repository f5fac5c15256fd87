"""The data migration that replaces the first seeded synonyms keeps what editors added or changed."""

import io

from django.core.management import call_command

from search.models import Synonym
from tests.support.builders import SEEDED_SYNONYMS


def test_the_first_seed_is_replaced_and_editors_rows_stay(transactional_db):
    call_command("migrate", "pages", "0009", stdout=io.StringIO())
    assert Synonym.objects.filter(terms="insurance, coverage, cost, pay").exists()
    Synonym.objects.create(terms="sober, sobriety")  # an editor's own
    Synonym.objects.filter(terms="relapse, slip, setback").update(terms="relapse, slip")  # an editor's change
    call_command("migrate", "pages", stdout=io.StringIO())
    expected = {*SEEDED_SYNONYMS, "sober, sobriety", "relapse, slip"}
    assert set(Synonym.objects.values_list("terms", flat=True)) == expected
