"""Seed the concept words people use for work and for a partner, so "career" finds the job articles and "husband"
finds the one about a spouse's drinking (issue 14).

The job row pages 0010 seeded gains "career" and "employer" when it still reads exactly as seeded; when an editor
has changed or removed it, their row is left alone and the work words get a row of their own. The rows are copied
here, so this migration keeps meaning what it meant whatever later code does.
"""

from django.db import migrations

SEEDED_WORK = "job, work, employment"  # as pages 0010 seeded it
EXTENDED_WORK = "job, work, employment, career, employer"
WORK = "job, work, career, employer"  # beside an editor's own job row
# A wife is a spouse as much as a husband is; "loved one" is how families' articles name the person who drinks.
PARTNER = "husband, wife, spouse, partner, loved one"


def forwards(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    if not Synonym.objects.filter(terms=SEEDED_WORK).update(terms=EXTENDED_WORK):
        Synonym.objects.get_or_create(terms=WORK)
    Synonym.objects.get_or_create(terms=PARTNER)


def backwards(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    Synonym.objects.filter(terms=EXTENDED_WORK).update(terms=SEEDED_WORK)
    Synonym.objects.filter(terms__in=[WORK, PARTNER]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("pages", "0010_synonyms_that_mean_the_same"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
