"""Replace the seeded synonyms with words that mean the same, since every word of a group finds all the others.

The first seed (0007) grouped words that are only related: "insurance, coverage, cost, pay" made a search for
insurance rank a sentence about careers that cost people. Rows that still read exactly as 0007 seeded them are
replaced; rows an editor added or changed are left alone. Both lists are copied here, so this migration keeps
meaning what it meant whatever later code does.
"""

from django.db import migrations

FIRST_SEED = [
    "job, work, career, employment, employer, working",
    "rehab, treatment, rehabilitation",
    "drinking, alcohol, alcoholism, drink",
    "iop, intensive outpatient program, intensive outpatient",
    "drugs, substance use, addiction",
    "family, loved one, relatives, parents",
    "relapse, slip, setback",
    "counselling, counseling, therapy, therapist",
    "insurance, coverage, cost, pay",
    "detox, withdrawal, detoxification",
]

# Abbreviations, spellings, and the everyday and clinical names of one thing: nothing merely related.
SEED = [
    "job, work, employment",
    "rehab, addiction treatment",
    "addiction, substance use disorder",
    "alcoholism, alcohol use disorder",
    "iop, intensive outpatient program, intensive outpatient",
    "counseling, counselling",
    "detox, detoxification",
    "insurance, health plan",
    "cannabis, marijuana",
    "telehealth, telemedicine",
    "teen, teenager",
]


def _replace(apps, old, new):
    Synonym = apps.get_model("pages", "Synonym")
    Synonym.objects.filter(terms__in=old).delete()
    for terms in new:
        Synonym.objects.get_or_create(terms=terms)


def forwards(apps, schema_editor):
    _replace(apps, FIRST_SEED, SEED)


def backwards(apps, schema_editor):
    _replace(apps, SEED, FIRST_SEED)


class Migration(migrations.Migration):
    dependencies = [("pages", "0009_editors_see_search_reports")]

    operations = [migrations.RunPython(forwards, backwards)]
