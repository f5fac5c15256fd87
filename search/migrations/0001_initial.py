"""The search models move here from pages, in Django's state only: their tables, indexes and data stay as they are.

The tables keep their names (``pages_searchentry``, ``pages_synonym``, ``pages_searchcount``, set as ``db_table``),
and so do the constraints, the index and the full-text index with its triggers (pages 0004-0013), so an existing
database migrates in place without a single statement. pages 0014 removes the models from pages' state and hands
their content types (and so the Editors group's permissions) over to this app.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("pages", "0013_publication_date_empty_for_drafts"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="SearchEntry",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("kind", models.CharField(choices=[("article", "Article"), ("page", "Page")], max_length=10)),
                        ("object_id", models.PositiveIntegerField()),
                        ("title", models.CharField(max_length=200)),
                        ("summary", models.TextField(help_text="The summary and the headings of the body.")),
                        ("topics", models.TextField(blank=True)),
                        ("body", models.TextField(help_text="The body as plain text.")),
                        ("url", models.CharField(max_length=300)),
                        (
                            "status",
                            models.CharField(choices=[("draft", "Draft"), ("published", "Published")], max_length=10),
                        ),
                        ("published_at", models.DateTimeField(null=True)),
                    ],
                    options={
                        "verbose_name_plural": "search entries",
                        "db_table": "pages_searchentry",
                        "indexes": [
                            models.Index(fields=["status", "published_at"], name="pages_searc_status_6674fc_idx")
                        ],
                        "constraints": [
                            models.UniqueConstraint(fields=("kind", "object_id"), name="unique_search_entry")
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="Synonym",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "terms",
                            models.CharField(
                                help_text="Words or short phrases that mean the same here, separated by commas: "
                                "job, work, career.",
                                max_length=300,
                                unique=True,
                            ),
                        ),
                    ],
                    options={"db_table": "pages_synonym", "ordering": ["terms"]},
                ),
                migrations.CreateModel(
                    name="SearchCount",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("query", models.CharField(max_length=100)),
                        ("day", models.DateField()),
                        ("searches", models.PositiveIntegerField(default=0)),
                        ("searches_without_results", models.PositiveIntegerField(default=0)),
                    ],
                    options={
                        "db_table": "pages_searchcount",
                        "ordering": ["-day", "-searches"],
                        "constraints": [
                            models.UniqueConstraint(fields=("query", "day"), name="unique_search_count_per_day")
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="SearchWithoutResults",
                    fields=[],
                    options={
                        "verbose_name": "search with no results",
                        "verbose_name_plural": "searches with no results",
                        "proxy": True,
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=("search.searchcount",),
                ),
                migrations.CreateModel(
                    name="TopSearch",
                    fields=[],
                    options={
                        "verbose_name": "top search",
                        "verbose_name_plural": "top searches",
                        "proxy": True,
                        "indexes": [],
                        "constraints": [],
                    },
                    bases=("search.searchcount",),
                ),
            ],
        ),
    ]
