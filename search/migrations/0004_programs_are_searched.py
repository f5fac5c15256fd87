from django.db import migrations, models


def entries_follow_programs(apps, schema_editor):
    """Program pages became programs (pages 0015): their index entries now name the program."""
    SearchEntry = apps.get_model("search", "SearchEntry")
    Program = apps.get_model("pages", "Program")
    for program in Program.objects.all():
        SearchEntry.objects.filter(kind="page", url=f"/programs/{program.slug}/").update(
            kind="program", object_id=program.pk
        )


def forget_program_entries(apps, schema_editor):
    """Going back, the programs are pages again only after this runs: ``rebuild_search_index`` indexes them."""
    apps.get_model("search", "SearchEntry").objects.filter(kind="program").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_search_terms_and_title_index"),
        ("pages", "0015_center_facts_and_programs"),
    ]

    operations = [
        migrations.AlterField(
            model_name="searchentry",
            name="kind",
            field=models.CharField(
                choices=[("article", "Article"), ("page", "Page"), ("program", "Program")], max_length=10
            ),
        ),
        migrations.RunPython(entries_follow_programs, forget_program_entries),
    ]
