"""Render the stored body and sources HTML again, so links to other sites already saved carry rel="noreferrer".

HTML is rendered once, on save (restoration/markdown.py); without this step only pages saved after the change would.
"""

from django.db import migrations

from restoration.markdown import render_markdown

RENDERED = {"Article": {"body": "body_html", "citations": "citations_html"}, "ContentPage": {"body": "body_html"}}


def render_again(apps, schema_editor):
    for model_name, fields in RENDERED.items():
        model = apps.get_model("pages", model_name)
        for row in model.objects.only("pk", *fields).iterator():
            # update(), not save(): nothing but the rendering changes, not even the "updated" time.
            model.objects.filter(pk=row.pk).update(
                **{html: render_markdown(getattr(row, source)) for source, html in fields.items()}
            )


class Migration(migrations.Migration):
    dependencies = [("pages", "0011_delete_search_counts_that_may_name_visitors")]

    operations = [migrations.RunPython(render_again, migrations.RunPython.noop)]
