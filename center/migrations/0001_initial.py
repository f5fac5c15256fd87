"""The center's facts move here from pages, in Django's state only: their tables and rows stay as they are.

The tables keep the names pages gave them (``db_table``: pages_sitesettings, pages_openinghours, pages_license,
pages_accreditation, pages_payer, pages_notice), so the migration runs no statement on the tables, and a server
still running the code before the move (a rolling deploy, an image rolled back) reads the same tables. pages 0020
removes the models from pages' state. Their content types are relabelled rather than made anew, so the permissions
that name them (the Editors group views the site settings) and the admin's history of them carry over.
"""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

MOVED_MODELS = ("sitesettings", "openinghours", "license", "accreditation", "payer", "notice")


def move_content_types(old_label, new_label):
    def move(apps, schema_editor):
        content_types = apps.get_model("contenttypes", "ContentType").objects.using(schema_editor.connection.alias)
        for model in MOVED_MODELS:
            # After a migrate back, post_migrate made fresh, ungranted content types under the other label; the
            # relabelled ones hold the grants and the history, so the fresh ones give way.
            if content_types.filter(app_label=old_label, model=model).exists():
                content_types.filter(app_label=new_label, model=model).delete()
                content_types.filter(app_label=old_label, model=model).update(app_label=new_label)

    return move


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("pages", "0019_spanish_site_texts_and_notices"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Accreditation",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "body",
                            models.CharField(
                                help_text="For example: The Joint Commission, CARF.",
                                max_length=100,
                                verbose_name="accrediting body",
                            ),
                        ),
                        (
                            "scope",
                            models.CharField(
                                help_text="As the accreditation states it.",
                                max_length=200,
                                verbose_name="what it covers",
                            ),
                        ),
                        ("valid_from", models.DateField()),
                        ("valid_until", models.DateField()),
                        (
                            "lookup_url",
                            models.URLField(
                                blank=True,
                                help_text="Where the accrediting body lists the center.",
                                max_length=500,
                                verbose_name="public lookup page",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "pages_accreditation",
                        "ordering": ["body"],
                    },
                ),
                migrations.CreateModel(
                    name="License",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[("licensed", "Licensed facility"), ("certified", "Certified program")],
                                max_length=10,
                            ),
                        ),
                        (
                            "issuer",
                            models.CharField(default="State Department of Health Care Services", max_length=100),
                        ),
                        ("number", models.CharField(max_length=50, verbose_name="license or certification number")),
                        ("expires_on", models.DateField(verbose_name="expiry date")),
                        (
                            "lookup_url",
                            models.URLField(
                                help_text="The issuer's public page that shows this number and its expiry date (DHCS's facility lookup).",
                                max_length=500,
                                verbose_name="issuer's lookup page",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "license or certification",
                        "verbose_name_plural": "licenses and certifications",
                        "db_table": "pages_license",
                        "ordering": ["kind", "number"],
                    },
                ),
                migrations.CreateModel(
                    name="Payer",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("name", models.CharField(max_length=100)),
                        (
                            "plan_types",
                            models.CharField(blank=True, help_text="For example: PPO, EPO, HMO.", max_length=200),
                        ),
                        (
                            "network_status",
                            models.CharField(
                                choices=[
                                    ("in", "In network"),
                                    ("out", "Out of network"),
                                    ("single-case", "Out of network; a single-case agreement may be possible"),
                                ],
                                max_length=20,
                            ),
                        ),
                        (
                            "verified_on",
                            models.DateField(
                                help_text="The day staff last confirmed this with the payer.",
                                verbose_name="last verified",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "pages_payer",
                        "ordering": ["name", "plan_types"],
                    },
                ),
                migrations.CreateModel(
                    name="SiteSettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("name", models.CharField(default="Restoration Recovery Center", max_length=100)),
                        (
                            "phone",
                            models.CharField(
                                default="(916) 555-0100",
                                help_text="As shown to visitors. 555-01xx is a placeholder.",
                                max_length=30,
                            ),
                        ),
                        ("email", models.EmailField(default="admissions@example.org", max_length=254)),
                        ("street_address", models.CharField(default="[Street address not yet set]", max_length=200)),
                        ("city", models.CharField(default="Sacramento", max_length=100)),
                        ("region", models.CharField(default="CA", max_length=50)),
                        ("postal_code", models.CharField(default="[ZIP]", max_length=20)),
                        (
                            "hours_note",
                            models.CharField(
                                blank=True,
                                help_text="Shown after the opening hours, for example: Closed on public holidays.",
                                max_length=200,
                                verbose_name="note on the hours",
                            ),
                        ),
                        (
                            "hours_note_es",
                            models.CharField(
                                blank=True,
                                help_text="The same note for the Spanish pages, for example: Cerrado los días festivos. Leave empty and Spanish pages show the English note.",
                                max_length=200,
                                verbose_name="note on the hours, in Spanish",
                            ),
                        ),
                        (
                            "response_target_hours",
                            models.PositiveSmallIntegerField(
                                blank=True,
                                help_text="The promise the contact and thank-you pages make, counted in the opening hours below: with 2, a message sent on Friday night is promised a reply by 10 a.m. Monday when you open at 8. Leave empty to make no promise.",
                                null=True,
                                validators=[
                                    django.core.validators.MinValueValidator(1),
                                    django.core.validators.MaxValueValidator(72),
                                ],
                                verbose_name="admissions replies within (business hours)",
                            ),
                        ),
                        (
                            "self_pay_information",
                            models.TextField(
                                blank=True,
                                help_text="What treatment costs without insurance and how payment works, as visitors should read it. Markdown: a blank line starts a new paragraph; ## Heading for a section, ### for a sub-section; **bold**, *italic*; - item for a bulleted list, 1. item for a numbered one; [link text](https://…). HTML is cleaned: scripts, styles and embedded frames are removed.",
                                verbose_name="self-pay information",
                            ),
                        ),
                        ("self_pay_html", models.TextField(default="", editable=False)),
                        (
                            "self_pay_information_es",
                            models.TextField(
                                blank=True,
                                help_text="The same for the Spanish pages. Leave empty and Spanish pages show the English text. Markdown: a blank line starts a new paragraph; ## Heading for a section, ### for a sub-section; **bold**, *italic*; - item for a bulleted list, 1. item for a numbered one; [link text](https://…). HTML is cleaned: scripts, styles and embedded frames are removed.",
                                verbose_name="self-pay information, in Spanish",
                            ),
                        ),
                        ("self_pay_html_es", models.TextField(default="", editable=False)),
                        (
                            "family_services",
                            models.TextField(
                                blank=True,
                                help_text="Family sessions, groups or education the center offers, shown on the For families page. Markdown: a blank line starts a new paragraph; ## Heading for a section, ### for a sub-section; **bold**, *italic*; - item for a bulleted list, 1. item for a numbered one; [link text](https://…). HTML is cleaned: scripts, styles and embedded frames are removed.",
                                verbose_name="what we offer families",
                            ),
                        ),
                        ("family_services_html", models.TextField(default="", editable=False)),
                        (
                            "family_services_es",
                            models.TextField(
                                blank=True,
                                help_text="The same for the Spanish pages. Leave empty and Spanish pages show the English text. Markdown: a blank line starts a new paragraph; ## Heading for a section, ### for a sub-section; **bold**, *italic*; - item for a bulleted list, 1. item for a numbered one; [link text](https://…). HTML is cleaned: scripts, styles and embedded frames are removed.",
                                verbose_name="what we offer families, in Spanish",
                            ),
                        ),
                        ("family_services_html_es", models.TextField(default="", editable=False)),
                        (
                            "is_placeholder",
                            models.BooleanField(
                                default=True,
                                help_text="Untick once the details above are real; while ticked the site says they are placeholders.",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "site settings",
                        "verbose_name_plural": "site settings",
                        "db_table": "pages_sitesettings",
                    },
                ),
                migrations.CreateModel(
                    name="Notice",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("client-rights", "Client bill of rights"),
                                    ("notice-of-privacy-practices", "Notice of Privacy Practices"),
                                    ("confidentiality-of-records", "Confidentiality of substance use records"),
                                ],
                                max_length=40,
                            ),
                        ),
                        (
                            "language",
                            models.CharField(
                                choices=[("en", "English"), ("es", "Español")],
                                default="en",
                                help_text="The language this version is written in. The English notice is the center's own; a Spanish version is shown on the Spanish page, which until then shows the English one.",
                                max_length=5,
                            ),
                        ),
                        ("effective_on", models.DateField(verbose_name="effective date")),
                        (
                            "body",
                            models.TextField(
                                help_text="The notice's text as the center issues it. Markdown: a blank line starts a new paragraph; ## Heading for a section, ### for a sub-section; **bold**, *italic*; - item for a bulleted list, 1. item for a numbered one; [link text](https://…). HTML is cleaned: scripts, styles and embedded frames are removed."
                            ),
                        ),
                        ("body_html", models.TextField(default="", editable=False)),
                        ("updated_at", models.DateTimeField(auto_now=True)),
                    ],
                    options={
                        "db_table": "pages_notice",
                        "ordering": ["kind", "-effective_on"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("kind", "language", "effective_on"),
                                name="one_notice_version_per_language_and_day",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="OpeningHours",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "first_day",
                            models.PositiveSmallIntegerField(
                                choices=[
                                    (1, "Monday"),
                                    (2, "Tuesday"),
                                    (3, "Wednesday"),
                                    (4, "Thursday"),
                                    (5, "Friday"),
                                    (6, "Saturday"),
                                    (7, "Sunday"),
                                ]
                            ),
                        ),
                        (
                            "last_day",
                            models.PositiveSmallIntegerField(
                                choices=[
                                    (1, "Monday"),
                                    (2, "Tuesday"),
                                    (3, "Wednesday"),
                                    (4, "Thursday"),
                                    (5, "Friday"),
                                    (6, "Saturday"),
                                    (7, "Sunday"),
                                ],
                                help_text="The same as the first day for a single day.",
                            ),
                        ),
                        ("opens", models.TimeField(help_text="24-hour clock, for example 09:00.", verbose_name="from")),
                        (
                            "closes",
                            models.TimeField(help_text="24-hour clock, for example 17:30.", verbose_name="until"),
                        ),
                        (
                            "site",
                            models.ForeignKey(
                                default=1,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="opening_hours",
                                to="center.sitesettings",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "opening hours",
                        "verbose_name_plural": "opening hours",
                        "db_table": "pages_openinghours",
                        "ordering": ["first_day", "opens"],
                        "abstract": False,
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types("pages", "center"), move_content_types("center", "pages")),
    ]
